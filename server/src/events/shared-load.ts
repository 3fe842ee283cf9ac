/**
 * One database read per event for all of a process's subscriptions. The bus hands the
 * same event object to every listener, so a load keyed by that object is done once however
 * many clients follow the run: 20 dashboards on one run cost one read per logMetrics call,
 * not 20 (which also queued them behind each other for the connection pool until loads
 * timed out and events were lost).
 */
import type { LiveEvent } from "./events.ts";

/**
 * Returns a loader that runs `load` once per event and hands every caller the same
 * promise. A failed load is forgotten, so that a retry reads again. Entries go with their
 * event (a WeakMap): nothing to clean up.
 */
export function sharedLoads<T>(): (event: LiveEvent, load: () => Promise<T>) => Promise<T> {
  const loads = new WeakMap<LiveEvent, Promise<T>>();
  return (event, load) => {
    let promise = loads.get(event);
    if (!promise) {
      promise = load();
      loads.set(event, promise);
      promise.catch(() => loads.get(event) === promise && loads.delete(event));
    }
    return promise;
  };
}

/**
 * Starting a page's big API request from the HTML itself: the server renders a tiny
 * inline script that POSTs the query as soon as the browser parses it, long before the
 * page's code has loaded and hydrated; the component that needs the answer then takes
 * the promise instead of asking again. (Client-side navigations do not run inline
 * scripts: there the component finds nothing and fetches as usual.)
 */

const GLOBAL = "__sparringPreload";

export interface PreloadRequest {
  /** Unique per rendered page, so a stale answer is never picked up. */
  key: string;
  url: string;
  query: string;
  variables: Record<string, unknown>;
}

/** JSON that is safe inside an inline <script> (no "</script>", no U+2028/9 surprises). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The inline script's source. */
export function preloadScript(request: PreloadRequest): string {
  const body = scriptJson(JSON.stringify({ query: request.query, variables: request.variables }));
  return (
    `(window.${GLOBAL}=window.${GLOBAL}||{})[${scriptJson(request.key)}]=` +
    `fetch(${scriptJson(request.url)},{method:"POST",credentials:"include",headers:{"content-type":"application/json"},body:${body}})` +
    `.then(function(r){return r.json()});`
  );
}

/** A GraphQL answer as the preload script leaves it. */
export interface PreloadedAnswer<T> {
  data?: T | null;
  errors?: { message: string }[];
}

/** The preloaded answer for `key`, if the page's script ran (keys are unique per render, so it is never stale). */
export function takePreloaded<T>(key: string): Promise<PreloadedAnswer<T>> | undefined {
  if (typeof window === "undefined") return undefined;
  const store = (window as unknown as Record<string, Record<string, Promise<PreloadedAnswer<T>>> | undefined>)[GLOBAL];
  return store?.[key];
}

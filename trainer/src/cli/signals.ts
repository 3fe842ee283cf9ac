/** Graceful stops for the command-line tools: the first SIGINT/SIGTERM asks, the second insists. */

/**
 * Calls `stop` on the first SIGINT or SIGTERM; a second signal exits at once with 130.
 * @returns a function that removes the handlers.
 */
export function stopOnSignals(stop: (signal: NodeJS.Signals) => void): () => void {
  let received = false;
  const handler = (signal: NodeJS.Signals) => {
    if (received) {
      console.error(`${signal} again: exiting now`);
      process.exit(130);
    }
    received = true;
    console.error(`${signal}: stopping (send it again to exit at once)`);
    stop(signal);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

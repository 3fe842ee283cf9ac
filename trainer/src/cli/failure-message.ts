/** How an error reads when stored as a run's `error` or printed by the tools. */

/** What went wrong, without a stack: "RangeError: …" for typed errors, the message otherwise. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) {
    const text = error.message || error.name;
    return error.name && error.name !== "Error" && !text.startsWith(error.name) ? `${error.name}: ${text}` : text;
  }
  return String(error);
}

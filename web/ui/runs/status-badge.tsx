/** A run's status as a coloured pill (the colour is never the only cue: the word is there). */
import type { RunStatus } from "../../lib/gql/graphql.ts";

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      {status}
    </span>
  );
}

/**
 * A run as the runs table needs it: the API's row without its config (a few hundred
 * bytes a run that the table never shows) but with the schedule label computed from it.
 * Keeps the server-rendered page, and its hydration payload, small.
 */
import type { RunRowFieldsFragment } from "./gql/graphql.ts";
import { scheduleLabel } from "./schedule-label.ts";

export type TableRow = Omit<RunRowFieldsFragment, "config"> & { schedule: string };

export function toTableRow({ config, ...row }: RunRowFieldsFragment): TableRow {
  return { ...row, schedule: scheduleLabel(row.method, config) };
}

/**
 * Fetching the headers of N runs in one request. The contract has no "runs by ids" query,
 * so the document is built with one aliased `run(id:)` field per run, all sharing the
 * generated CompareRunFields fragment (so the result stays typed).
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse, print } from "graphql";
import type { CompareRunFieldsFragment } from "../../lib/gql/graphql.ts";
import { CompareRunFields } from "./operations.ts";

export type CompareRunsResult = Record<string, CompareRunFieldsFragment | null>;

/** The document and variables that fetch `ids` (result keys r0, r1, … in the same order). */
export function compareRunsRequest(ids: readonly string[]): {
  document: TypedDocumentNode<CompareRunsResult, Record<string, string>>;
  variables: Record<string, string>;
} {
  const variables = Object.fromEntries(ids.map((id, i) => [`r${i}`, id]));
  const declarations = ids.map((_, i) => `$r${i}: ID!`).join(", ");
  const fields = ids.map((_, i) => `r${i}: run(id: $r${i}) { ...CompareRunFields }`).join("\n");
  const document = parse(`query CompareRuns(${declarations}) {\n${fields}\n}\n${print(CompareRunFields)}`) as TypedDocumentNode<
    CompareRunsResult,
    Record<string, string>
  >;
  return { document, variables };
}

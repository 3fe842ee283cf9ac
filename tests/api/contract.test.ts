/**
 * The server's schema is a superset of the public contract: nothing in
 * shared/api/contract.graphql is removed, renamed or changed in meaning.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildSchema as buildSdl, findBreakingChanges, findDangerousChanges } from "graphql";
import { buildSchema } from "../../server/src/graphql/schema.ts";
import { ROOT } from "../support/platform.ts";

// The steering copy when this checkout sits beside it, else the copy committed here.
const shared = path.resolve(ROOT, "../shared/api/contract.graphql");
const contractFile = existsSync(shared) ? shared : path.join(ROOT, "tests/api/contract.graphql");

test("the API implements every type, field and argument of the contract", () => {
  const contract = buildSdl(readFileSync(contractFile, "utf8"));
  const ours = buildSchema();
  assert.deepEqual(findBreakingChanges(contract, ours), []);
  // New optional arguments are the superset the contract allows; other dangerous changes
  // (a new enum value, a changed default) would change what existing clients receive.
  assert.deepEqual(
    findDangerousChanges(contract, ours).filter((c) => c.type !== "OPTIONAL_ARG_ADDED"),
    [],
  );
});

test("the committed copy of the contract is current", () => {
  assert.equal(readFileSync(path.join(ROOT, "tests/api/contract.graphql"), "utf8"), readFileSync(contractFile, "utf8"));
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiGraphQLError, ApiTransportError } from "../report/api-error.ts";
import { authProblem } from "./auth-problem.ts";

test("token refusals read as what to do; other failures are not auth problems", () => {
  const missing = new ApiGraphQLError([
    { message: "missing token: send Authorization: Bearer <token>", extensions: { code: "UNAUTHENTICATED" } },
  ]);
  assert.equal(
    authProblem(missing),
    "the API refused the token: missing token: send Authorization: Bearer <token> (pass --token or set SPARRING_TOKEN)",
  );
  const readOnly = new ApiGraphQLError([{ message: 'token "r" has read scope', extensions: { code: "FORBIDDEN" } }]);
  assert.match(authProblem(readOnly)!, /use a write token/);
  assert.equal(authProblem(new ApiGraphQLError([{ message: "x", extensions: { code: "BAD_USER_INPUT" } }])), undefined);
  assert.equal(authProblem(new ApiTransportError("down")), undefined);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { isUnauthenticated } from "./auth-errors.ts";

test("UNAUTHENTICATED in any GraphQL error, or a bare 401, means signing in again", () => {
  assert.equal(isUnauthenticated({ graphQLErrors: [{ extensions: { code: "UNAUTHENTICATED" } }] }), true);
  assert.equal(isUnauthenticated({ graphQLErrors: [{ extensions: {} }, { extensions: { code: "UNAUTHENTICATED" } }] }), true);
  assert.equal(isUnauthenticated({ graphQLErrors: [], response: { status: 401 } }), true);
});

test("a read-only refusal, bad input, an outage or no error at all is not a sign-in matter", () => {
  assert.equal(isUnauthenticated({ graphQLErrors: [{ extensions: { code: "FORBIDDEN" } }], response: { status: 403 } }), false);
  assert.equal(isUnauthenticated({ graphQLErrors: [{ extensions: { code: "BAD_USER_INPUT" } }] }), false);
  assert.equal(isUnauthenticated({ graphQLErrors: [] }), false);
  assert.equal(isUnauthenticated(undefined), false);
});

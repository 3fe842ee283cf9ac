import assert from "node:assert/strict";
import { test } from "node:test";
import { connectionCredential, cookieAllowed, parseBearer, readCookie, requestCredential } from "./credentials.ts";

test("a bearer header yields its token; any other Authorization form is a problem", () => {
  assert.deepEqual(parseBearer("Bearer spt_abc"), { token: "spt_abc", via: "bearer" });
  assert.deepEqual(parseBearer("bearer  spt_abc "), { token: "spt_abc", via: "bearer" });
  assert.match((parseBearer("Basic dXNlcjpwdw==") as { problem: string }).problem, /expected Bearer <token>/);
  assert.match((parseBearer("Bearer") as { problem: string }).problem, /expected Bearer <token>/);
});

test("cookies are read by exact name", () => {
  assert.equal(readCookie("a=1; sparring_token=spt_x; b=2", "sparring_token"), "spt_x");
  assert.equal(readCookie("xsparring_token=1", "sparring_token"), undefined);
  assert.equal(readCookie('sparring_token="spt_%2Fq"', "sparring_token"), "spt_/q");
  assert.equal(readCookie(undefined, "sparring_token"), undefined);
});

test("a cookie counts only without Origin or from the Host's own host name, any port", () => {
  assert.equal(cookieAllowed(undefined, "127.0.0.1:4000"), true);
  assert.equal(cookieAllowed("http://127.0.0.1:3000", "127.0.0.1:4000"), true);
  assert.equal(cookieAllowed("https://Lab.example:3000", "lab.example:4000"), true);
  assert.equal(cookieAllowed("http://[::1]:3000", "[::1]:4000"), true);
  assert.equal(cookieAllowed("http://evil.example", "127.0.0.1:4000"), false);
  assert.equal(cookieAllowed("http://localhost:3000", "127.0.0.1:4000"), false);
  assert.equal(cookieAllowed("null", "127.0.0.1:4000"), false);
  assert.equal(cookieAllowed("http://127.0.0.1:3000", undefined), false);
});

test("the Authorization header wins over the cookie; a cross-origin cookie is a problem, not a token", () => {
  const cookie = "sparring_token=spt_cookie";
  assert.deepEqual(requestCredential({ authorization: "Bearer spt_h", cookie }), { token: "spt_h", via: "bearer" });
  assert.deepEqual(requestCredential({ cookie, origin: "http://127.0.0.1:3000", host: "127.0.0.1:4000" }), {
    token: "spt_cookie",
    via: "cookie",
  });
  assert.match(
    (requestCredential({ cookie, origin: "http://evil.example", host: "127.0.0.1:4000" }) as { problem: string }).problem,
    /not accepted from origin http:\/\/evil\.example/,
  );
  assert.equal(requestCredential({}), undefined);
  assert.equal(requestCredential({ authorization: "", cookie: "other=1" }), undefined);
});

test("a WebSocket's credential comes from connection_init first, then the upgrade request", () => {
  const upgrade = { cookie: "sparring_token=spt_cookie", host: "127.0.0.1:4000" };
  assert.deepEqual(connectionCredential({ authorization: "Bearer spt_p" }, upgrade), { token: "spt_p", via: "bearer" });
  assert.deepEqual(connectionCredential({ token: "spt_t" }, upgrade), { token: "spt_t", via: "bearer" });
  assert.deepEqual(connectionCredential({}, upgrade), { token: "spt_cookie", via: "cookie" });
  assert.deepEqual(connectionCredential(undefined, {}), undefined);
  assert.ok("problem" in (connectionCredential({ authorization: "Token x" }, upgrade) ?? {}));
});

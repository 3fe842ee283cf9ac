import assert from "node:assert/strict";
import { test } from "node:test";
import { bearer, cookieReachesApi, isHttpsRequest, TOKEN_MAX_AGE_S, tokenCookieOptions } from "./session-cookie.ts";

test("the token cookie is HttpOnly, SameSite=Strict, site-wide, and Secure only over https", () => {
  assert.deepEqual(tokenCookieOptions(false), { httpOnly: true, sameSite: "strict", path: "/", secure: false, maxAge: TOKEN_MAX_AGE_S });
  assert.equal(tokenCookieOptions(true).secure, true);
});

test("https is read from the first X-Forwarded-Proto hop", () => {
  assert.equal(isHttpsRequest("https"), true);
  assert.equal(isHttpsRequest("HTTPS, http"), true);
  assert.equal(isHttpsRequest("http"), false);
  assert.equal(isHttpsRequest("http, https"), false);
  assert.equal(isHttpsRequest(null), false);
});

test("a token becomes a bearer header; no token, no header", () => {
  assert.equal(bearer(" abc "), "Bearer abc");
  assert.equal(bearer(""), undefined);
  assert.equal(bearer(undefined), undefined);
});

test("the cookie reaches the API only when the dashboard and the API share a host name (ports may differ)", () => {
  assert.equal(cookieReachesApi("127.0.0.1:3000", "http://127.0.0.1:4000/graphql"), true);
  assert.equal(cookieReachesApi("Sparring.lab:3000", "https://sparring.lab:4000/graphql"), true);
  assert.equal(cookieReachesApi("[::1]:3000", "http://[::1]:4000/graphql"), true);
  assert.equal(cookieReachesApi("localhost:3000", "http://127.0.0.1:4000/graphql"), false);
  assert.equal(cookieReachesApi(undefined, "http://127.0.0.1:4000/graphql"), true);
});

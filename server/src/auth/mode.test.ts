import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultAuthMode, isLoopbackHost, parseAuthMode } from "./mode.ts";

test("loopback hosts are 127.0.0.0/8, ::1 and localhost; nothing else", () => {
  for (const host of [
    "127.0.0.1",
    "127.1.2.3",
    "127.255.255.255",
    "::1",
    "[::1]",
    "0:0:0:0:0:0:0:1",
    "::ffff:127.0.0.1",
    "localhost",
    "LocalHost",
  ]) {
    assert.equal(isLoopbackHost(host), true, host);
  }
  for (const host of [
    "0.0.0.0",
    "::",
    "10.0.0.1",
    "128.0.0.1",
    "127.0.0",
    "127.0.0.256",
    "localhost.example.com",
    "example.com",
    "::2",
    "",
  ]) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test("AUTH defaults to off on loopback only: an exposed platform is never open", () => {
  assert.equal(defaultAuthMode("127.0.0.1"), "off");
  assert.equal(defaultAuthMode("localhost"), "off");
  assert.equal(defaultAuthMode("0.0.0.0"), "required");
  assert.equal(defaultAuthMode("::"), "required");
  assert.equal(defaultAuthMode("192.168.1.20"), "required");
});

test("an explicit AUTH wins over the default; anything else is not a mode", () => {
  assert.equal(parseAuthMode("required", "127.0.0.1"), "required");
  assert.equal(parseAuthMode(" OFF ", "0.0.0.0"), "off");
  assert.equal(parseAuthMode("", "0.0.0.0"), "required");
  assert.equal(parseAuthMode(undefined, "127.0.0.1"), "off");
  assert.equal(parseAuthMode("on", "127.0.0.1"), undefined);
  assert.equal(parseAuthMode("true", "127.0.0.1"), undefined);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeBase64, inspectPng } from "./png.ts";

/** The smallest valid PNG: 1×1, one grey pixel. */
const ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==";

test("a PNG's size is read from its IHDR", () => {
  assert.deepEqual(inspectPng(decodeBase64(ONE_PIXEL_PNG)!), { ok: true, width: 1, height: 1 });
});

test("anything else is refused with a reason", () => {
  const check = inspectPng(Buffer.from("GIF89a........................................"));
  assert.equal(check.ok, false);
  assert.match((check as { reason: string }).reason, /not a PNG/);
  assert.equal(inspectPng(Buffer.alloc(0)).ok, false);
});

test("malformed base64 is recognised", () => {
  assert.equal(decodeBase64("not base64 at all!"), undefined);
  assert.equal(decodeBase64("abcde"), undefined);
  assert.ok(decodeBase64(`data:image/png;base64,${ONE_PIXEL_PNG}`));
});

/** Contract tests of images: PNGs only, size-limited, served by URL, listed by kind. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { expectError, query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { testPng } from "../support/png.ts";

let platform: Platform;
let api: string;
before(async () => {
  platform = await startPlatform();
  api = platform.apiUrl;
});
after(() => platform?.stop());

test("a PNG is stored, listed and served byte for byte", async () => {
  const { startRun } = await query(api, ops.StartRun, { input: { experimentName: "images", method: "GAN" } });
  const png = testPng(56, 28);
  const { logImage } = await query(api, ops.LogImage, {
    runId: startRun.id,
    step: 3,
    kind: "fgsm-examples",
    pngBase64: png.toString("base64"),
    caption: "cycle 3",
  });
  assert.deepEqual(
    [logImage.width, logImage.height, logImage.step, logImage.kind, logImage.caption],
    [56, 28, 3, "fgsm-examples", "cycle 3"],
  );
  assert.match(logImage.url, /^\/images\/[0-9a-f-]{36}\.png$/);
  await query(api, ops.LogImage, { runId: startRun.id, step: 1, kind: "generator-examples", pngBase64: testPng(4, 4).toString("base64") });

  const served = await fetch(new URL(logImage.url, api));
  assert.equal(served.status, 200);
  assert.equal(served.headers.get("content-type"), "image/png");
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
  assert.equal((await fetch(new URL("/images/00000000-0000-4000-8000-000000000000.png", api))).status, 404);
  assert.equal((await fetch(new URL("/images/..%2F..%2Fetc%2Fpasswd", api))).status, 404);

  const { run } = await query(api, ops.RunById, { id: startRun.id });
  assert.deepEqual(
    run!.images.map((i) => i.kind),
    ["fgsm-examples", "generator-examples"],
  );
});

test("anything but a PNG within the size limit is refused", async () => {
  const { startRun } = await query(api, ops.StartRun, { input: { experimentName: "images", method: "GAN" } });
  const runId = startRun.id;
  const gif = Buffer.from("GIF89a" + "x".repeat(40)).toString("base64");
  assert.match((await expectError(api, ops.LogImage, { runId, step: 0, kind: "k", pngBase64: gif })).message, /^pngBase64: is not a PNG/);
  assert.match(
    (await expectError(api, ops.LogImage, { runId, step: 0, kind: "k", pngBase64: "%%%" })).message,
    /^pngBase64: is not valid base64/,
  );
  const huge = Buffer.concat([testPng(8, 8), Buffer.alloc(4 * 1024 * 1024)]).toString("base64");
  assert.match(
    (await expectError(api, ops.LogImage, { runId, step: 0, kind: "k", pngBase64: huge })).message,
    /^pngBase64: image is larger than/,
  );
  assert.match(
    (await expectError(api, ops.LogImage, { runId, step: -1, kind: "k", pngBase64: testPng(1, 1).toString("base64") })).message,
    /^step: /,
  );
  assert.match(
    (await expectError(api, ops.LogImage, { runId, step: 0, kind: "../x", pngBase64: testPng(1, 1).toString("base64") })).message,
    /^kind: /,
  );
  await query(api, ops.FinishRun, { runId, status: "SUCCEEDED" });
  assert.match(
    (await expectError(api, ops.LogImage, { runId, step: 0, kind: "k", pngBase64: testPng(1, 1).toString("base64") })).message,
    /not RUNNING/,
  );
  assert.deepEqual((await query(api, ops.RunById, { id: runId })).run!.images, []);
});

test("request bodies that are too large or not JSON get a clear 4xx", async () => {
  const big = await fetch(api, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ experiments { id } }", pad: "x".repeat(9 * 1024 * 1024) }),
  });
  assert.equal(big.status, 413);
  assert.match(JSON.stringify(await big.json()), /larger than/);
  const junk = await fetch(api, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
  assert.equal(junk.status, 400);
  assert.match(JSON.stringify(await junk.json()), /not valid JSON/);
  assert.equal((await fetch(new URL("/healthz", api))).status, 200);
});

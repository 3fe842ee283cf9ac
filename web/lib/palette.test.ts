import assert from "node:assert/strict";
import { test } from "node:test";
import { seriesColor, seriesFill } from "./palette.ts";

test("the first hundred colours are all different", () => {
  assert.equal(new Set(Array.from({ length: 100 }, (_, i) => seriesColor(i))).size, 100);
});

test("fills are the line colour made translucent", () => {
  assert.equal(seriesFill(0, 0.2), seriesColor(0).replace(")", " / 0.2)"));
});

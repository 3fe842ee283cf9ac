import assert from "node:assert/strict";
import { test } from "node:test";
import { toCsv } from "./csv.ts";

test("plain cells stay bare; commas, quotes and newlines are quoted", () => {
  assert.equal(
    toCsv([
      ["run", "value"],
      ["a,b", 0.5],
      ['say "hi"', null],
      ["two\nlines", Number.NaN],
    ]),
    'run,value\r\n"a,b",0.5\r\n"say ""hi""",\r\n"two\nlines",\r\n',
  );
});

test("numbers keep full precision (the CSV must equal the API's values)", () => {
  assert.equal(toCsv([[0.1 + 0.2]]), "0.30000000000000004\r\n");
});

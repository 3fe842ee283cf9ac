import assert from "node:assert/strict";
import { test } from "node:test";
import { toCsv } from "./csv.ts";
import { attackMatrix, attackMatrixCsv, compareKeys, paperTable, paperTableCsv, parseRunIds } from "./compare-tables.ts";

const runs = [
  { id: "a", name: "gan-2to1" },
  { id: "b", name: "fgsm" },
];

test("the paper table has a row per cycle any run reached and a column per run", () => {
  const table = paperTable(
    runs,
    new Map([
      [
        "a",
        [
          { step: 0, value: 0.1 },
          { step: 1, value: 0.4 },
        ],
      ],
      ["b", [{ step: 0, value: 0.2 }]],
    ]),
  );
  assert.deepEqual(table.steps, [0, 1]);
  assert.deepEqual(table.cells, [
    [0.1, 0.2],
    [0.4, undefined],
  ]);
  assert.equal(toCsv(paperTableCsv(runs, table, "fgsm_accuracy")), "cycle \\ fgsm_accuracy,gan-2to1,fgsm\r\n0,0.1,0.2\r\n1,0.4,\r\n");
});

test("the matrix lists only attacks some run has, at every ε of any run", () => {
  const series = new Map([
    [
      "a",
      new Map([
        [
          "robustness/fgsm_accuracy",
          [
            { step: 100, value: 0.8 },
            { step: 250, value: 0.6 },
          ],
        ],
        ["robustness/generator_accuracy", [{ step: 100, value: 0.7 }]],
      ]),
    ],
    ["b", new Map([["robustness/fgsm_accuracy", [{ step: 100, value: 0.9 }]]])],
  ]);
  const matrix = attackMatrix(runs, series);
  assert.deepEqual(matrix.epsilons, [0.1, 0.25]);
  assert.deepEqual(
    matrix.attacks.map((a) => a.attack),
    ["FGSM", "Generator"],
  );
  assert.deepEqual(matrix.rows[0], [
    [0.8, 0.6],
    [0.7, undefined],
  ]);
  assert.deepEqual(matrix.rows[1], [
    [0.9, undefined],
    [undefined, undefined],
  ]);
  assert.deepEqual(attackMatrixCsv(runs, matrix)[0], ["run", "FGSM ε=0.1", "FGSM ε=0.25", "Generator ε=0.1", "Generator ε=0.25"]);
});

test("run ids come from a comma list, trimmed, unique, bounded", () => {
  assert.deepEqual(parseRunIds(" a,b,,a , c"), ["a", "b", "c"]);
  assert.deepEqual(parseRunIds(["a,b", "c"]), ["a", "b", "c"]);
  assert.deepEqual(parseRunIds(undefined), []);
  assert.equal(parseRunIds(Array.from({ length: 300 }, (_, i) => String(i)).join(",")).length, 200);
});

test("a comparison charts the union of its runs' keys, sweep aside, and fetches the sweep too", () => {
  const keys = compareKeys([
    { metricKeys: ["train/loss", "fgsm_accuracy"] },
    { metricKeys: ["clean_accuracy", "robustness/pgd_accuracy"] },
  ]);
  assert.deepEqual(keys.charted, ["clean_accuracy", "fgsm_accuracy", "train/loss"]);
  assert.deepEqual(keys.fetched.slice(3), ["robustness/fgsm_accuracy", "robustness/pgd_accuracy", "robustness/generator_accuracy"]);
});

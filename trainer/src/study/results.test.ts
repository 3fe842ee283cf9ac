import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BEGIN_MARK,
  END_MARK,
  percent,
  renderResults,
  runMinutes,
  scheduleLabel,
  spliceReport,
  studyMinutes,
  type StudyRun,
} from "./results.ts";

const t0 = new Date("2026-11-30T00:00:00Z");
const minutesLater = (m: number) => new Date(t0.getTime() + m * 60_000);

function run(name: string, method: string, schedule: unknown, series: StudyRun["series"], startMin = 0, endMin = 10): StudyRun {
  return {
    id: name,
    name,
    method,
    status: "SUCCEEDED",
    config: { cycles: 2, classifier: "mlp", epsilon: 0.25, ...(schedule ? { schedule } : {}) },
    error: null,
    startedAt: minutesLater(startMin),
    finishedAt: minutesLater(endMin),
    series,
  };
}

test("percentages, schedules and wall times read as in the paper", () => {
  assert.equal(percent(0.9731), "97.3");
  assert.equal(percent(undefined), "–");
  assert.equal(percent(Number.NaN), "–");
  assert.equal(scheduleLabel({ method: "GAN", config: { schedule: { type: "constant", ratio: 4 } } }), "4:1");
  assert.equal(scheduleLabel({ method: "GAN", config: { schedule: { type: "stepped", ratios: [6, 8, 12] } } }), "stepped 6-8-12");
  assert.equal(scheduleLabel({ method: "FGSM", config: {} }), "–");
  assert.equal(runMinutes({ startedAt: t0, finishedAt: minutesLater(2.5) }), 2.5);
  assert.equal(runMinutes({ startedAt: t0, finishedAt: null }), undefined);
  assert.equal(
    studyMinutes([
      { startedAt: minutesLater(1), finishedAt: minutesLater(3) },
      { startedAt: minutesLater(3), finishedAt: minutesLater(9) },
    ]),
    8,
  );
  // A study with a run still going has no wall time yet.
  assert.equal(studyMinutes([{ startedAt: t0, finishedAt: null }]), undefined);
});

test("renders the per-cycle tables, the adaptive ratio trace and the cross-attack matrix", () => {
  const runs = [
    run("standard", "STANDARD", undefined, {
      fgsm_accuracy: [
        { step: 0, value: 0.1 },
        { step: 1, value: 0.05 },
      ],
      clean_accuracy: [
        { step: 0, value: 0.1 },
        { step: 1, value: 0.97 },
      ],
      "robustness/fgsm_accuracy": [
        { step: 100, value: 0.5 },
        { step: 250, value: 0.04 },
      ],
    }),
    run(
      "gan-adaptive",
      "GAN",
      { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 40 },
      {
        ratio: [
          { step: 1, value: 7 },
          { step: 2, value: 3 },
        ],
        fgsm_accuracy: [
          { step: 0, value: 0.02 },
          { step: 1, value: 0.2 },
          { step: 2, value: 0.31 },
        ],
        "robustness/fgsm_accuracy": [{ step: 250, value: 0.3 }],
        "robustness/pgd_accuracy": [{ step: 250, value: 0.01 }],
      },
    ),
  ];
  const md = renderResults(runs, "paper");
  assert.match(md, /study wall time 10\.0 minutes/);
  assert.match(md, /\| cycle \| standard \| gan-adaptive \|/);
  assert.match(md, /\| 1 \| 5\.0 \| 20\.0 \|/);
  assert.match(md, /\| 2 \| – \| 31\.0 \|/);
  assert.match(md, /Ratio trace \(generator units per cycle\): 7, 3\./);
  // FGSM sweep: both runs, ε 0.1 and 0.25; PGD only where logged.
  assert.match(
    md,
    /\| run \\ ε \| 0\.1 \| 0\.25 \|\n\| --- \| ---: \| ---: \|\n\| standard \| 50\.0 \| 4\.0 \|\n\| gan-adaptive \| – \| 30\.0 \|/,
  );
  assert.match(md, /#### PGD\n\n\| run \\ ε \| 0\.25 \|/);
  assert.doesNotMatch(md, /#### generator/);
});

test("the generated block replaces only what is between the markers", () => {
  const doc = `# Results\n\nProse before.\n\n${BEGIN_MARK}\nold tables\n${END_MARK}\n\nProse after.\n`;
  const out = spliceReport(doc, "new tables\n");
  assert.equal(out, `# Results\n\nProse before.\n\n${BEGIN_MARK}\nnew tables\n${END_MARK}\n\nProse after.\n`);
  // Without markers the block is appended, and a second splice replaces it.
  const appended = spliceReport("# Results\n", "a\n");
  assert.equal(spliceReport(appended, "b\n"), `# Results\n\n${BEGIN_MARK}\nb\n${END_MARK}\n`);
});

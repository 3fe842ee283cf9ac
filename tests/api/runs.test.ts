/**
 * Contract tests of experiments and runs against a real PostgreSQL and the real API:
 * launching, validation, lifecycle, annotations, listing.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startPlatform, type Platform } from "../support/platform.ts";
import { expectError, query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import type { ResultOf } from "@graphql-typed-document-node/core";

let platform: Platform;
let api: string;
before(async () => {
  platform = await startPlatform();
  api = platform.apiUrl;
});
after(() => platform?.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
type RunsPage = ResultOf<typeof ops.Runs>;

describe("experiments", () => {
  test("are created once per name and listed with their runs", async () => {
    const { createExperiment } = await query(api, ops.CreateExperiment, { name: "exp-a", description: "first" });
    assert.equal(createExperiment.name, "exp-a");
    const duplicate = await expectError(api, ops.CreateExperiment, { name: "exp-a" });
    assert.equal(duplicate.extensions?.code, "BAD_USER_INPUT");
    assert.match(duplicate.message, /^name: .*already exists/);
    const empty = await expectError(api, ops.CreateExperiment, { name: "  " });
    assert.match(empty.message, /^name: must not be empty/);
    const { experiment } = await query(api, ops.ExperimentById, { id: createExperiment.id });
    assert.equal(experiment?.description, "first");
    assert.equal((await query(api, ops.ExperimentById, { id: MISSING })).experiment, null);
    assert.equal((await query(api, ops.ExperimentById, { id: "not-an-id" })).experiment, null);
  });
});

describe("launching", () => {
  test("launchRun stores a QUEUED run with the full defaults-filled config", async () => {
    const { launchRun } = await query(api, ops.LaunchRun, {
      input: {
        experimentName: "launch",
        method: "GAN",
        config: { cycles: 3, schedule: { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 50 } },
        tags: ["a", "b", "a"],
      },
    });
    assert.equal(launchRun.status, "QUEUED");
    assert.equal(launchRun.method, "GAN");
    assert.equal(launchRun.experiment.name, "launch");
    assert.deepEqual(launchRun.tags, ["a", "b"]);
    const config = launchRun.config as Record<string, unknown>;
    assert.equal(config.cycles, 3);
    assert.deepEqual(config.schedule, { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 50 });
    assert.equal(config.epsilon, 0.25);
    assert.equal(config.generatorEpsilon, 0.5);
    assert.equal(config.trainSize, 60000);
    assert.equal(config.batchSize, 128);
    assert.equal(config.unitSteps, 100);
    assert.equal(config.pretrainSteps, 500);
    assert.equal(config.learningRate, 0.001);
    assert.equal(config.seed, 1);
    assert.equal(config.classifier, "mlp");
    assert.match(launchRun.name, /^gan-[0-9a-f]{6}$/);
    assert.equal(launchRun.startedAt, null);
    assert.deepEqual(launchRun.metricKeys, []);
    assert.deepEqual(launchRun.summary, {});
  });

  test("startRun is RUNNING at once", async () => {
    const { startRun } = await query(api, ops.StartRun, { input: { experimentName: "launch", name: "by-hand", method: "STANDARD" } });
    assert.equal(startRun.status, "RUNNING");
    assert.ok(startRun.startedAt);
    assert.ok(startRun.heartbeatAt);
  });

  test("bad configs are refused naming the field, and nothing is stored", async () => {
    const before = await query(api, ops.Runs, { first: 500 });
    const cases: [unknown, RegExp][] = [
      [{ cycles: 0 }, /^input\.config\.cycles: /],
      [{ cycles: "many" }, /^input\.config\.cycles: /],
      [{ epsilon: 0 }, /^input\.config\.epsilon: must be in \(0, 1\]/],
      [{ epsilon: 1.5 }, /^input\.config\.epsilon: /],
      [{ schedule: { type: "constant", ratio: 0 } }, /^input\.config\.schedule\.ratio: /],
      [{ schedule: { type: "zigzag" } }, /^input\.config\.schedule\.type: /],
      [{ trainSize: 60001 }, /^input\.config\.trainSize: must be at most 60000/],
      [{ testSize: 20000 }, /^input\.config\.testSize: /],
      [{ classifier: "resnet" }, /^input\.config\.classifier: /],
      [{ learningRate: -1 }, /^input\.config\.learningRate: /],
      [{ surprise: true }, /^input\.config\.surprise: unknown field/],
      [[1, 2], /^input\.config: expected an object/],
    ];
    for (const [config, message] of cases) {
      const error = await expectError(api, ops.LaunchRun, { input: { experimentName: "bad", method: "GAN", config } });
      assert.equal(error.extensions?.code, "BAD_USER_INPUT", JSON.stringify(config));
      assert.match(error.message, message);
      assert.match(error.extensions?.field ?? "", /^input\.config/);
    }
    const afterRuns = await query(api, ops.Runs, { first: 500 });
    assert.equal(afterRuns.runs.totalCount, before.runs.totalCount);
  });

  test("experiment references and names are checked", async () => {
    const unknown = await expectError(api, ops.LaunchRun, { input: { experimentId: MISSING, method: "GAN" } });
    assert.equal(unknown.extensions?.code, "NOT_FOUND");
    const neither = await expectError(api, ops.LaunchRun, { input: { method: "GAN" } });
    assert.equal(neither.extensions?.code, "BAD_USER_INPUT");
    const both = await expectError(api, ops.LaunchRun, { input: { experimentId: MISSING, experimentName: "x", method: "GAN" } });
    assert.equal(both.extensions?.code, "BAD_USER_INPUT");
    await query(api, ops.LaunchRun, { input: { experimentName: "names", name: "same", method: "FGSM" } });
    const duplicate = await expectError(api, ops.LaunchRun, { input: { experimentName: "names", name: "same", method: "FGSM" } });
    assert.match(duplicate.message, /^input\.name: .*already exists/);
    const badTag = await expectError(api, ops.LaunchRun, { input: { experimentName: "names", method: "FGSM", tags: [""] } });
    assert.match(badTag.message, /^input\.tags\[0\]: must not be empty/);
  });

  test("launchRuns stores a whole study or nothing", async () => {
    const inputs = [
      { experimentName: "study", method: "STANDARD" as const },
      { experimentName: "study", method: "GAN" as const, config: { schedule: { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 } } },
    ];
    const { launchRuns } = await query(api, ops.LaunchRuns, { inputs });
    assert.equal(launchRuns.length, 2);
    assert.ok(launchRuns.every((r) => r.status === "QUEUED"));
    const count = (await query(api, ops.Runs, { first: 0 })).runs.totalCount;
    const error = await expectError(api, ops.LaunchRuns, {
      inputs: [...inputs, { experimentName: "study", method: "GAN", config: { cycles: -1 } }],
    });
    assert.match(error.message, /^inputs\[2\]\.config\.cycles: /);
    assert.equal((await query(api, ops.Runs, { first: 0 })).runs.totalCount, count);
  });
});

describe("lifecycle", () => {
  test("cancel, finish and their refusals", async () => {
    const { launchRun } = await query(api, ops.LaunchRun, { input: { experimentName: "life", method: "GAN" } });
    const { cancelRun } = await query(api, ops.CancelRun, { runId: launchRun.id });
    assert.equal(cancelRun.status, "CANCELED");
    assert.ok(cancelRun.finishedAt);
    const again = await expectError(api, ops.CancelRun, { runId: launchRun.id });
    assert.match(again.message, /run is already CANCELED/);
    // A worker acknowledging the cancel is accepted; any other finish is not.
    assert.equal((await query(api, ops.FinishRun, { runId: launchRun.id, status: "CANCELED" })).finishRun.status, "CANCELED");
    const late = await expectError(api, ops.FinishRun, { runId: launchRun.id, status: "SUCCEEDED" });
    assert.match(late.message, /already CANCELED/);

    const { startRun } = await query(api, ops.StartRun, { input: { experimentName: "life", method: "FGSM" } });
    const failed = await query(api, ops.FinishRun, { runId: startRun.id, status: "FAILED", error: "out of memory" });
    assert.equal(failed.finishRun.status, "FAILED");
    assert.equal(failed.finishRun.error, "out of memory");
    assert.ok(failed.finishRun.finishedAt);
    const twice = await expectError(api, ops.FinishRun, { runId: startRun.id, status: "SUCCEEDED" });
    assert.match(twice.message, /already FAILED/);
    const notFinal = await expectError(api, ops.FinishRun, { runId: startRun.id, status: "RUNNING" });
    assert.match(notFinal.message, /^status: must be one of/);
    assert.equal((await expectError(api, ops.CancelRun, { runId: MISSING })).extensions?.code, "NOT_FOUND");
    assert.equal((await expectError(api, ops.Heartbeat, { runId: MISSING })).extensions?.code, "NOT_FOUND");
    assert.equal((await query(api, ops.RunById, { id: MISSING })).run, null);
  });

  test("tags and notes are replaced, checked and kept", async () => {
    const { launchRun } = await query(api, ops.LaunchRun, { input: { experimentName: "notes", method: "GAN" } });
    const { setRunTags } = await query(api, ops.SetRunTags, { runId: launchRun.id, tags: ["robust", " paper ", "robust"] });
    assert.deepEqual(setRunTags.tags, ["robust", "paper"]);
    const { setRunNotes } = await query(api, ops.SetRunNotes, { runId: launchRun.id, notes: "first try" });
    assert.equal(setRunNotes.notes, "first try");
    const tooLong = await expectError(api, ops.SetRunTags, { runId: launchRun.id, tags: ["x".repeat(65)] });
    assert.match(tooLong.message, /^tags\[0\]: must be at most 64 characters/);
    const stored = await query(api, ops.RunById, { id: launchRun.id });
    assert.deepEqual(stored.run?.tags, ["robust", "paper"]);
    assert.equal(stored.run?.notes, "first try");
  });
});

describe("listing", () => {
  test("filters, search, metric sort and cursor pagination agree with totalCount", async () => {
    const experiment = (await query(api, ops.CreateExperiment, { name: "listing" })).createExperiment;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { startRun } = await query(api, ops.StartRun, {
        input: {
          experimentId: experiment.id,
          name: `run-${i}`,
          method: i % 2 ? "GAN" : "FGSM",
          tags: i < 3 ? ["small", "listing"] : ["listing"],
        },
      });
      ids.push(startRun.id);
      if (i < 5) await query(api, ops.LogMetrics, { runId: startRun.id, points: [{ key: "fgsm_accuracy", step: 1, value: (i * 37) % 7 }] });
    }
    const all = await query(api, ops.Runs, { filter: { experimentId: experiment.id }, first: 3 });
    assert.equal(all.runs.totalCount, 7);
    assert.equal(all.runs.nodes.length, 3);
    assert.ok(all.runs.pageInfo.hasNextPage);
    assert.deepEqual(
      all.runs.nodes.map((n) => n.name),
      ["run-6", "run-5", "run-4"],
    ); // newest first

    // Walk every page sorted by the metric: values descending, runs without it last.
    const seen: { name: string; value: number | undefined }[] = [];
    let after: string | null | undefined = null;
    do {
      const page: RunsPage = await query(api, ops.Runs, {
        filter: { experimentId: experiment.id },
        orderBy: { field: "METRIC", metricKey: "fgsm_accuracy", direction: "DESC" },
        first: 2,
        after,
      });
      for (const node of page.runs.nodes) seen.push({ name: node.name, value: (node.summary as Record<string, number>).fgsm_accuracy });
      after = page.runs.pageInfo.hasNextPage ? page.runs.pageInfo.endCursor : null;
    } while (after);
    assert.equal(seen.length, 7);
    assert.equal(new Set(seen.map((s) => s.name)).size, 7);
    const values = seen.map((s) => s.value);
    assert.deepEqual(values.slice(5), [undefined, undefined]);
    const defined = values.slice(0, 5) as number[];
    assert.deepEqual(
      defined,
      [...defined].sort((a, b) => b - a),
    );

    const small = await query(api, ops.Runs, { filter: { experimentId: experiment.id, tags: ["small", "listing"] } });
    assert.equal(small.runs.totalCount, 3);
    const gan = await query(api, ops.Runs, { filter: { experimentId: experiment.id, method: ["GAN"], status: ["RUNNING"] } });
    assert.equal(gan.runs.totalCount, 3);
    const search = await query(api, ops.Runs, { filter: { experimentId: experiment.id, search: "RUN-4" } });
    assert.deepEqual(
      search.runs.nodes.map((n) => n.name),
      ["run-4"],
    );
    const byTag = await query(api, ops.Runs, { filter: { experimentId: experiment.id, search: "smal" } });
    assert.equal(byTag.runs.totalCount, 3);
    const wildcard = await query(api, ops.Runs, { filter: { experimentId: experiment.id, search: "%" } });
    assert.equal(wildcard.runs.totalCount, 0);
    const byName = await query(api, ops.Runs, {
      filter: { experimentId: experiment.id },
      orderBy: { field: "NAME", direction: "ASC" },
      first: 100,
    });
    assert.deepEqual(
      byName.runs.nodes.map((n) => n.name),
      ids.map((_, i) => `run-${i}`),
    );

    const badCursor = await expectError(api, ops.Runs, { after: "garbage" });
    assert.match(badCursor.message, /^after: /);
    const noKey = await expectError(api, ops.Runs, { orderBy: { field: "METRIC", direction: "ASC" } });
    assert.match(noKey.message, /^orderBy\.metricKey: /);
    const tooMany = await expectError(api, ops.Runs, { first: 501 });
    assert.match(tooMany.message, /^first: /);
  });
});

describe("concurrency", () => {
  test("concurrent launches into a new experiment all succeed, into one experiment", async () => {
    const launches = await Promise.all(
      Array.from({ length: 12 }, () => query(api, ops.StartRun, { input: { experimentName: "crowded", method: "STANDARD" } })),
    );
    assert.equal(new Set(launches.map((l) => l.startRun.experiment.id)).size, 1);
    assert.equal(new Set(launches.map((l) => l.startRun.id)).size, 12);
  });
});

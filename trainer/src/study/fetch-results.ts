/**
 * Reads a finished (or running) study back through the public API: every run of one
 * experiment with its config, timing and the full per-cycle and end-of-run series. What
 * docs/RESULTS.md and `npm run bench:study` are made from; any script could do the same.
 */
import type { ApiClient } from "../report/api-client.ts";
import { graphql } from "../report/generated/index.ts";
import type { StudyRun } from "./results.ts";

const Experiments = graphql(`
  query StudyExperiments {
    experiments {
      id
      name
    }
  }
`);

const StudyRuns = graphql(`
  query StudyRuns($experimentId: ID!, $after: String) {
    runs(filter: { experimentId: $experimentId }, orderBy: { field: CREATED_AT, direction: ASC }, first: 500, after: $after) {
      nodes {
        id
        name
        method
        status
        config
        error
        startedAt
        finishedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const StudySeries = graphql(`
  query StudySeries($runIds: [ID!]!, $keys: [String!]!) {
    metricSeries(runIds: $runIds, keys: $keys) {
      runId
      key
      points {
        step
        value
      }
    }
  }
`);

/** Every key a study report shows: per cycle, then the end-of-run sweep. */
export const STUDY_KEYS = [
  "ratio",
  "generator_loss",
  "classifier_loss",
  "clean_accuracy",
  "fgsm_accuracy",
  "generator_attack_accuracy",
  "examples_per_second",
  "robustness/fgsm_accuracy",
  "robustness/pgd_accuracy",
  "robustness/generator_accuracy",
];

/** The experiment's id, found by id or by name; throws naming what was not found. */
export async function findExperiment(client: ApiClient, nameOrId: string): Promise<{ id: string; name: string }> {
  const { experiments } = await client.request(Experiments, {});
  const found = experiments.find((e) => e.id === nameOrId || e.name === nameOrId);
  if (!found) throw new Error(`experiment "${nameOrId}" not found (known: ${experiments.map((e) => e.name).join(", ") || "none"})`);
  return found;
}

/** The runs of an experiment, oldest first, without their series (cheap enough to poll). */
export async function fetchStudyRuns(client: ApiClient, experimentId: string): Promise<Omit<StudyRun, "series">[]> {
  const runs: Omit<StudyRun, "series">[] = [];
  let after: string | null | undefined;
  do {
    const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(client, experimentId, after);
    for (const r of page.nodes) {
      runs.push({
        id: r.id,
        name: r.name,
        method: r.method,
        status: r.status,
        config: r.config as Record<string, unknown>,
        error: r.error ?? null,
        startedAt: r.startedAt ? new Date(r.startedAt) : null,
        finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
      });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
  } while (after);
  return runs;
}

async function fetchPage(client: ApiClient, experimentId: string, after: string | null | undefined) {
  return (await client.request(StudyRuns, { experimentId, after: after ?? null })).runs;
}

/** The runs with every point of every study key (no downsampling: the tables are exact). */
export async function fetchStudyResults(client: ApiClient, experimentId: string): Promise<StudyRun[]> {
  const runs = await fetchStudyRuns(client, experimentId);
  if (runs.length === 0) return [];
  const { metricSeries } = await client.request(StudySeries, { runIds: runs.map((r) => r.id), keys: STUDY_KEYS });
  return runs.map((run) => {
    const series: Record<string, { step: number; value: number }[]> = {};
    for (const s of metricSeries) if (s.runId === run.id && s.points.length > 0) series[s.key] = s.points;
    return { ...run, series };
  });
}

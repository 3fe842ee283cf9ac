/**
 * The API operations a trainer uses, as typed functions over an ApiClient. The documents
 * are compiled by `npm run codegen` into trainer/src/report/generated/; after editing one,
 * run it again.
 */
import { graphql } from "./generated/index.ts";
import type { LaunchRunInput, MetricPointInput, RunStatus } from "./generated/graphql.ts";
import type { ApiClient } from "./api-client.ts";

export type { LaunchRunInput, MetricPointInput, RunStatus };

const RunFields = graphql(`
  fragment TrainerRunFields on Run {
    id
    name
    status
    method
    config
    experiment {
      id
      name
    }
  }
`);

const StartRun = graphql(`
  mutation TrainerStartRun($input: LaunchRunInput!) {
    startRun(input: $input) {
      ...TrainerRunFields
    }
  }
`);

const LaunchRuns = graphql(`
  mutation TrainerLaunchRuns($inputs: [LaunchRunInput!]!) {
    launchRuns(inputs: $inputs) {
      ...TrainerRunFields
    }
  }
`);

const ClaimRun = graphql(`
  mutation TrainerClaimRun($workerId: String!, $backend: String, $hostname: String) {
    claimRun(workerId: $workerId, backend: $backend, hostname: $hostname) {
      ...TrainerRunFields
    }
  }
`);

const LogMetrics = graphql(`
  mutation TrainerLogMetrics($runId: ID!, $points: [MetricPointInput!]!) {
    logMetrics(runId: $runId, points: $points) {
      accepted
      duplicates
    }
  }
`);

const LogImage = graphql(`
  mutation TrainerLogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {
    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {
      id
    }
  }
`);

const RunImageSteps = graphql(`
  query TrainerRunImageSteps($runId: ID!, $kind: String) {
    run(id: $runId) {
      id
      images(kind: $kind) {
        step
      }
    }
  }
`);

const Heartbeat = graphql(`
  mutation TrainerHeartbeat($runId: ID!) {
    heartbeat(runId: $runId) {
      id
      status
    }
  }
`);

const FinishRun = graphql(`
  mutation TrainerFinishRun($runId: ID!, $status: RunStatus!, $error: String) {
    finishRun(runId: $runId, status: $status, error: $error) {
      id
      status
      error
    }
  }
`);

void RunFields;

/** A run as the trainer sees it. */
export interface TrainerRun {
  id: string;
  name: string;
  status: RunStatus;
  method: "STANDARD" | "FGSM" | "GAN";
  /** The stored, defaults-filled config (read it with resolveTrainingConfig). */
  config: unknown;
  experiment: { id: string; name: string };
}

/** Creates a RUNNING run for a trainer started by hand. */
export async function startRun(client: ApiClient, input: LaunchRunInput): Promise<TrainerRun> {
  return (await client.request(StartRun, { input })).startRun;
}

/** Stores several runs as QUEUED in one transaction (all or none). */
export async function launchRuns(client: ApiClient, inputs: LaunchRunInput[]): Promise<TrainerRun[]> {
  return (await client.request(LaunchRuns, { inputs })).launchRuns;
}

/** Takes the oldest QUEUED run (now RUNNING and ours), or null when none waits. */
export async function claimRun(
  client: ApiClient,
  args: { workerId: string; backend: string; hostname: string },
): Promise<TrainerRun | null> {
  return (await client.request(ClaimRun, args)).claimRun ?? null;
}

/** Stores points; repeated (run, key, step) count as duplicates, so resending is safe. */
export async function logMetrics(
  client: ApiClient,
  runId: string,
  points: MetricPointInput[],
): Promise<{ accepted: number; duplicates: number }> {
  return (await client.request(LogMetrics, { runId, points })).logMetrics;
}

/** Stores one PNG image of the run. */
export async function logImage(
  client: ApiClient,
  args: { runId: string; step: number; kind: string; pngBase64: string; caption?: string | null },
): Promise<{ id: string }> {
  return (await client.request(LogImage, { ...args, caption: args.caption ?? null })).logImage;
}

/** The steps at which the run already has an image of this kind. */
export async function imageSteps(client: ApiClient, runId: string, kind: string): Promise<number[]> {
  const run = (await client.request(RunImageSteps, { runId, kind })).run;
  return run ? run.images.map((image) => image.step) : [];
}

/** Tells the API the run is alive; the answer says whether it was canceled meanwhile. */
export async function heartbeat(client: ApiClient, runId: string): Promise<RunStatus> {
  return (await client.request(Heartbeat, { runId })).heartbeat.status;
}

/** Ends the run with its final status (and the reason when FAILED). */
export async function finishRun(
  client: ApiClient,
  runId: string,
  status: RunStatus,
  error?: string,
): Promise<{ status: RunStatus; error?: string | null }> {
  return (await client.request(FinishRun, { runId, status, error: error ?? null })).finishRun;
}

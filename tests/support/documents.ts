/** The operations the API tests send, typed from the schema by codegen. */
import { graphql } from "./gql/index.ts";

export const RunFields = graphql(`
  fragment RunFields on Run {
    id
    name
    status
    method
    config
    tags
    notes
    error
    worker
    createdAt
    startedAt
    finishedAt
    heartbeatAt
    metricKeys
    summary
    experiment {
      id
      name
    }
  }
`);

export const CreateExperiment = graphql(`
  mutation CreateExperiment($name: String!, $description: String) {
    createExperiment(name: $name, description: $description) {
      id
      name
      description
      createdAt
    }
  }
`);

export const Experiments = graphql(`
  query Experiments {
    experiments {
      id
      name
      runCount
      runs(first: 100) {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`);

export const ExperimentById = graphql(`
  query ExperimentById($id: ID!) {
    experiment(id: $id) {
      id
      name
      description
    }
  }
`);

export const LaunchRun = graphql(`
  mutation LaunchRun($input: LaunchRunInput!) {
    launchRun(input: $input) {
      ...RunFields
    }
  }
`);

export const StartRun = graphql(`
  mutation StartRun($input: LaunchRunInput!) {
    startRun(input: $input) {
      ...RunFields
    }
  }
`);

export const LaunchRuns = graphql(`
  mutation LaunchRuns($inputs: [LaunchRunInput!]!) {
    launchRuns(inputs: $inputs) {
      id
      name
      status
    }
  }
`);

export const ClaimRun = graphql(`
  mutation ClaimRun($workerId: String!, $backend: String) {
    claimRun(workerId: $workerId, backend: $backend) {
      ...RunFields
    }
  }
`);

export const Heartbeat = graphql(`
  mutation Heartbeat($runId: ID!) {
    heartbeat(runId: $runId) {
      id
      status
      heartbeatAt
    }
  }
`);

export const FinishRun = graphql(`
  mutation FinishRun($runId: ID!, $status: RunStatus!, $error: String) {
    finishRun(runId: $runId, status: $status, error: $error) {
      ...RunFields
    }
  }
`);

export const CancelRun = graphql(`
  mutation CancelRun($runId: ID!) {
    cancelRun(runId: $runId) {
      id
      status
      finishedAt
    }
  }
`);

export const SetRunTags = graphql(`
  mutation SetRunTags($runId: ID!, $tags: [String!]!) {
    setRunTags(runId: $runId, tags: $tags) {
      id
      tags
    }
  }
`);

export const SetRunNotes = graphql(`
  mutation SetRunNotes($runId: ID!, $notes: String!) {
    setRunNotes(runId: $runId, notes: $notes) {
      id
      notes
    }
  }
`);

export const LogMetrics = graphql(`
  mutation LogMetrics($runId: ID!, $points: [MetricPointInput!]!) {
    logMetrics(runId: $runId, points: $points) {
      accepted
      duplicates
    }
  }
`);

export const LogImage = graphql(`
  mutation LogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {
    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {
      id
      step
      kind
      url
      width
      height
      caption
    }
  }
`);

export const RunById = graphql(`
  query RunById($id: ID!) {
    run(id: $id) {
      ...RunFields
      images {
        id
        step
        kind
        url
        width
        height
        caption
      }
    }
  }
`);

export const RunMetrics = graphql(`
  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {
    run(id: $id) {
      id
      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {
        runId
        key
        count
        points {
          step
          value
          min
          max
          wallTime
        }
      }
    }
  }
`);

export const MetricSeriesQuery = graphql(`
  query MetricSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int) {
    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints) {
      runId
      key
      count
      points {
        step
        value
        min
        max
      }
    }
  }
`);

export const Runs = graphql(`
  query Runs($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {
    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        status
        summary
      }
    }
  }
`);

export const RunUpdated = graphql(`
  subscription RunUpdated($runId: ID) {
    runUpdated(runId: $runId) {
      id
      status
      tags
      notes
      summary
    }
  }
`);

export const MetricsAppended = graphql(`
  subscription MetricsAppended($runId: ID!) {
    metricsAppended(runId: $runId) {
      runId
      points {
        key
        step
        value
      }
    }
  }
`);

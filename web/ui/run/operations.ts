/** GraphQL documents of the run page (typed by `npm run codegen`). */
import { graphql } from "../../lib/gql/index.ts";

export const RunDetailFields = graphql(`
  fragment RunDetailFields on Run {
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

export const RunQuery = graphql(`
  query Run($id: ID!) {
    run(id: $id) {
      ...RunDetailFields
    }
  }
`);

export const RunUpdatedSubscription = graphql(`
  subscription RunUpdated($id: ID!) {
    runUpdated(runId: $id) {
      ...RunDetailFields
    }
  }
`);

export const RunMetricsQuery = graphql(`
  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {
    run(id: $id) {
      id
      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {
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

export const MetricsAppendedSubscription = graphql(`
  subscription MetricsAppended($id: ID!) {
    metricsAppended(runId: $id) {
      runId
      points {
        key
        step
        value
      }
    }
  }
`);

export const RunImagesQuery = graphql(`
  query RunImages($id: ID!) {
    run(id: $id) {
      id
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

export const CancelRunMutation = graphql(`
  mutation CancelRun($id: ID!) {
    cancelRun(runId: $id) {
      ...RunDetailFields
    }
  }
`);

export const SetRunNotesMutation = graphql(`
  mutation SetRunNotes($id: ID!, $notes: String!) {
    setRunNotes(runId: $id, notes: $notes) {
      ...RunDetailFields
    }
  }
`);

export const SetRunTagsMutation = graphql(`
  mutation SetRunTags($id: ID!, $tags: [String!]!) {
    setRunTags(runId: $id, tags: $tags) {
      ...RunDetailFields
    }
  }
`);

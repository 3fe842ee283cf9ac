/** GraphQL documents of the comparison page (typed by `npm run codegen`). */
import { graphql } from "../../lib/gql/index.ts";

export const CompareRunFields = graphql(`
  fragment CompareRunFields on Run {
    id
    name
    status
    method
    config
    metricKeys
    experiment {
      id
      name
    }
  }
`);

export const CompareSeriesQuery = graphql(`
  query CompareSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {
    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {
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

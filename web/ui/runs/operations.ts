/** GraphQL documents of the runs table (typed by `npm run codegen`). */
import { graphql } from "../../lib/gql/index.ts";

export const RunRowFields = graphql(`
  fragment RunRowFields on Run {
    id
    name
    status
    method
    config
    tags
    createdAt
    startedAt
    finishedAt
    summary
    experiment {
      id
      name
    }
  }
`);

export const RunsPageQuery = graphql(`
  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {
    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...RunRowFields
      }
    }
  }
`);

export const RunsFacetsQuery = graphql(`
  query RunsFacets {
    experiments {
      id
      name
      runCount
    }
    runTags
  }
`);

export const RunsUpdatedSubscription = graphql(`
  subscription RunsUpdated {
    runUpdated {
      ...RunRowFields
    }
  }
`);

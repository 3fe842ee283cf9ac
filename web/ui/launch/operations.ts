/** GraphQL documents of the launch page (typed by `npm run codegen`). */
import { graphql } from "../../lib/gql/index.ts";

export const LaunchOptionsQuery = graphql(`
  query LaunchOptions {
    experiments {
      id
      name
    }
    runTags
  }
`);

export const LaunchRunMutation = graphql(`
  mutation LaunchRun($input: LaunchRunInput!) {
    launchRun(input: $input) {
      id
      status
    }
  }
`);

export const LaunchStudyMutation = graphql(`
  mutation LaunchStudy($inputs: [LaunchRunInput!]!) {
    launchRuns(inputs: $inputs) {
      id
      experiment {
        id
      }
    }
  }
`);

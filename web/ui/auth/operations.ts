/** GraphQL documents of signing in and showing who is signed in. */
import { graphql } from "../../lib/gql/index.ts";

/** Who the token belongs to, and whether the API wants tokens at all. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      name
      scope
      authRequired
    }
  }
`);

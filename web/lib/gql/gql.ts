/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      name\n      scope\n      authRequired\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment CompareRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    metricKeys\n    experiment {\n      id\n      name\n    }\n  }\n": typeof types.CompareRunFieldsFragmentDoc,
    "\n  query CompareSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n": typeof types.CompareSeriesDocument,
    "\n  query LaunchOptions {\n    experiments {\n      id\n      name\n    }\n    runTags\n  }\n": typeof types.LaunchOptionsDocument,
    "\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.LaunchRunDocument,
    "\n  mutation LaunchStudy($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      experiment {\n        id\n      }\n    }\n  }\n": typeof types.LaunchStudyDocument,
    "\n  fragment RunDetailFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n": typeof types.RunDetailFieldsFragmentDoc,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetailFields\n    }\n  }\n": typeof types.RunDocument,
    "\n  subscription RunUpdated($id: ID!) {\n    runUpdated(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n": typeof types.RunUpdatedDocument,
    "\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n": typeof types.RunMetricsDocument,
    "\n  subscription MetricsAppended($id: ID!) {\n    metricsAppended(runId: $id) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n": typeof types.MetricsAppendedDocument,
    "\n  query RunImages($id: ID!) {\n    run(id: $id) {\n      id\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n": typeof types.RunImagesDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  mutation SetRunNotes($id: ID!, $notes: String!) {\n    setRunNotes(runId: $id, notes: $notes) {\n      ...RunDetailFields\n    }\n  }\n": typeof types.SetRunNotesDocument,
    "\n  mutation SetRunTags($id: ID!, $tags: [String!]!) {\n    setRunTags(runId: $id, tags: $tags) {\n      ...RunDetailFields\n    }\n  }\n": typeof types.SetRunTagsDocument,
    "\n  fragment RunRowFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    createdAt\n    startedAt\n    finishedAt\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n": typeof types.RunRowFieldsFragmentDoc,
    "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...RunRowFields\n      }\n    }\n  }\n": typeof types.RunsPageDocument,
    "\n  query RunsFacets {\n    experiments {\n      id\n      name\n      runCount\n    }\n    runTags\n  }\n": typeof types.RunsFacetsDocument,
    "\n  subscription RunsUpdated {\n    runUpdated {\n      ...RunRowFields\n    }\n  }\n": typeof types.RunsUpdatedDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      name\n      scope\n      authRequired\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment CompareRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    metricKeys\n    experiment {\n      id\n      name\n    }\n  }\n": types.CompareRunFieldsFragmentDoc,
    "\n  query CompareSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n": types.CompareSeriesDocument,
    "\n  query LaunchOptions {\n    experiments {\n      id\n      name\n    }\n    runTags\n  }\n": types.LaunchOptionsDocument,
    "\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      id\n      status\n    }\n  }\n": types.LaunchRunDocument,
    "\n  mutation LaunchStudy($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      experiment {\n        id\n      }\n    }\n  }\n": types.LaunchStudyDocument,
    "\n  fragment RunDetailFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n": types.RunDetailFieldsFragmentDoc,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetailFields\n    }\n  }\n": types.RunDocument,
    "\n  subscription RunUpdated($id: ID!) {\n    runUpdated(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n": types.RunUpdatedDocument,
    "\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n": types.RunMetricsDocument,
    "\n  subscription MetricsAppended($id: ID!) {\n    metricsAppended(runId: $id) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n": types.MetricsAppendedDocument,
    "\n  query RunImages($id: ID!) {\n    run(id: $id) {\n      id\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n": types.RunImagesDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n": types.CancelRunDocument,
    "\n  mutation SetRunNotes($id: ID!, $notes: String!) {\n    setRunNotes(runId: $id, notes: $notes) {\n      ...RunDetailFields\n    }\n  }\n": types.SetRunNotesDocument,
    "\n  mutation SetRunTags($id: ID!, $tags: [String!]!) {\n    setRunTags(runId: $id, tags: $tags) {\n      ...RunDetailFields\n    }\n  }\n": types.SetRunTagsDocument,
    "\n  fragment RunRowFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    createdAt\n    startedAt\n    finishedAt\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n": types.RunRowFieldsFragmentDoc,
    "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...RunRowFields\n      }\n    }\n  }\n": types.RunsPageDocument,
    "\n  query RunsFacets {\n    experiments {\n      id\n      name\n      runCount\n    }\n    runTags\n  }\n": types.RunsFacetsDocument,
    "\n  subscription RunsUpdated {\n    runUpdated {\n      ...RunRowFields\n    }\n  }\n": types.RunsUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      name\n      scope\n      authRequired\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      name\n      scope\n      authRequired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompareRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    metricKeys\n    experiment {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CompareRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    metricKeys\n    experiment {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompareSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchOptions {\n    experiments {\n      id\n      name\n    }\n    runTags\n  }\n"): (typeof documents)["\n  query LaunchOptions {\n    experiments {\n      id\n      name\n    }\n    runTags\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LaunchStudy($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      experiment {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LaunchStudy($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      experiment {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunDetailFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RunDetailFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetailFields\n    }\n  }\n"): (typeof documents)["\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdated($id: ID!) {\n    runUpdated(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n"): (typeof documents)["\n  subscription RunUpdated($id: ID!) {\n    runUpdated(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsAppended($id: ID!) {\n    metricsAppended(runId: $id) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MetricsAppended($id: ID!) {\n    metricsAppended(runId: $id) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunImages($id: ID!) {\n    run(id: $id) {\n      id\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunImages($id: ID!) {\n    run(id: $id) {\n      id\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($id: ID!) {\n    cancelRun(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRun($id: ID!) {\n    cancelRun(runId: $id) {\n      ...RunDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRunNotes($id: ID!, $notes: String!) {\n    setRunNotes(runId: $id, notes: $notes) {\n      ...RunDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetRunNotes($id: ID!, $notes: String!) {\n    setRunNotes(runId: $id, notes: $notes) {\n      ...RunDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRunTags($id: ID!, $tags: [String!]!) {\n    setRunTags(runId: $id, tags: $tags) {\n      ...RunDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetRunTags($id: ID!, $tags: [String!]!) {\n    setRunTags(runId: $id, tags: $tags) {\n      ...RunDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRowFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    createdAt\n    startedAt\n    finishedAt\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RunRowFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    createdAt\n    startedAt\n    finishedAt\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...RunRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...RunRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunsFacets {\n    experiments {\n      id\n      name\n      runCount\n    }\n    runTags\n  }\n"): (typeof documents)["\n  query RunsFacets {\n    experiments {\n      id\n      name\n      runCount\n    }\n    runTags\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunsUpdated {\n    runUpdated {\n      ...RunRowFields\n    }\n  }\n"): (typeof documents)["\n  subscription RunsUpdated {\n    runUpdated {\n      ...RunRowFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
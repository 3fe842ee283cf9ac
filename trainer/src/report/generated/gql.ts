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
    "\n  fragment TrainerRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    experiment {\n      id\n      name\n    }\n  }\n": typeof types.TrainerRunFieldsFragmentDoc,
    "\n  mutation TrainerStartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...TrainerRunFields\n    }\n  }\n": typeof types.TrainerStartRunDocument,
    "\n  mutation TrainerLaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      ...TrainerRunFields\n    }\n  }\n": typeof types.TrainerLaunchRunsDocument,
    "\n  mutation TrainerClaimRun($workerId: String!, $backend: String, $hostname: String) {\n    claimRun(workerId: $workerId, backend: $backend, hostname: $hostname) {\n      ...TrainerRunFields\n    }\n  }\n": typeof types.TrainerClaimRunDocument,
    "\n  mutation TrainerLogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n": typeof types.TrainerLogMetricsDocument,
    "\n  mutation TrainerLogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n    }\n  }\n": typeof types.TrainerLogImageDocument,
    "\n  query TrainerRunImageSteps($runId: ID!, $kind: String) {\n    run(id: $runId) {\n      id\n      images(kind: $kind) {\n        step\n      }\n    }\n  }\n": typeof types.TrainerRunImageStepsDocument,
    "\n  mutation TrainerHeartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n    }\n  }\n": typeof types.TrainerHeartbeatDocument,
    "\n  mutation TrainerFinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      id\n      status\n      error\n    }\n  }\n": typeof types.TrainerFinishRunDocument,
    "\n  query StudyExperiments {\n    experiments {\n      id\n      name\n    }\n  }\n": typeof types.StudyExperimentsDocument,
    "\n  query StudyRuns($experimentId: ID!, $after: String) {\n    runs(filter: { experimentId: $experimentId }, orderBy: { field: CREATED_AT, direction: ASC }, first: 500, after: $after) {\n      nodes {\n        id\n        name\n        method\n        status\n        config\n        error\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StudyRunsDocument,
    "\n  query StudySeries($runIds: [ID!]!, $keys: [String!]!) {\n    metricSeries(runIds: $runIds, keys: $keys) {\n      runId\n      key\n      points {\n        step\n        value\n      }\n    }\n  }\n": typeof types.StudySeriesDocument,
};
const documents: Documents = {
    "\n  fragment TrainerRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    experiment {\n      id\n      name\n    }\n  }\n": types.TrainerRunFieldsFragmentDoc,
    "\n  mutation TrainerStartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...TrainerRunFields\n    }\n  }\n": types.TrainerStartRunDocument,
    "\n  mutation TrainerLaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      ...TrainerRunFields\n    }\n  }\n": types.TrainerLaunchRunsDocument,
    "\n  mutation TrainerClaimRun($workerId: String!, $backend: String, $hostname: String) {\n    claimRun(workerId: $workerId, backend: $backend, hostname: $hostname) {\n      ...TrainerRunFields\n    }\n  }\n": types.TrainerClaimRunDocument,
    "\n  mutation TrainerLogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n": types.TrainerLogMetricsDocument,
    "\n  mutation TrainerLogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n    }\n  }\n": types.TrainerLogImageDocument,
    "\n  query TrainerRunImageSteps($runId: ID!, $kind: String) {\n    run(id: $runId) {\n      id\n      images(kind: $kind) {\n        step\n      }\n    }\n  }\n": types.TrainerRunImageStepsDocument,
    "\n  mutation TrainerHeartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n    }\n  }\n": types.TrainerHeartbeatDocument,
    "\n  mutation TrainerFinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      id\n      status\n      error\n    }\n  }\n": types.TrainerFinishRunDocument,
    "\n  query StudyExperiments {\n    experiments {\n      id\n      name\n    }\n  }\n": types.StudyExperimentsDocument,
    "\n  query StudyRuns($experimentId: ID!, $after: String) {\n    runs(filter: { experimentId: $experimentId }, orderBy: { field: CREATED_AT, direction: ASC }, first: 500, after: $after) {\n      nodes {\n        id\n        name\n        method\n        status\n        config\n        error\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StudyRunsDocument,
    "\n  query StudySeries($runIds: [ID!]!, $keys: [String!]!) {\n    metricSeries(runIds: $runIds, keys: $keys) {\n      runId\n      key\n      points {\n        step\n        value\n      }\n    }\n  }\n": types.StudySeriesDocument,
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
export function graphql(source: "\n  fragment TrainerRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    experiment {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TrainerRunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    experiment {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainerStartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...TrainerRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation TrainerStartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...TrainerRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainerLaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      ...TrainerRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation TrainerLaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      ...TrainerRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainerClaimRun($workerId: String!, $backend: String, $hostname: String) {\n    claimRun(workerId: $workerId, backend: $backend, hostname: $hostname) {\n      ...TrainerRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation TrainerClaimRun($workerId: String!, $backend: String, $hostname: String) {\n    claimRun(workerId: $workerId, backend: $backend, hostname: $hostname) {\n      ...TrainerRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainerLogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n"): (typeof documents)["\n  mutation TrainerLogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainerLogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TrainerLogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainerRunImageSteps($runId: ID!, $kind: String) {\n    run(id: $runId) {\n      id\n      images(kind: $kind) {\n        step\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrainerRunImageSteps($runId: ID!, $kind: String) {\n    run(id: $runId) {\n      id\n      images(kind: $kind) {\n        step\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainerHeartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation TrainerHeartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainerFinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      id\n      status\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation TrainerFinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      id\n      status\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyExperiments {\n    experiments {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StudyExperiments {\n    experiments {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyRuns($experimentId: ID!, $after: String) {\n    runs(filter: { experimentId: $experimentId }, orderBy: { field: CREATED_AT, direction: ASC }, first: 500, after: $after) {\n      nodes {\n        id\n        name\n        method\n        status\n        config\n        error\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyRuns($experimentId: ID!, $after: String) {\n    runs(filter: { experimentId: $experimentId }, orderBy: { field: CREATED_AT, direction: ASC }, first: 500, after: $after) {\n      nodes {\n        id\n        name\n        method\n        status\n        config\n        error\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudySeries($runIds: [ID!]!, $keys: [String!]!) {\n    metricSeries(runIds: $runIds, keys: $keys) {\n      runId\n      key\n      points {\n        step\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudySeries($runIds: [ID!]!, $keys: [String!]!) {\n    metricSeries(runIds: $runIds, keys: $keys) {\n      runId\n      key\n      points {\n        step\n        value\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
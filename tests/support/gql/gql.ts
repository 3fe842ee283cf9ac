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
    "\n  fragment RunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n": typeof types.RunFieldsFragmentDoc,
    "\n  mutation CreateExperiment($name: String!, $description: String) {\n    createExperiment(name: $name, description: $description) {\n      id\n      name\n      description\n      createdAt\n    }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  query Experiments {\n    experiments {\n      id\n      name\n      runCount\n      runs(first: 100) {\n        totalCount\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ExperimentsDocument,
    "\n  query ExperimentById($id: ID!) {\n    experiment(id: $id) {\n      id\n      name\n      description\n    }\n  }\n": typeof types.ExperimentByIdDocument,
    "\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      ...RunFields\n    }\n  }\n": typeof types.LaunchRunDocument,
    "\n  mutation StartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...RunFields\n    }\n  }\n": typeof types.StartRunDocument,
    "\n  mutation LaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      name\n      status\n    }\n  }\n": typeof types.LaunchRunsDocument,
    "\n  mutation ClaimRun($workerId: String!, $backend: String) {\n    claimRun(workerId: $workerId, backend: $backend) {\n      ...RunFields\n    }\n  }\n": typeof types.ClaimRunDocument,
    "\n  mutation Heartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n      heartbeatAt\n    }\n  }\n": typeof types.HeartbeatDocument,
    "\n  mutation FinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      ...RunFields\n    }\n  }\n": typeof types.FinishRunDocument,
    "\n  mutation CancelRun($runId: ID!) {\n    cancelRun(runId: $runId) {\n      id\n      status\n      finishedAt\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  mutation SetRunTags($runId: ID!, $tags: [String!]!) {\n    setRunTags(runId: $runId, tags: $tags) {\n      id\n      tags\n    }\n  }\n": typeof types.SetRunTagsDocument,
    "\n  mutation SetRunNotes($runId: ID!, $notes: String!) {\n    setRunNotes(runId: $runId, notes: $notes) {\n      id\n      notes\n    }\n  }\n": typeof types.SetRunNotesDocument,
    "\n  mutation LogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n": typeof types.LogMetricsDocument,
    "\n  mutation LogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n      step\n      kind\n      url\n      width\n      height\n      caption\n    }\n  }\n": typeof types.LogImageDocument,
    "\n  query RunById($id: ID!) {\n    run(id: $id) {\n      ...RunFields\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n": typeof types.RunByIdDocument,
    "\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        runId\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n": typeof types.RunMetricsDocument,
    "\n  query MetricSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n": typeof types.MetricSeriesDocument,
    "\n  query Runs($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        status\n        summary\n      }\n    }\n  }\n": typeof types.RunsDocument,
    "\n  subscription RunUpdated($runId: ID) {\n    runUpdated(runId: $runId) {\n      id\n      status\n      tags\n      notes\n      summary\n    }\n  }\n": typeof types.RunUpdatedDocument,
    "\n  subscription MetricsAppended($runId: ID!) {\n    metricsAppended(runId: $runId) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n": typeof types.MetricsAppendedDocument,
};
const documents: Documents = {
    "\n  fragment RunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n": types.RunFieldsFragmentDoc,
    "\n  mutation CreateExperiment($name: String!, $description: String) {\n    createExperiment(name: $name, description: $description) {\n      id\n      name\n      description\n      createdAt\n    }\n  }\n": types.CreateExperimentDocument,
    "\n  query Experiments {\n    experiments {\n      id\n      name\n      runCount\n      runs(first: 100) {\n        totalCount\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": types.ExperimentsDocument,
    "\n  query ExperimentById($id: ID!) {\n    experiment(id: $id) {\n      id\n      name\n      description\n    }\n  }\n": types.ExperimentByIdDocument,
    "\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      ...RunFields\n    }\n  }\n": types.LaunchRunDocument,
    "\n  mutation StartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...RunFields\n    }\n  }\n": types.StartRunDocument,
    "\n  mutation LaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      name\n      status\n    }\n  }\n": types.LaunchRunsDocument,
    "\n  mutation ClaimRun($workerId: String!, $backend: String) {\n    claimRun(workerId: $workerId, backend: $backend) {\n      ...RunFields\n    }\n  }\n": types.ClaimRunDocument,
    "\n  mutation Heartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n      heartbeatAt\n    }\n  }\n": types.HeartbeatDocument,
    "\n  mutation FinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      ...RunFields\n    }\n  }\n": types.FinishRunDocument,
    "\n  mutation CancelRun($runId: ID!) {\n    cancelRun(runId: $runId) {\n      id\n      status\n      finishedAt\n    }\n  }\n": types.CancelRunDocument,
    "\n  mutation SetRunTags($runId: ID!, $tags: [String!]!) {\n    setRunTags(runId: $runId, tags: $tags) {\n      id\n      tags\n    }\n  }\n": types.SetRunTagsDocument,
    "\n  mutation SetRunNotes($runId: ID!, $notes: String!) {\n    setRunNotes(runId: $runId, notes: $notes) {\n      id\n      notes\n    }\n  }\n": types.SetRunNotesDocument,
    "\n  mutation LogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n": types.LogMetricsDocument,
    "\n  mutation LogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n      step\n      kind\n      url\n      width\n      height\n      caption\n    }\n  }\n": types.LogImageDocument,
    "\n  query RunById($id: ID!) {\n    run(id: $id) {\n      ...RunFields\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n": types.RunByIdDocument,
    "\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        runId\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n": types.RunMetricsDocument,
    "\n  query MetricSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n": types.MetricSeriesDocument,
    "\n  query Runs($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        status\n        summary\n      }\n    }\n  }\n": types.RunsDocument,
    "\n  subscription RunUpdated($runId: ID) {\n    runUpdated(runId: $runId) {\n      id\n      status\n      tags\n      notes\n      summary\n    }\n  }\n": types.RunUpdatedDocument,
    "\n  subscription MetricsAppended($runId: ID!) {\n    metricsAppended(runId: $runId) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n": types.MetricsAppendedDocument,
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
export function graphql(source: "\n  fragment RunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RunFields on Run {\n    id\n    name\n    status\n    method\n    config\n    tags\n    notes\n    error\n    worker\n    createdAt\n    startedAt\n    finishedAt\n    heartbeatAt\n    metricKeys\n    summary\n    experiment {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($name: String!, $description: String) {\n    createExperiment(name: $name, description: $description) {\n      id\n      name\n      description\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExperiment($name: String!, $description: String) {\n    createExperiment(name: $name, description: $description) {\n      id\n      name\n      description\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments {\n    experiments {\n      id\n      name\n      runCount\n      runs(first: 100) {\n        totalCount\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Experiments {\n    experiments {\n      id\n      name\n      runCount\n      runs(first: 100) {\n        totalCount\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentById($id: ID!) {\n    experiment(id: $id) {\n      id\n      name\n      description\n    }\n  }\n"): (typeof documents)["\n  query ExperimentById($id: ID!) {\n    experiment(id: $id) {\n      id\n      name\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation LaunchRun($input: LaunchRunInput!) {\n    launchRun(input: $input) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartRun($input: LaunchRunInput!) {\n    startRun(input: $input) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation LaunchRuns($inputs: [LaunchRunInput!]!) {\n    launchRuns(inputs: $inputs) {\n      id\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimRun($workerId: String!, $backend: String) {\n    claimRun(workerId: $workerId, backend: $backend) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimRun($workerId: String!, $backend: String) {\n    claimRun(workerId: $workerId, backend: $backend) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Heartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n      heartbeatAt\n    }\n  }\n"): (typeof documents)["\n  mutation Heartbeat($runId: ID!) {\n    heartbeat(runId: $runId) {\n      id\n      status\n      heartbeatAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation FinishRun($runId: ID!, $status: RunStatus!, $error: String) {\n    finishRun(runId: $runId, status: $status, error: $error) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($runId: ID!) {\n    cancelRun(runId: $runId) {\n      id\n      status\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRun($runId: ID!) {\n    cancelRun(runId: $runId) {\n      id\n      status\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRunTags($runId: ID!, $tags: [String!]!) {\n    setRunTags(runId: $runId, tags: $tags) {\n      id\n      tags\n    }\n  }\n"): (typeof documents)["\n  mutation SetRunTags($runId: ID!, $tags: [String!]!) {\n    setRunTags(runId: $runId, tags: $tags) {\n      id\n      tags\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRunNotes($runId: ID!, $notes: String!) {\n    setRunNotes(runId: $runId, notes: $notes) {\n      id\n      notes\n    }\n  }\n"): (typeof documents)["\n  mutation SetRunNotes($runId: ID!, $notes: String!) {\n    setRunNotes(runId: $runId, notes: $notes) {\n      id\n      notes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n"): (typeof documents)["\n  mutation LogMetrics($runId: ID!, $points: [MetricPointInput!]!) {\n    logMetrics(runId: $runId, points: $points) {\n      accepted\n      duplicates\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n      step\n      kind\n      url\n      width\n      height\n      caption\n    }\n  }\n"): (typeof documents)["\n  mutation LogImage($runId: ID!, $step: Int!, $kind: String!, $pngBase64: String!, $caption: String) {\n    logImage(runId: $runId, step: $step, kind: $kind, pngBase64: $pngBase64, caption: $caption) {\n      id\n      step\n      kind\n      url\n      width\n      height\n      caption\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunById($id: ID!) {\n    run(id: $id) {\n      ...RunFields\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunById($id: ID!) {\n    run(id: $id) {\n      ...RunFields\n      images {\n        id\n        step\n        kind\n        url\n        width\n        height\n        caption\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        runId\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunMetrics($id: ID!, $keys: [String!]!, $maxPoints: Int, $fromStep: Int, $toStep: Int) {\n    run(id: $id) {\n      id\n      metrics(keys: $keys, maxPoints: $maxPoints, fromStep: $fromStep, toStep: $toStep) {\n        runId\n        key\n        count\n        points {\n          step\n          value\n          min\n          max\n          wallTime\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n"): (typeof documents)["\n  query MetricSeries($runIds: [ID!]!, $keys: [String!]!, $maxPoints: Int) {\n    metricSeries(runIds: $runIds, keys: $keys, maxPoints: $maxPoints) {\n      runId\n      key\n      count\n      points {\n        step\n        value\n        min\n        max\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Runs($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        status\n        summary\n      }\n    }\n  }\n"): (typeof documents)["\n  query Runs($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        status\n        summary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdated($runId: ID) {\n    runUpdated(runId: $runId) {\n      id\n      status\n      tags\n      notes\n      summary\n    }\n  }\n"): (typeof documents)["\n  subscription RunUpdated($runId: ID) {\n    runUpdated(runId: $runId) {\n      id\n      status\n      tags\n      notes\n      summary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsAppended($runId: ID!) {\n    metricsAppended(runId: $runId) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MetricsAppended($runId: ID!) {\n    metricsAppended(runId: $runId) {\n      runId\n      points {\n        key\n        step\n        value\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
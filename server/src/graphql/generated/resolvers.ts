import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ExperimentRow as ExperimentRowModel, RunRow as RunRowModel, RunImageRow as RunImageRowModel, WorkerRow as WorkerRowModel } from '../../db/client.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  JSON: { input: unknown; output: unknown; }
};

export type Experiment = {
  __typename?: 'Experiment';
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Runs of this experiment, all statuses. */
  runCount: Scalars['Int']['output'];
  runs: RunConnection;
};


export type ExperimentRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type LaunchRunInput = {
  config?: InputMaybe<Scalars['JSON']['input']>;
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  experimentName?: InputMaybe<Scalars['String']['input']>;
  method: TrainingMethod;
  name?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type LogMetricsResult = {
  __typename?: 'LogMetricsResult';
  accepted: Scalars['Int']['output'];
  duplicates: Scalars['Int']['output'];
};

export type LoggedPoint = {
  __typename?: 'LoggedPoint';
  key: Scalars['String']['output'];
  step: Scalars['Int']['output'];
  value: Scalars['Float']['output'];
};

export type MetricPoint = {
  __typename?: 'MetricPoint';
  max: Scalars['Float']['output'];
  min: Scalars['Float']['output'];
  step: Scalars['Int']['output'];
  value: Scalars['Float']['output'];
  wallTime?: Maybe<Scalars['DateTime']['output']>;
};

export type MetricPointInput = {
  key: Scalars['String']['input'];
  step: Scalars['Int']['input'];
  value: Scalars['Float']['input'];
  wallTime?: InputMaybe<Scalars['DateTime']['input']>;
};

export type MetricSeries = {
  __typename?: 'MetricSeries';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
  points: Array<MetricPoint>;
  runId: Scalars['ID']['output'];
};

export type MetricsBatch = {
  __typename?: 'MetricsBatch';
  points: Array<LoggedPoint>;
  runId: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  cancelRun: Run;
  claimRun?: Maybe<Run>;
  /** Fails with BAD_USER_INPUT when the name is empty or already taken. */
  createExperiment: Experiment;
  finishRun: Run;
  heartbeat: Run;
  launchRun: Run;
  /** Launches several runs in one transaction (a study): all are stored QUEUED, or none. */
  launchRuns: Array<Run>;
  /** A PNG of at most 4 MiB (decoded); anything else is refused with BAD_USER_INPUT. */
  logImage: RunImage;
  logMetrics: LogMetricsResult;
  setRunNotes: Run;
  setRunTags: Run;
  startRun: Run;
};


export type MutationCancelRunArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationClaimRunArgs = {
  backend?: InputMaybe<Scalars['String']['input']>;
  hostname?: InputMaybe<Scalars['String']['input']>;
  workerId: Scalars['String']['input'];
};


export type MutationCreateExperimentArgs = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};


export type MutationFinishRunArgs = {
  error?: InputMaybe<Scalars['String']['input']>;
  runId: Scalars['ID']['input'];
  status: RunStatus;
};


export type MutationHeartbeatArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationLaunchRunArgs = {
  input: LaunchRunInput;
};


export type MutationLaunchRunsArgs = {
  inputs: Array<LaunchRunInput>;
};


export type MutationLogImageArgs = {
  caption?: InputMaybe<Scalars['String']['input']>;
  kind: Scalars['String']['input'];
  pngBase64: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
  step: Scalars['Int']['input'];
};


export type MutationLogMetricsArgs = {
  points: Array<MetricPointInput>;
  runId: Scalars['ID']['input'];
};


export type MutationSetRunNotesArgs = {
  notes: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
};


export type MutationSetRunTagsArgs = {
  runId: Scalars['ID']['input'];
  tags: Array<Scalars['String']['input']>;
};


export type MutationStartRunArgs = {
  input: LaunchRunInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  experiment?: Maybe<Experiment>;
  experiments: Array<Experiment>;
  metricSeries: Array<MetricSeries>;
  run?: Maybe<Run>;
  /** Every tag in use, for filters and completion. */
  runTags: Array<Scalars['String']['output']>;
  /** At most 500 runs a page (default 50). Runs without the METRIC key sort last. */
  runs: RunConnection;
  viewer: Viewer;
  /** Workers seen in the last hour, most recent first. */
  workers: Array<Worker>;
};


export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMetricSeriesArgs = {
  fromStep?: InputMaybe<Scalars['Int']['input']>;
  keys: Array<Scalars['String']['input']>;
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  runIds: Array<Scalars['ID']['input']>;
  toStep?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<RunOrder>;
};

export type Run = {
  __typename?: 'Run';
  config: Scalars['JSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  experiment: Experiment;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  heartbeatAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  images: Array<RunImage>;
  method: TrainingMethod;
  metricKeys: Array<Scalars['String']['output']>;
  metrics: Array<MetricSeries>;
  name: Scalars['String']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: RunStatus;
  summary: Scalars['JSON']['output'];
  tags: Array<Scalars['String']['output']>;
  worker?: Maybe<Scalars['String']['output']>;
};


export type RunImagesArgs = {
  kind?: InputMaybe<Scalars['String']['input']>;
};


export type RunMetricsArgs = {
  fromStep?: InputMaybe<Scalars['Int']['input']>;
  keys: Array<Scalars['String']['input']>;
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  toStep?: InputMaybe<Scalars['Int']['input']>;
};

export type RunConnection = {
  __typename?: 'RunConnection';
  nodes: Array<Run>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RunFilter = {
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  method?: InputMaybe<Array<TrainingMethod>>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<RunStatus>>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type RunImage = {
  __typename?: 'RunImage';
  caption?: Maybe<Scalars['String']['output']>;
  height: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  step: Scalars['Int']['output'];
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

export type RunOrder = {
  direction: SortDirection;
  field: RunOrderField;
  metricKey?: InputMaybe<Scalars['String']['input']>;
};

export type RunOrderField =
  | 'CREATED_AT'
  | 'METRIC'
  | 'NAME'
  | 'STATUS';

export type RunStatus =
  | 'CANCELED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type Subscription = {
  __typename?: 'Subscription';
  metricsAppended: MetricsBatch;
  runUpdated: Run;
};


export type SubscriptionMetricsAppendedArgs = {
  runId: Scalars['ID']['input'];
};


export type SubscriptionRunUpdatedArgs = {
  runId?: InputMaybe<Scalars['ID']['input']>;
};

/** What an API token may do. WRITE implies READ. */
export type TokenScope =
  /** Queries, subscriptions and images. */
  | 'READ'
  /** Also mutations. */
  | 'WRITE';

export type TrainingMethod =
  | 'FGSM'
  | 'GAN'
  | 'STANDARD';

/**
 * The caller, as the API sees it: lets a client check a token and learn whether the API
 * asks for one. With AUTH=off and no token: { name: null, scope: WRITE, authRequired: false }.
 */
export type Viewer = {
  __typename?: 'Viewer';
  /** True when every request needs a token (AUTH=required). */
  authRequired: Scalars['Boolean']['output'];
  /** The token's name; null without a token. */
  name?: Maybe<Scalars['String']['output']>;
  scope: TokenScope;
};

/** A trainer process that claims queued runs. */
export type Worker = {
  __typename?: 'Worker';
  firstSeenAt: Scalars['DateTime']['output'];
  hostname?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastSeenAt: Scalars['DateTime']['output'];
  /** Its RUNNING runs. */
  runs: Array<Run>;
};



export type ResolverTypeWrapper<T> = T | Promise<T>;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Experiment: ResolverTypeWrapper<ExperimentRowModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LaunchRunInput: LaunchRunInput;
  LogMetricsResult: ResolverTypeWrapper<LogMetricsResult>;
  LoggedPoint: ResolverTypeWrapper<LoggedPoint>;
  MetricPoint: ResolverTypeWrapper<MetricPoint>;
  MetricPointInput: MetricPointInput;
  MetricSeries: ResolverTypeWrapper<MetricSeries>;
  MetricsBatch: ResolverTypeWrapper<MetricsBatch>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Run: ResolverTypeWrapper<RunRowModel>;
  RunConnection: ResolverTypeWrapper<Omit<RunConnection, 'nodes'> & { nodes: Array<ResolversTypes['Run']> }>;
  RunFilter: RunFilter;
  RunImage: ResolverTypeWrapper<RunImageRowModel>;
  RunOrder: RunOrder;
  RunOrderField: RunOrderField;
  RunStatus: RunStatus;
  SortDirection: SortDirection;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TokenScope: TokenScope;
  TrainingMethod: TrainingMethod;
  Viewer: ResolverTypeWrapper<Viewer>;
  Worker: ResolverTypeWrapper<WorkerRowModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Experiment: ExperimentRowModel;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  LaunchRunInput: LaunchRunInput;
  LogMetricsResult: LogMetricsResult;
  LoggedPoint: LoggedPoint;
  MetricPoint: MetricPoint;
  MetricPointInput: MetricPointInput;
  MetricSeries: MetricSeries;
  MetricsBatch: MetricsBatch;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Run: RunRowModel;
  RunConnection: Omit<RunConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Run']> };
  RunFilter: RunFilter;
  RunImage: RunImageRowModel;
  RunOrder: RunOrder;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Viewer: Viewer;
  Worker: WorkerRowModel;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ExperimentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Experiment'] = ResolversParentTypes['Experiment']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['RunConnection'], ParentType, ContextType, Partial<ExperimentRunsArgs>>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LogMetricsResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LogMetricsResult'] = ResolversParentTypes['LogMetricsResult']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LoggedPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LoggedPoint'] = ResolversParentTypes['LoggedPoint']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MetricPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricPoint'] = ResolversParentTypes['MetricPoint']> = {
  max?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  wallTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type MetricSeriesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricSeries'] = ResolversParentTypes['MetricSeries']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['MetricPoint']>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MetricsBatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricsBatch'] = ResolversParentTypes['MetricsBatch']> = {
  points?: Resolver<Array<ResolversTypes['LoggedPoint']>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationCancelRunArgs, 'runId'>>;
  claimRun?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<MutationClaimRunArgs, 'workerId'>>;
  createExperiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType, RequireFields<MutationCreateExperimentArgs, 'name'>>;
  finishRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationFinishRunArgs, 'runId' | 'status'>>;
  heartbeat?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationHeartbeatArgs, 'runId'>>;
  launchRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationLaunchRunArgs, 'input'>>;
  launchRuns?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<MutationLaunchRunsArgs, 'inputs'>>;
  logImage?: Resolver<ResolversTypes['RunImage'], ParentType, ContextType, RequireFields<MutationLogImageArgs, 'kind' | 'pngBase64' | 'runId' | 'step'>>;
  logMetrics?: Resolver<ResolversTypes['LogMetricsResult'], ParentType, ContextType, RequireFields<MutationLogMetricsArgs, 'points' | 'runId'>>;
  setRunNotes?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationSetRunNotesArgs, 'notes' | 'runId'>>;
  setRunTags?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationSetRunTagsArgs, 'runId' | 'tags'>>;
  startRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationStartRunArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  experiment?: Resolver<Maybe<ResolversTypes['Experiment']>, ParentType, ContextType, RequireFields<QueryExperimentArgs, 'id'>>;
  experiments?: Resolver<Array<ResolversTypes['Experiment']>, ParentType, ContextType>;
  metricSeries?: Resolver<Array<ResolversTypes['MetricSeries']>, ParentType, ContextType, RequireFields<QueryMetricSeriesArgs, 'keys' | 'runIds'>>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<QueryRunArgs, 'id'>>;
  runTags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['RunConnection'], ParentType, ContextType, Partial<QueryRunsArgs>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  workers?: Resolver<Array<ResolversTypes['Worker']>, ParentType, ContextType>;
};

export type RunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Run'] = ResolversParentTypes['Run']> = {
  config?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  heartbeatAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['RunImage']>, ParentType, ContextType, Partial<RunImagesArgs>>;
  method?: Resolver<ResolversTypes['TrainingMethod'], ParentType, ContextType>;
  metricKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['MetricSeries']>, ParentType, ContextType, RequireFields<RunMetricsArgs, 'keys'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  worker?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RunConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunConnection'] = ResolversParentTypes['RunConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RunImageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunImage'] = ResolversParentTypes['RunImage']> = {
  caption?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  metricsAppended?: SubscriptionResolver<ResolversTypes['MetricsBatch'], "metricsAppended", ParentType, ContextType, RequireFields<SubscriptionMetricsAppendedArgs, 'runId'>>;
  runUpdated?: SubscriptionResolver<ResolversTypes['Run'], "runUpdated", ParentType, ContextType, Partial<SubscriptionRunUpdatedArgs>>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  authRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['TokenScope'], ParentType, ContextType>;
};

export type WorkerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Worker'] = ResolversParentTypes['Worker']> = {
  firstSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hostname?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  DateTime?: GraphQLScalarType;
  Experiment?: ExperimentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LogMetricsResult?: LogMetricsResultResolvers<ContextType>;
  LoggedPoint?: LoggedPointResolvers<ContextType>;
  MetricPoint?: MetricPointResolvers<ContextType>;
  MetricSeries?: MetricSeriesResolvers<ContextType>;
  MetricsBatch?: MetricsBatchResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Run?: RunResolvers<ContextType>;
  RunConnection?: RunConnectionResolvers<ContextType>;
  RunImage?: RunImageResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  Worker?: WorkerResolvers<ContextType>;
};


/**
 * Query depth and cost limits: a needlessly deep or wide operation is refused before it
 * runs, with a message giving its figure and the limit.
 *
 * Depth counts nested fields (a root field is depth 1). Cost estimates how many fields the
 * answer holds: every selected field counts once per object it is selected on, and a list
 * field multiplies what is selected under it by the size its arguments allow (`first`,
 * `maxPoints`, the length of `keys` × `runIds`, …), or a default where nothing bounds it.
 * Introspection (`__schema`, `__type`, `__typename`) is free: graphql-js's own
 * MaxIntrospectionDepthRule already bounds it, and codegen and tools need it.
 *
 * The estimate needs the operation's variables (`keys: $keys` is as long as the variable's
 * list), so the rules take them; without them a variable's size is a default. Pure.
 */
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { DEFAULT_PAGE } from "../runs/list.ts";

/** Deepest nesting of fields an operation may have (the shipped documents need 4). */
export const MAX_QUERY_DEPTH = 10;
/**
 * Largest estimated number of fields in an answer. /compare with 100 runs × 3 keys at
 * maxPoints 1,000 is about 1.2 million (4 fields per point); this leaves room for more keys.
 */
export const MAX_QUERY_COST = 2_000_000;
/** Tokens a document may have: parsing stops there (validation is quadratic in places). */
export const MAX_QUERY_TOKENS = 200_000;

/** Points per series assumed when `maxPoints` is not given (every point in range is returned). */
export const ASSUMED_SERIES_POINTS = 1_000;
/** Length assumed for a list argument whose value is not known (a variable not given). */
export const ASSUMED_LIST_ARGUMENT = 10;
/** Size assumed for a list nothing bounds (experiments, images, workers, a live batch). */
export const ASSUMED_LIST_SIZE = 100;

/** The arguments of the enclosing field that bound a list below it. */
interface Scope {
  first: number;
  maxPoints: number;
}

type Args = Record<string, unknown>;

/** How many items a list field returns, from its own arguments and its enclosing field's scope. */
const LIST_SIZES: Record<string, (args: Args, scope: Scope) => number> = {
  "RunConnection.nodes": (_, scope) => scope.first,
  "Query.metricSeries": (args) => listLength(args.runIds) * listLength(args.keys),
  "Run.metrics": (args) => listLength(args.keys),
  "MetricSeries.points": (_, scope) => scope.maxPoints,
  "Mutation.launchRuns": (args) => listLength(args.inputs),
};

function listLength(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  // A single value stands for a list of one (GraphQL input coercion).
  return value === undefined || value === null ? ASSUMED_LIST_ARGUMENT : 1;
}

function count(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.max(0, value) : fallback;
}

function scopeOf(args: Args, parent: Scope): Scope {
  return {
    first: "first" in args ? count(args.first, DEFAULT_PAGE) : parent.first,
    maxPoints: "maxPoints" in args ? count(args.maxPoints, ASSUMED_SERIES_POINTS) : parent.maxPoints,
  };
}

const ROOT_SCOPE: Scope = { first: DEFAULT_PAGE, maxPoints: ASSUMED_SERIES_POINTS };

/** An operation's figures. */
export interface QueryMeasure {
  depth: number;
  cost: number;
}

/**
 * Measures one operation of a document. Fragments are expanded (each measured once per
 * scope, so fragment bombs stay linear); fields the schema does not know count as leaves.
 */
export function measureOperation(
  context: Pick<ValidationContext, "getSchema" | "getFragment">,
  operation: OperationDefinitionNode,
  variables?: Record<string, unknown> | null,
): QueryMeasure {
  const schema = context.getSchema();
  const root = schema.getRootType(operation.operation);
  const memo = new Map<string, QueryMeasure>();
  const active = new Set<string>();

  const argsOf = (node: FieldNode): Args => {
    const args: Args = {};
    for (const arg of node.arguments ?? []) {
      // A variable that was not given is left out, as if the argument were absent.
      if (arg.value.kind === Kind.VARIABLE && (variables == null || !(arg.value.name.value in variables))) continue;
      args[arg.name.value] = valueFromASTUntyped(arg.value, variables ?? undefined);
    }
    return args;
  };

  const measureFragment = (fragment: FragmentDefinitionNode, type: GraphQLNamedType | undefined, scope: Scope): QueryMeasure => {
    const key = `${fragment.name.value}\u0000${scope.first}\u0000${scope.maxPoints}`;
    const known = memo.get(key);
    if (known) return known;
    if (active.has(fragment.name.value)) return { depth: 0, cost: 0 }; // a cycle: NoFragmentCyclesRule reports it
    active.add(fragment.name.value);
    const condition = schema.getType(fragment.typeCondition.name.value) ?? type;
    const measure = measureSelections(fragment.selectionSet, condition, scope);
    active.delete(fragment.name.value);
    memo.set(key, measure);
    return measure;
  };

  const measureSelections = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined, scope: Scope): QueryMeasure => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let inner: QueryMeasure;
      if (selection.kind === Kind.FIELD) {
        inner = measureField(selection, type, scope);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        inner = measureSelections(selection.selectionSet, condition ?? type, scope);
      } else {
        const fragment = context.getFragment(selection.name.value);
        inner = fragment ? measureFragment(fragment, type, scope) : { depth: 0, cost: 0 };
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  };

  const measureField = (node: FieldNode, parentType: GraphQLNamedType | undefined, scope: Scope): QueryMeasure => {
    const name = node.name.value;
    if (name.startsWith("__")) return { depth: 0, cost: 0 };
    const field: GraphQLField<unknown, unknown> | undefined =
      parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[name] : undefined;
    if (!node.selectionSet) return { depth: 1, cost: 1 };
    const args = argsOf(node);
    const returned = field ? getNullableType(field.type) : undefined;
    const isList = returned !== undefined && isListType(returned);
    const size = isList ? (LIST_SIZES[`${parentType!.name}.${name}`]?.(args, scope) ?? ASSUMED_LIST_SIZE) : 1;
    const inner = measureSelections(node.selectionSet, field ? getNamedType(field.type) : undefined, scopeOf(args, scope));
    return { depth: 1 + inner.depth, cost: 1 + size * inner.cost };
  };

  return measureSelections(operation.selectionSet, root ?? undefined, ROOT_SCOPE);
}

/** Refusal of an operation nested deeper than `limit`. */
export function queryTooDeep(depth: number, limit: number): GraphQLError {
  return new GraphQLError(`query is too deep: ${depth} levels of nested fields, the limit is ${limit}`, {
    extensions: { code: "QUERY_TOO_DEEP", depth, limit, http: { status: 400 } },
  });
}

/** Refusal of an operation whose estimated answer is larger than `limit` fields. */
export function queryTooComplex(cost: number, limit: number): GraphQLError {
  const figure = Number.isFinite(cost) ? Math.round(cost).toLocaleString("en-US") : "unbounded";
  return new GraphQLError(
    `query is too complex: its answer is estimated at ${figure} fields, the limit is ${limit.toLocaleString("en-US")} ` +
      "(ask for fewer runs, keys, rows or a smaller maxPoints, or split the request)",
    { extensions: { code: "QUERY_TOO_COMPLEX", cost: Number.isFinite(cost) ? Math.round(cost) : null, limit, http: { status: 400 } } },
  );
}

function operationRule(check: (measure: QueryMeasure) => GraphQLError | undefined, variables?: Record<string, unknown> | null) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const error = check(measureOperation(context, operation, variables));
      if (error) context.reportError(error);
      return false; // measured whole; nothing below needs visiting
    },
  });
}

/** A validation rule refusing operations nested deeper than `limit` fields. */
export function depthLimitRule(limit: number = MAX_QUERY_DEPTH): ValidationRule {
  return operationRule(({ depth }) => (depth > limit ? queryTooDeep(depth, limit) : undefined));
}

/**
 * A validation rule refusing operations whose estimated cost exceeds `limit`.
 * @param variables the request's variables; without them list variables count as
 *   ASSUMED_LIST_ARGUMENT items and number variables as their defaults.
 */
export function costLimitRule(limit: number = MAX_QUERY_COST, variables?: Record<string, unknown> | null): ValidationRule {
  return operationRule(({ cost }) => (cost > limit ? queryTooComplex(cost, limit) : undefined), variables);
}

/** Both limits for one request, as validation rules. */
export function queryLimitRules(variables?: Record<string, unknown> | null): ValidationRule[] {
  return [depthLimitRule(MAX_QUERY_DEPTH), costLimitRule(MAX_QUERY_COST, variables)];
}

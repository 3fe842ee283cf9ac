/**
 * The contract's two scalars. DateTime is an ISO-8601 string on the wire; JSON is any
 * JSON value (run configs, summaries).
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";

function parseDate(value: unknown): Date {
  if (typeof value !== "string" && typeof value !== "number") {
    throw new GraphQLError("DateTime: expected an ISO-8601 string", { extensions: { code: "BAD_USER_INPUT" } });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime: not a date: ${JSON.stringify(value)}`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An ISO-8601 date-time string.",
  serialize: (value) => (value instanceof Date ? value : parseDate(value)).toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime: expected a string literal");
    return parseDate(ast.value);
  },
});

function literalValue(ast: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literalValue(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalValue(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      throw new GraphQLError("JSON: unsupported literal");
  }
}

export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: "JSON",
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalValue(ast, variables),
});

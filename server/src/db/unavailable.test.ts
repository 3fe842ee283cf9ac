import assert from "node:assert/strict";
import { test } from "node:test";
import { isDatabaseUnavailable } from "./unavailable.ts";

/** Shapes seen while PostgreSQL was stopped with SIGQUIT and started again under load (tests/faults/postgres-restart.test.ts). */
const prismaKnown = (code: string, cause: object) =>
  Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), {
    code,
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

test("a database that is down, restarting or out of connections is unavailable", () => {
  const refused = Object.assign(new AggregateError([Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })], ""), {
    code: "ECONNREFUSED",
  });
  for (const error of [
    new Error("Connection terminated unexpectedly"),
    refused,
    prismaKnown("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
    prismaKnown("P1001", { kind: "DatabaseNotReachable" }),
    prismaKnown("P2010", { kind: "postgres", code: "57P03", originalCode: "57P03", message: "the database system is starting up" }),
    Object.assign(new Error("the database system is not yet accepting connections"), { cause: { kind: "postgres", code: "57P03" } }),
    Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
    new Error("timeout exceeded when trying to connect"),
    new Error("the event listener is reconnecting to the database"),
    { originalError: new Error("Connection terminated unexpectedly") },
  ]) {
    assert.equal(isDatabaseUnavailable(error), true, JSON.stringify(error) || String(error));
  }
});

test("bugs and bad data are not unavailability", () => {
  for (const error of [
    new Error("Cannot read properties of undefined (reading 'id')"),
    prismaKnown("P2010", { kind: "UnsupportedNativeDataType", type: "void" }),
    Object.assign(new Error('duplicate key value violates unique constraint "runs_pkey"'), { code: "23505" }),
    prismaKnown("P2002", { kind: "UniqueConstraintViolation" }),
    "a string",
    undefined,
  ]) {
    assert.equal(isDatabaseUnavailable(error), false, String(error));
  }
});

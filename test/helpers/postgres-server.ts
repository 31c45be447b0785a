/**
 * The Postgres servers the Postgres-backed suites run against, for `describe.each(PG_SERVERS)`:
 * always PGlite (PostgreSQL in WebAssembly, test/helpers/pglite.ts), and a native PostgreSQL with
 * pgvector when FOOTNOTE_TEST_PG_ADMIN_URL names one (test/helpers/postgres-native.ts; CI starts
 * one with .ci/postgres.sh). test/helpers/postgres-notice.ts says at the start of a run which.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startNativePostgres, nativeAdminUrl, NATIVE_START_MS } from "./postgres-native.ts";
import { PGLITE_START_MS, startPglite } from "./pglite.ts";

/** One Postgres database for a suite, either server. */
export interface TestPostgres {
  /** postgres://… for DATABASE_URL: a superuser on a database of the suite's own. */
  url: string;
  /** Queries on that database, outside the code under test. */
  db: { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> };
  /** Empties the database (the next footnote to connect migrates it again). */
  reset(): Promise<void>;
  /** Stops the server, or drops the suite's database. */
  stop(): Promise<void>;
}

export interface PgServerKind {
  name: "pglite" | "native";
  start: () => Promise<TestPostgres>;
  /** The timeout for start(), for beforeAll. */
  startMs: number;
}

export const PGLITE_SERVER: PgServerKind = {
  name: "pglite",
  start: () => startPglite(),
  startMs: PGLITE_START_MS,
};
export const NATIVE_SERVER: PgServerKind = {
  name: "native",
  start: () => startNativePostgres(),
  startMs: NATIVE_START_MS,
};

/** PGlite, and the native server when FOOTNOTE_TEST_PG_ADMIN_URL is set. */
export const PG_SERVERS: PgServerKind[] = nativeAdminUrl() ? [PGLITE_SERVER, NATIVE_SERVER] : [PGLITE_SERVER];

export interface SuiteServer {
  /** The suite's server; throws what stopped it from starting. */
  get(): TestPostgres;
  /** Whether it started (and `then`, if given, went through). */
  started(): boolean;
}

/**
 * Call inside a describe: starts `kind`'s server for the suite (beforeAll), then runs `then` on it,
 * and stops it after the suite (afterAll, after the suite's own afterAll hooks). A server that does
 * not start (a native one that does not answer) fails every test of the suite with its error,
 * from beforeEach: a failing beforeAll would only mark them skipped.
 */
export function usePgServer(
  kind: PgServerKind,
  then?: (server: TestPostgres) => void | Promise<void>,
  timeoutMs = kind.startMs,
): SuiteServer {
  let server: TestPostgres | undefined;
  let failure: Error | undefined;
  let ok = false;
  beforeAll(async () => {
    try {
      server = await kind.start();
      await then?.(server);
      ok = true;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
  }, timeoutMs);
  beforeEach(() => {
    if (!ok) throw failure ?? new Error(`the ${kind.name} Postgres server did not start`);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get() {
      if (!server) throw failure ?? new Error(`the ${kind.name} Postgres server has not started`);
      return server;
    },
    started: () => ok,
  };
}

/**
 * The storage backends a test suite runs against, for `describe.each(BACKENDS)`: the embedded
 * one (a fresh DATA_DIR), and Postgres on each server of PG_SERVERS (PGlite on 127.0.0.1, and
 * the native server when FOOTNOTE_TEST_PG_ADMIN_URL is set), a database for the suite, emptied
 * after each test.
 */
import { afterEach } from "vitest";
import type { Config, Env } from "../../src/config.ts";
import { testConfig } from "./footnote.ts";
import { PG_SERVERS, usePgServer, type PgServerKind, type TestPostgres } from "./postgres-server.ts";

export type TestBackend = "embedded" | `postgres (${PgServerKind["name"]})`;

export const BACKENDS: TestBackend[] = [
  "embedded",
  ...PG_SERVERS.map((s): TestBackend => `postgres (${s.name})`),
];

/** The storage a backend is (src/library/storage.ts's StorageKind). */
export function storageOf(kind: TestBackend): "embedded" | "postgres" {
  return kind === "embedded" ? "embedded" : "postgres";
}

/** The Postgres server of a backend; undefined for the embedded one. */
export function pgServerOf(kind: TestBackend): PgServerKind | undefined {
  if (kind === "embedded") return undefined;
  const server = PG_SERVERS.find((s) => kind === `postgres (${s.name})`);
  if (!server) throw new Error(`no Postgres server for the backend "${kind}"`);
  return server;
}

export interface BackendFixture {
  /** A config for this backend: a fresh DATA_DIR, and DATABASE_URL for Postgres. */
  config(env?: Env): Config;
  /** The server, for Postgres (started in beforeAll). */
  server(): TestPostgres | undefined;
}

/** Call inside a describe: starts the backend's server for the suite and empties it after each test. */
export function useBackend(kind: TestBackend): BackendFixture {
  let server: TestPostgres | undefined;
  const pgServer = pgServerOf(kind);
  if (pgServer) {
    usePgServer(pgServer, (s) => {
      server = s;
    });
    afterEach(async () => {
      await server?.reset();
    });
  }
  return {
    config: (env = {}) => testConfig(server ? { DATABASE_URL: server.url, ...env } : env),
    server: () => server,
  };
}

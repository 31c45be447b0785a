/**
 * The storage backends a test suite runs against, for `describe.each(BACKENDS)`: the embedded
 * one (a fresh DATA_DIR), and Postgres (a PGlite server on 127.0.0.1 for the file, emptied
 * after each test).
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Config, Env } from "../../src/config.ts";
import type { StorageKind } from "../../src/library/storage.ts";
import { testConfig } from "./footnote.ts";
import { PGLITE_START_MS, startPglite, type PgliteServer } from "./pglite.ts";

export const BACKENDS: StorageKind[] = ["embedded", "postgres"];

export interface BackendFixture {
  /** A config for this backend: a fresh DATA_DIR, and DATABASE_URL for Postgres. */
  config(env?: Env): Config;
  /** The server, for Postgres (started in beforeAll). */
  server(): PgliteServer | undefined;
}

/** Call inside a describe: starts the backend's server for the suite and empties it after each test. */
export function useBackend(kind: StorageKind): BackendFixture {
  let server: PgliteServer | undefined;
  if (kind === "postgres") {
    beforeAll(async () => {
      server = await startPglite();
    }, PGLITE_START_MS);
    afterEach(async () => {
      await server?.reset();
    });
    afterAll(async () => {
      await server?.stop();
    });
  }
  return {
    config: (env = {}) => testConfig(server ? { DATABASE_URL: server.url, ...env } : env),
    server: () => server,
  };
}

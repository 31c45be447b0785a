/**
 * A native PostgreSQL server (with pgvector installed) for the Postgres suites, named by
 * FOOTNOTE_TEST_PG_ADMIN_URL: a superuser's URL, such as the one .ci/postgres.sh prints. Each
 * suite gets a database of its own, footnote_test_<random>, with the vector extension created in
 * it by that superuser, and dropped (WITH (FORCE)) when the suite stops, so no two suites, or two
 * runs, share state. When the variable is set and the server does not answer, starting fails:
 * the suites fail, they are not skipped.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestPostgres } from "./postgres-server.ts";

export const ADMIN_URL_VAR = "FOOTNOTE_TEST_PG_ADMIN_URL";
/** A CREATE DATABASE and a CREATE EXTENSION on a local server: well under a second, usually. */
export const NATIVE_START_MS = 30_000;
const CONNECT_TIMEOUT_MS = 10_000;

/** The superuser URL of the native server, when the tests are given one. */
export function nativeAdminUrl(): string | undefined {
  return process.env[ADMIN_URL_VAR]?.trim() || undefined;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

/** Runs `fn` on a connection of its own to `url`, closed after. */
export async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `${ADMIN_URL_VAR} is set, but the PostgreSQL server at ${redactUrl(url)} does not answer ` +
        `(${(error as Error).message}). Start one with .ci/postgres.sh, or unset ${ADMIN_URL_VAR} ` +
        "to run the Postgres suites on PGlite only.",
      { cause: error },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database on the native server, for one suite. */
export async function startNativePostgres(adminUrl = nativeAdminUrl()): Promise<TestPostgres> {
  if (!adminUrl) throw new Error(`${ADMIN_URL_VAR} is not set: no native PostgreSQL server to run on`);
  const name = `footnote_test_${randomBytes(6).toString("hex")}`;
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dropDatabase = () =>
    withPgClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  await withPgClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  try {
    // pgvector is not a trusted extension: a superuser creates it, as an operator would.
    await withPgClient(url, (c) => c.query("CREATE EXTENSION vector"));
  } catch (error) {
    await dropDatabase().catch(() => undefined);
    throw new Error(
      `the native PostgreSQL server has no pgvector (CREATE EXTENSION vector: ${(error as Error).message}); ` +
        "see .ci/postgres.sh",
      { cause: error },
    );
  }
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on("error", () => undefined);
  return {
    url,
    db: {
      async query<T>(sql: string, params?: unknown[]) {
        return { rows: (await pool.query(sql, params)).rows as T[] };
      },
    },
    async reset() {
      // As a new database has them: an empty public schema, and pgvector, made by the superuser.
      await pool.query(
        "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION pg_database_owner; " +
          "GRANT USAGE ON SCHEMA public TO PUBLIC; CREATE EXTENSION vector;",
      );
    },
    async stop() {
      await pool.end();
      await dropDatabase();
    },
  };
}

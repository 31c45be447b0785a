/**
 * vitest's global setup: says, once and up front, which Postgres servers the Postgres suites run
 * against. Without FOOTNOTE_TEST_PG_ADMIN_URL they run on PGlite only, and the native-server
 * suites are not run; with it, on PGlite and on that server (test/helpers/postgres-server.ts).
 */
import { ADMIN_URL_VAR, nativeAdminUrl, redactUrl, withPgClient } from "./postgres-native.ts";

export async function setup(): Promise<void> {
  const url = nativeAdminUrl();
  if (!url) {
    console.warn(
      `\n${ADMIN_URL_VAR} is not set: the Postgres suites run on PGlite only, and their native-server ` +
        `runs (PostgreSQL with pgvector) are not run. Set ${ADMIN_URL_VAR}, see .ci/postgres.sh.\n`,
    );
    return;
  }
  try {
    const version = await withPgClient(url, async (c) => {
      const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      const ext = await c.query<{ v: string }>(
        "SELECT default_version AS v FROM pg_available_extensions WHERE name = 'vector'",
      );
      return `PostgreSQL ${rows[0]?.v}, pgvector ${ext.rows[0]?.v ?? "MISSING"}`;
    });
    console.warn(`\nThe Postgres suites run on PGlite and on ${redactUrl(url)} (${version}).\n`);
  } catch (error) {
    // The suites that need it fail, each with this message: the run goes on.
    console.warn(`\n!! ${(error as Error).message}\n!! The native-server Postgres suites will fail.\n`);
  }
}

/**
 * A throwaway schema for a run that must leave nothing in the database (`footnote eval` with
 * DATABASE_URL): every footnote table of the run is created in its own schema, found first on
 * the connection's search_path (pgvector's types stay where the extension is), and the schema
 * is dropped when the run ends, on an error, and on Ctrl-C or SIGTERM. A run killed outright
 * (SIGKILL) leaves its schema; the next throwaway run drops those more than a day old.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

const PREFIX = "footnote_eval_";
const STALE = "1 day";

export interface ThrowawaySchema {
  /** DATABASE_URL for the run: the same database, with the schema first on its search_path. */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

export async function throwawaySchema(databaseUrl: string): Promise<ThrowawaySchema> {
  const schema = `${PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace
       WHERE nspname LIKE '${PREFIX}%'
         AND CASE WHEN obj_description(oid, 'pg_namespace') ~ '^\\d{4}-'
           THEN obj_description(oid, 'pg_namespace')::timestamptz END < now() - interval '${STALE}'`,
    );
    for (const r of rows) await admin.query(`DROP SCHEMA IF EXISTS "${r.nspname}" CASCADE`);
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`COMMENT ON SCHEMA "${schema}" IS '${new Date().toISOString()}'`);
    const where = (await admin.query<{ s: string }>("SELECT current_setting('search_path') AS s")).rows[0]!.s;
    const url = new URL(databaseUrl);
    url.searchParams.set("options", `-c search_path=${schema},${where.replace(/\s+/g, "")}`);
    let dropped = false;
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    };
    const onSignal = (signal: NodeJS.Signals) => {
      void drop().finally(() => process.kill(process.pid, signal));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    return { url: url.toString(), schema, drop };
  } finally {
    await admin.end();
  }
}

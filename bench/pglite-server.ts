/**
 * A local Postgres-protocol server for trying DATABASE_URL without installing PostgreSQL:
 * PGlite with pgvector on 127.0.0.1 (the tests' server, test/helpers/pglite.ts). Prints the
 * DATABASE_URL to use, then serves until stopped.
 *   npx tsx bench/pglite-server.ts [--port 5432] [--db ./pgdata]
 * For development and tests only: production wants PostgreSQL with pgvector 0.8 or later.
 */
import { parseArgs } from "node:util";
import { startPglite } from "../test/helpers/pglite.ts";

const { values } = parseArgs({
  options: { port: { type: "string", default: "0" }, db: { type: "string" } },
});
const server = await startPglite({ port: Number(values.port), ...(values.db ? { dataDir: values.db } : {}) });
process.stdout.write(`DATABASE_URL=${server.url}\n`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

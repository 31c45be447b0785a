/**
 * A real Postgres protocol peer for tests: PGlite (Postgres compiled to WebAssembly) with the
 * pgvector extension, served by pglite-socket on 127.0.0.1 at a free port. The real driver
 * (pg) connects to it as it would to a PostgreSQL server.
 *
 * PGlite is one session. pglite-socket shares it between connections a protocol message at a
 * time, which lets one connection's Bind land on another's unnamed statement when two send
 * parameterised queries at once ("portal \"\" cannot be run"). SessionQueue below gives a
 * connection the session from its first message until the server says it is idle again
 * (ReadyForQuery 'I'), so each query, or each transaction, runs whole: the isolation a real
 * server gives, serialised.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { TestPostgres } from "./postgres-server.ts";

/** PGlite compiles and starts Postgres in WebAssembly: seconds, more on a busy machine. */
export const PGLITE_START_MS = 120_000;

/** The suites' Postgres on PGlite (test/helpers/postgres-server.ts has the other, native one). */
export interface PgliteServer extends TestPostgres {
  db: PGlite;
}

interface Waiting {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

/** What pglite-socket's handlers call on their server's query queue. */
class SessionQueue {
  private owner: number | null = null;
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const i = this.owner === null ? 0 : this.waiting.findIndex((q) => q.handlerId === this.owner);
        if (i < 0 || i >= this.waiting.length) return;
        const q = this.waiting.splice(i, 1)[0]!;
        this.owner = q.handlerId;
        const out: Uint8Array[] = [];
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(q.message, {
              onRawData: (data: Uint8Array) => {
                // `data` is a view of PGlite's WebAssembly heap, overwritten by the next output
                // (and detached when the heap grows): keep a copy to read the status from.
                out.push(Uint8Array.from(data));
                q.onData(data);
              },
            }),
          );
          if (idleAfter(out)) this.owner = null;
          q.resolve(out.reduce((n, d) => n + d.length, 0));
        } catch (error) {
          this.owner = null;
          q.reject(error as Error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  clearQueueForHandler(handlerId: number): void {
    this.waiting = this.waiting.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    // A connection that went away mid-transaction: roll it back, as a server would.
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.pump();
  }

  getQueueLength(): number {
    return this.waiting.length;
  }
}

/** True when the last ReadyForQuery in the output says the session is idle (no transaction). */
function idleAfter(chunks: Uint8Array[]): boolean {
  const buf = Buffer.concat(chunks);
  let status: number | undefined;
  for (let at = 0; at + 5 <= buf.length;) {
    const type = buf[at]!;
    const len = buf.readInt32BE(at + 1);
    if (type === 0x5a && len === 5 && at + 5 < buf.length) status = buf[at + 5];
    at += 1 + len;
  }
  return status === 0x49; // 'I'
}

export async function startPglite(
  opts: { dataDir?: string; maxConnections?: number; port?: number } = {},
): Promise<PgliteServer> {
  const db = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    extensions: { vector },
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 32,
  });
  // The handlers take their queue from the server as they are created.
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    db,
    async reset() {
      await db.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

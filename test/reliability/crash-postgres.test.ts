/**
 * Crash safety on Postgres: a child process ingests articles into a library in the database
 * (a PGlite server in this process, over TCP; and, when FOOTNOTE_TEST_PG_ADMIN_URL is set, a
 * database on that native server) and is SIGKILLed at a random (seeded) moment, often inside
 * an article's transaction. The server rolls the dead connection's transaction back, as
 * PostgreSQL does; the library must then hold every article the child reported done,
 * each whole (its passages, their postings and the library's counts agree), and nothing of the
 * article it was storing.
 *
 * Reproduce a run with RELIABILITY_SEED=<seed>.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createFootnote } from "../../src/footnote.ts";
import { articleTitle, makeArticle, randomInt, rng } from "./articles.ts";
import { killWorkers, startWorker, reliabilityConfig } from "./crash-harness.ts";
import { PG_SERVERS, usePgServer, type TestPostgres } from "../helpers/postgres-server.ts";

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_251_130);
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS_POSTGRES ?? 6);
const LIB = "crash-postgres";

describe.each(PG_SERVERS)("on $name", (kind) => {
  let dataDir: string;
  let server: TestPostgres;
  usePgServer(kind, async (s) => {
    server = s;
    dataDir = await mkdtemp(join(tmpdir(), "footnote-crash-pg-"));
    // The children inherit it (reliabilityConfig reads it).
    process.env.FOOTNOTE_TEST_DATABASE_URL = server.url;
  });
  // Before usePgServer stops the server.
  afterAll(async () => {
    killWorkers();
    delete process.env.FOOTNOTE_TEST_DATABASE_URL;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(`keeps every reported article, whole, through ${ROUNDS} SIGKILLs during a Postgres ingest`, async () => {
    const next = rng(SEED);
    const alive = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const worker = startWorker("ingest", dataDir, LIB, round * 100_000);
      // Long enough for a few articles even on a busy machine, short enough to land mid-article.
      const run = await worker.run(randomInt(next, 500, 4000));
      for (const a of run.ok) alive.set(a.id, a.n);

      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        // Every article whole: as many passages as it says, each with its postings.
        const articles = (
          await client.query<{ id: string; chunks: number; passages: string; unindexed: string }>(
            // The passages in the library's posting lists, unpacked once (not once a passage).
            `WITH indexed AS (SELECT DISTINCT unnest(passage_ids) AS id FROM footnote_terms WHERE library_id = $1)
           SELECT a.id, a.chunks, count(p.id) AS passages,
             count(p.id) FILTER (WHERE p.id IS NOT NULL AND i.id IS NULL) AS unindexed
           FROM footnote_articles a LEFT JOIN footnote_passages p ON p.library_id = a.library_id AND p.article_id = a.id
           LEFT JOIN indexed i ON i.id = p.id
           WHERE a.library_id = $1 GROUP BY a.id, a.chunks`,
            [LIB],
          )
        ).rows;
        for (const a of articles) {
          expect(Number(a.passages), `article ${a.id} whole (round ${round})`).toBe(a.chunks);
          expect(Number(a.unindexed), `article ${a.id} indexed (round ${round})`).toBe(0);
        }
        // Every reported article is there; at most the one being stored at the kill is extra.
        const stored = new Set(articles.map((a) => a.id));
        for (const id of alive.keys())
          expect(stored.has(id), `reported article ${id} (round ${round})`).toBe(true);
        expect(stored.size - alive.size).toBeLessThanOrEqual(1);
        for (const id of stored) if (!alive.has(id)) alive.set(id, -1);
        // The library's counts (BM25's N and average length) agree with its rows.
        const counts = (
          await client.query<{ passages: string; tokens: string; rows: string; dl: string | null }>(
            `SELECT l.passages, l.tokens, (SELECT count(*) FROM footnote_passages WHERE library_id = l.id) AS rows,
             (SELECT sum(dl) FROM footnote_passages WHERE library_id = l.id) AS dl
           FROM footnote_libraries l WHERE l.id = $1`,
            [LIB],
          )
        ).rows[0]!;
        expect(Number(counts.passages)).toBe(Number(counts.rows));
        expect(Number(counts.tokens)).toBe(Number(counts.dl ?? 0));
      } finally {
        await client.end();
      }
    }
    // And the library answers about a reported article.
    const footnote = await createFootnote({ config: reliabilityConfig(dataDir) });
    try {
      const [, n] = [...alive].find(([, n]) => n >= 0)!;
      const a = makeArticle(n);
      const hits = await footnote.retrieve(LIB, a.question, 5);
      expect(hits.map((h) => h.title)).toContain(articleTitle(n));
    } finally {
      await footnote.close();
    }
    // The children did work between kills (not all killed before their first article).
    expect(alive.size).toBeGreaterThanOrEqual(ROUNDS);
  }, 300_000);
});

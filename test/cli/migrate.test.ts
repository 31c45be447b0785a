/**
 * `footnote migrate`: every embedded library copied into Postgres (PGlite, and the native server
 * when FOOTNOTE_TEST_PG_ADMIN_URL is set) and verified; run again it copies nothing; interrupted,
 * it resumes.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createFootnote } from "../../src/footnote.ts";
import { loadConfig } from "../../src/config.ts";
import { EmbeddedStorage } from "../../src/library/embedded/storage.ts";
import { PostgresStorage } from "../../src/library/postgres/storage.ts";
import { migrateLibraries } from "../../src/library/migrate.ts";
import { localEmbedder } from "../../src/embeddings/embedder.ts";
import { syntheticArticle, tempDir } from "../helpers/footnote.ts";
import { PG_SERVERS, usePgServer, type TestPostgres } from "../helpers/postgres-server.ts";
import { HNSW_INDEX } from "../../src/library/postgres/schema.ts";
import { runCli } from "../helpers/cli.ts";

/** The server of the describe running (each server's runs one after the other). */
let server: TestPostgres;
/** Whether the HNSW index is there (a copy into an empty database builds it once, at the end). */
const hasVectorIndex = async () =>
  (await server.db.query("SELECT 1 FROM pg_indexes WHERE indexname = $1", [HNSW_INDEX])).rows.length === 1;

const run = (env: Record<string, string>, ...argv: string[]) => runCli(argv, { env, stderrIsTTY: true });

/** A DATA_DIR with two libraries of a few articles each. */
async function embeddedData(): Promise<{ dataDir: string; titles: Record<string, string[]> }> {
  const dataDir = tempDir();
  const f = await createFootnote({ config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }) });
  const titles: Record<string, string[]> = { "chat:1": [], "chat:2": [] };
  for (const [lib, topics] of Object.entries({
    "chat:1": ["osprey", "kestrel", "merlin"],
    "chat:2": ["puffin", "gannet"],
  }))
    for (const t of topics) {
      await f.ingest(lib, { kind: "text", text: syntheticArticle(t, 6), title: t });
      titles[lib]!.push(t);
    }
  await f.close();
  return { dataDir, titles };
}

describe.each(PG_SERVERS)("footnote migrate into $name", (kind) => {
  usePgServer(kind, (s) => {
    server = s;
  });

  beforeEach(async () => {
    await server.reset();
  });

  it("copies every library, verifies it, answers from Postgres after, and copies nothing the second time", async () => {
    const { dataDir, titles } = await embeddedData();
    const first = await run({ DATA_DIR: dataDir }, "migrate", "--to", server.url);
    expect(first.stderr).toMatch(/\d+ \/ \d+ passages {2}[\d,]+\/s/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/chat:1: 3 articles, \d+ passages; copied 3, already there 0; verified/);
    expect(first.stdout).toMatch(/chat:2: 2 articles, \d+ passages; copied 2, already there 0; verified/);
    expect(first.stderr).toContain("Building the vector index");
    expect(await hasVectorIndex()).toBe(true);

    const pg = await createFootnote({
      config: loadConfig({ DATA_DIR: tempDir(), DATABASE_URL: server.url, LOG_LEVEL: "silent" }),
    });
    try {
      for (const [lib, ts] of Object.entries(titles)) {
        expect((await pg.list(lib)).map((a) => a.title)).toEqual(ts);
        const hit = await pg.retrieve(lib, `${ts[0]} committee budgets`, 1);
        expect(hit[0]!.title).toBe(ts[0]);
      }
    } finally {
      await pg.close();
    }

    const again = await run({ DATA_DIR: dataDir }, "migrate", "--to", server.url, "--json");
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as {
      verified: boolean;
      libraries: Array<{ copied: number; present: number }>;
    };
    expect(report.verified).toBe(true);
    expect(report.libraries.map((l) => [l.copied, l.present])).toEqual([
      [0, 3],
      [0, 2],
    ]);
  });

  it("copies in batches of several articles, and resumes after an interruption without loss or duplicates", async () => {
    const { dataDir } = await embeddedData();
    const embedder = localEmbedder();
    const from = new EmbeddedStorage({ dataDir, identity: () => embedder.identity });
    const to = await PostgresStorage.connect({ url: server.url, identity: () => embedder.identity });
    try {
      // A batch closes at the article that reaches this: chat:1's first two articles, then its third.
      const chunks: number[] = [];
      for await (const item of from.exportArticles("chat:1")) chunks.push(item.chunks.length);
      const batchPassages = chunks[0]! + chunks[1]!;
      // Interrupted as the first batch is reported: both its articles are there (one article a
      // transaction would have left one), and nothing of the rest.
      await expect(
        migrateLibraries(from, to, {
          batchPassages,
          onProgress: () => {
            throw new Error("interrupted");
          },
        }),
      ).rejects.toThrow("interrupted");
      expect((await to.counts("chat:1")).articles).toBe(2);
      expect(await to.counts("chat:2")).toEqual({ articles: 0, passages: 0 });
      // The copy into an empty database went in without the graph, and stopped before building it.
      expect(await hasVectorIndex()).toBe(false);
      const report = await migrateLibraries(from, to, { batchPassages });
      expect(await hasVectorIndex()).toBe(true);
      expect(report.map((r) => [r.library, r.copied, r.present, r.missing.length])).toEqual([
        ["chat:1", 1, 2, 0],
        ["chat:2", 2, 0, 0],
      ]);
      // Every passage once: nothing lost, nothing stored twice.
      for (const lib of ["chat:1", "chat:2"]) expect(await to.counts(lib)).toEqual(await from.counts(lib));
      const { rows } = await server.db.query<{ n: string; distinct: string }>(
        "SELECT count(*) AS n, count(DISTINCT (library_id, article_id, idx)) AS distinct FROM footnote_passages",
      );
      expect(Number(rows[0]!.n)).toBe(Number(rows[0]!.distinct));
    } finally {
      await from.close();
      await to.close();
    }
  });

  it("says where to copy to when neither --to nor DATABASE_URL is given", async () => {
    const r = await run({ DATA_DIR: tempDir() }, "migrate");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("footnote migrate --to");
  });
});

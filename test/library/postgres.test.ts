/**
 * What only the Postgres backend has: its schema migrations, its session settings, and the
 * library column keeping libraries apart on both vector paths (exact and HNSW). On PGlite, and on
 * the native server when FOOTNOTE_TEST_PG_ADMIN_URL is set.
 */
import { describe, expect, it } from "vitest";
import pg from "pg";
import { PostgresStorage, exactScanMax } from "../../src/library/postgres/storage.ts";
import { SCHEMA_VERSION } from "../../src/library/postgres/schema.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteStore, ftsMatch } from "../../src/library/embedded/sqlite-store.ts";
import { encodeSpans } from "../../src/library/rows.ts";
import { MULTILINGUAL_ARTICLES } from "../fixtures/languages/articles.ts";
import { SENTENCE_SPLITTER_VERSION } from "../../src/text/sentences.ts";
import { localEmbedder } from "../../src/embeddings/embedder.ts";
import { syntheticArticle } from "../helpers/footnote.ts";
import { PG_SERVERS, usePgServer, type TestPostgres } from "../helpers/postgres-server.ts";
import { chunkText } from "../../src/ingest/chunk.ts";
import type { Library } from "../../src/library/storage.ts";
import { analyseQuery, lexicalWords } from "../../src/retrieve/query.ts";
import { FLAT_LIMIT } from "../../src/library/storage.ts";

/** The server of the describe running (each server's runs one after the other). */
let server: TestPostgres;

const embedder = localEmbedder();
const connect = (exactScanMax?: number) =>
  PostgresStorage.connect({ url: server.url, identity: () => embedder.identity, exactScanMax });

async function store(library: Library, topic: string): Promise<number[]> {
  const text = syntheticArticle(topic);
  const chunks = chunkText(text);
  const r = await library.addArticle(
    { id: topic, title: topic, url: null, byline: null, publishedAt: null, text, contentHash: topic },
    chunks,
    await embedder.embedDocuments(chunks.map((c) => c.text)),
  );
  if (r.duplicate) throw new Error("unexpected duplicate");
  return r.passageIds;
}

describe.each(PG_SERVERS)("postgres storage on $name", (kind) => {
  usePgServer(kind, (s) => {
    server = s;
  });

  it("searches a library exactly up to the embedded flat index's size, by the embeddings' dimensions", async () => {
    const storage = await connect();
    try {
      // The built-in embedder's 256 dimensions: 250,000 passages, as the embedded flat index.
      expect(storage.exactScanMax).toBe(Math.floor(FLAT_LIMIT / embedder.identity.dimensions));
      expect(exactScanMax(256)).toBe(250_000);
      expect(exactScanMax(1536)).toBe(41_666);
    } finally {
      await storage.close();
    }
  });

  it("migrates once when replicas start together, under the advisory lock", async () => {
    const storages = await Promise.all([connect(), connect(), connect()]);
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ value: string }>(
        "SELECT value FROM footnote_meta WHERE key = 'schema_version'",
      );
      expect(rows).toEqual([{ value: String(SCHEMA_VERSION) }]);
      await client.end();
      // Every connection the storage lends has vector search's session settings.
      const own = await storages[0].query<{ ef: string; scan: string }>(
        "SELECT current_setting('hnsw.ef_search') AS ef, current_setting('hnsw.iterative_scan') AS scan",
      );
      expect(own.rows[0]).toEqual({ ef: "250", scan: "relaxed_order" });
    } finally {
      for (const s of storages) await s.close();
    }
  });

  it("cuts stored sentences again when the splitter has changed since they were stored", async () => {
    await server.reset();
    let storage = await connect();
    await storage.withLibrary("chat:1", true, (l) => store(l, "heron"));
    await storage.close();
    // As an older footnote left them: other spans, and its splitter's version.
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query("UPDATE footnote_passages SET sentences = NULL");
      await client.query("UPDATE footnote_meta SET value = '1' WHERE key = 'sentence_splitter'");
      storage = await connect();
      await storage.close();
      const { rows } = await client.query<{ text: string; sentences: Buffer | null }>(
        "SELECT text, sentences FROM footnote_passages",
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.sentences).toEqual(encodeSpans(r.text));
      const meta = await client.query<{ value: string }>(
        "SELECT value FROM footnote_meta WHERE key = 'sentence_splitter'",
      );
      expect(meta.rows).toEqual([{ value: String(SENTENCE_SPLITTER_VERSION) }]);
    } finally {
      await client.end();
    }
  });

  it.each([
    ["an exact scan", Number.MAX_SAFE_INTEGER],
    ["the HNSW index", 0],
  ])("never returns another library's rows, by words or by vector, through %s", async (_name, exactMax) => {
    await server.reset();
    const storage = await connect(exactMax);
    try {
      const theirs = await storage.withLibrary("chat:1", true, (l) => store(l, "albatross"));
      await storage.withLibrary("chat:2", true, (l) => store(l, "cormorant"));
      // The question is chat:1's article word for word, asked in chat:2.
      const qv = await embedder.embedQuery(syntheticArticle("albatross"));
      const got = await storage.withLibrary("chat:2", false, async (l) => {
        await l.termStats(["albatross"]);
        return l.candidates({ words: ["albatross", "committee"], vector: qv, limit: 40 });
      });
      const ids = [...got!.cosine.keys()];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(theirs).not.toContain(id);
      expect(got!.lexical.every((r) => !theirs!.includes(r.id))).toBe(true);
      // And chat:1 finds its own by the same question.
      const own = await storage.withLibrary("chat:1", false, (l) =>
        l.candidates({ words: ["albatross"], vector: qv, limit: 40 }),
      );
      expect(own!.lexical.map((r) => r.id)).toEqual(expect.arrayContaining(theirs!));
      expect(own!.nearest.slice(0, theirs!.length).sort()).toEqual([...theirs!].sort());
      expect(await storage.withLibrary("chat:2", false, (l) => l.passages(theirs!))).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it("scores BM25 as FTS5 does, with each term's df counted in the library's own postings", async () => {
    await server.reset();
    const storage = await connect();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-pg-bm25-"));
    const sqlite = new SqliteStore(path.join(dir, "library.db"), "lib");
    try {
      const topics = ["heron", "egret", "plover", "curlew"];
      for (const [i, topic] of topics.entries()) {
        // Articles of different lengths, so document length and avgdl matter.
        const text = syntheticArticle(topic, 2 + i);
        const chunks = chunkText(text, { minChars: 10 });
        const article = {
          id: topic,
          title: topic,
          url: null,
          byline: null,
          publishedAt: null,
          text,
          contentHash: topic,
        };
        const vectors = await embedder.embedDocuments(chunks.map((c) => c.text));
        sqlite.addArticle(article, chunks, vectors);
        await storage.withLibrary("lib", true, (l) => l.addArticle(article, chunks, vectors));
      }
      // Another library full of "heron": its postings must not count in lib's df.
      for (const topic of ["heron-a", "heron-b"])
        await storage.withLibrary("other", true, (l) => store(l, topic));
      const qv = await embedder.embedQuery("heron");
      for (const words of [
        ["heron"],
        ["heron", "budget", "spring"],
        ["committe", "curlew", "summer", "heron"],
      ]) {
        const fts = sqlite.lexical(ftsMatch(words)!, 40);
        const ftsText = new Map(sqlite.passages(fts.map((r) => r.id)).map((p) => [p.id, p.text]));
        const got = await storage.withLibrary("lib", false, async (l) => {
          const { lexical } = await l.candidates({ words, vector: qv, limit: 40 });
          const text = new Map((await l.passages(lexical.map((r) => r.id))).map((p) => [p.id, p.text]));
          return lexical.map((r) => ({ text: text.get(r.id), score: r.score }));
        });
        expect(got!.length).toBe(fts.length);
        expect(got!.length).toBeGreaterThan(0);
        fts.forEach((r, i) => {
          // FTS5's bm25() is negative; the title weight is a float4 in the postings.
          expect(got![i]!.score).toBeCloseTo(-r.score, 5);
          expect(got![i]!.text).toBe(ftsText.get(r.id));
        });
      }
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
      await storage.close();
    }
  });

  it("forgets an article with its passages, postings and counts", async () => {
    await server.reset();
    const storage = await connect();
    try {
      await storage.withLibrary("lib", true, async (l) => {
        await store(l, "heron");
        const ids = await store(l, "egret");
        expect(await l.passageCount()).toBeGreaterThan(ids.length);
        expect(await l.forget("egret")).toBe(true);
        expect(await l.forget("egret")).toBe(false);
        expect(await l.passages(ids)).toEqual([]);
        const stats = await l.termStats(["egret", "heron"]);
        expect(stats.df.get("egret")).toBe(0);
        expect(stats.df.get("heron")).toBe(stats.passages);
      });
      const { rows } = await storage.pool.query<{ n: number }>(
        "SELECT count(*)::int8 AS n FROM footnote_postings WHERE term = 'egret'",
      );
      expect(rows[0]!.n).toBe(0);
    } finally {
      await storage.close();
    }
  });

  it("indexes each article's language stems, as the embedded index does, and finds them with the question's", async () => {
    await server.reset();
    const storage = await connect();
    const articles = MULTILINGUAL_ARTICLES;
    try {
      await storage.withLibrary("lib", true, async (l) => {
        for (const a of articles) {
          const chunks = chunkText(a.text, { minChars: 10 });
          await l.addArticle(
            { ...a, url: null, byline: null, publishedAt: null, contentHash: a.id },
            chunks,
            await embedder.embedDocuments(chunks.map((c) => c.text)),
          );
        }
        const found = async (question: string) => {
          const words = lexicalWords(await analyseQuery(question, l));
          const { lexical } = await l.candidates({
            words,
            vector: await embedder.embedQuery(question),
            limit: 10,
          });
          const passages = await l.passages(lexical.map((r) => r.id));
          return [...new Set(passages.map((p) => p.articleId))];
        };
        expect(await found("科学家在哪里统计了白鹤？")).toEqual(["zh"]);
        expect(await found("Сколько часов шли переговоры в Минске?")).toEqual(["ru"]);
        expect(await found("When did the harbours reopen?")).toEqual(["en"]);
      });
      const exported = new Map<string, string | null | undefined>();
      for await (const item of storage.exportArticles("lib"))
        exported.set(item.article.id, item.article.language);
      expect(Object.fromEntries(exported)).toEqual({ zh: "zh", ru: "ru", en: "en" });
    } finally {
      await storage.close();
    }
  });
});

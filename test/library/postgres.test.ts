/**
 * What only the Postgres backend has: its schema migrations, its session settings, and the
 * library column keeping libraries apart on both vector paths (exact and HNSW). On PGlite, and on
 * the native server when FOOTNOTE_TEST_PG_ADMIN_URL is set.
 */
import { describe, expect, it } from "vitest";
import pg from "pg";
import { PostgresStorage, indexBuildMemoryMb } from "../../src/library/postgres/storage.ts";
import { SCHEMA_VERSION, exactScanMax, migrate } from "../../src/library/postgres/schema.ts";
import { mergePostings } from "../../src/library/postgres/library.ts";
import { throwawaySchema } from "../../src/library/postgres/throwaway.ts";
import { indexTokens } from "../../src/text/tokens.ts";
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
import type { PostgresLibrary } from "../../src/library/postgres/library.ts";
import { analyseQuery, lexicalWords } from "../../src/retrieve/query.ts";
import { FLAT_LIMIT } from "../../src/library/storage.ts";

/** The server of the describe running (each server's runs one after the other). */
let server: TestPostgres;

const embedder = localEmbedder();
const connect = (exactScanMax?: number) =>
  PostgresStorage.connect({ url: server.url, identity: () => embedder.identity, exactScanMax });

/** `work` with storage on a freshly reset database, closed after. */
async function withFreshStorage(work: (storage: PostgresStorage) => Promise<void>, exactScanMax?: number) {
  await server.reset();
  const storage = await connect(exactScanMax);
  try {
    await work(storage);
  } finally {
    await storage.close();
  }
}

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

describe("the HNSW build's memory", () => {
  it("is 512MB up to about 380k passages of 256 dimensions, the graph's size and a quarter above, at most 4GB", () => {
    expect(indexBuildMemoryMb(0, 256)).toBe(512);
    expect(indexBuildMemoryMb(300_000, 256)).toBe(512);
    expect(indexBuildMemoryMb(1_000_000, 256)).toBe(1326);
    expect(indexBuildMemoryMb(1_000_000, 1536)).toBe(4096);
  });
});

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
    await withFreshStorage(async (storage) => {
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
    }, exactMax);
  });

  it("scores BM25 as FTS5 does, with each term's df counted in the library's own postings", async () => {
    await server.reset();
    const storage = await connect();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-pg-bm25-"));
    const sqlite = new SqliteStore(path.join(dir, "library.db"), "lib");
    try {
      const topics = ["heron", "egret", "plover", "curlew", "avocet", "dunlin"];
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
      // As stored (a posting row a term an article), then with each term's rows merged into one.
      const cases = [["heron"], ["heron", "budget", "spring"], ["committe", "curlew", "summer", "heron"]];
      const rowsOf = async () =>
        Number(
          (
            await storage.query<{ n: number }>(
              "SELECT count(*)::int8 AS n FROM footnote_terms WHERE library_id = 'lib'",
            )
          ).rows[0]!.n,
        );
      const before = await rowsOf();
      expect(before).toBeGreaterThan(2);
      for (const words of [
        ...cases,
        ...(await storage.transaction(async (client) => {
          await mergePostings(client, "lib");
          await mergePostings(client, "other");
          return cases;
        })),
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
      expect(await rowsOf()).toBeLessThan(before);
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
      await storage.close();
    }
  });

  it("stores a batch of articles in one transaction as it stores them one by one, and reports the duplicates", async () => {
    await withFreshStorage(async (storage) => {
      const topics = ["heron", "egret", "plover", "curlew"];
      const items = await Promise.all(
        topics.map(async (topic, i) => {
          const text = syntheticArticle(topic, 2 + i);
          const chunks = chunkText(text, { minChars: 10 });
          return {
            article: {
              id: topic,
              title: topic,
              url: null,
              byline: null,
              publishedAt: null,
              text,
              contentHash: topic,
              createdAt: new Date().toISOString(),
            },
            chunks,
            vectors: await embedder.embedDocuments(chunks.map((c) => c.text)),
          };
        }),
      );
      for (const item of items)
        await storage.withLibrary("one", true, (l) => l.addArticle(item.article, item.chunks, item.vectors));
      // "many": heron stored alone first; then a batch with heron again (present), egret's text
      // under another id (a duplicate of the batch's own egret), and the rest.
      await storage.importArticles("many", [items[0]!]);
      const twin = { ...items[1]!, article: { ...items[1]!.article, id: "egret-twin" } };
      const outcomes = await storage.importArticles("many", [
        items[1]!,
        items[0]!,
        twin,
        items[2]!,
        items[3]!,
      ]);
      expect(outcomes.map((o) => o.outcome)).toEqual(["copied", "present", "duplicate", "copied", "copied"]);
      expect(outcomes[2]).toMatchObject({ existing: { id: "egret" } });
      expect(await storage.counts("many")).toEqual(await storage.counts("one"));
      const qv = await embedder.embedQuery("heron egret budget");
      for (const words of [
        ["heron"],
        ["heron", "budget", "spring"],
        ["committe", "curlew", "summer", "egret"],
      ]) {
        const ranked = async (library: string) =>
          storage.withLibrary(library, false, async (l) => {
            const stats = await l.termStats(words);
            const got = await l.candidates({ words, vector: qv, limit: 40 });
            const text = new Map((await l.passages([...got.cosine.keys()])).map((p) => [p.id, p.text]));
            return {
              df: [...stats.df],
              lexical: got.lexical.map((r) => [text.get(r.id), r.score.toFixed(9)]),
              nearest: got.nearest.map((id) => text.get(id)),
            };
          });
        const one = await ranked("one");
        expect(one!.lexical.length).toBeGreaterThan(0);
        expect(await ranked("many")).toEqual(one);
      }
      // Each passage's posting entries, by text: the same, whichever way they were stored.
      const entries = async (library: string) =>
        (
          await storage.query<{ e: string }>(
            `SELECT p.text || ' ' || v.term || ' ' || v.tf || ' ' || v.dl AS e
             FROM footnote_postings v JOIN footnote_passages p ON p.id = v.passage_id
             WHERE v.library_id = $1 ORDER BY 1`,
            [library],
          )
        ).rows.map((r) => r.e);
      expect(await entries("many")).toEqual(await entries("one"));
      // The end of a bulk load merges what the batches left, and changes no entry.
      const pending = async () =>
        (
          await storage.query<{ id: string; unmerged: number }>(
            "SELECT id, unmerged FROM footnote_libraries ORDER BY id",
          )
        ).rows;
      expect((await pending()).every((r) => r.unmerged > 0)).toBe(true);
      await storage.mergePending();
      expect(await pending()).toEqual([
        { id: "many", unmerged: 0 },
        { id: "one", unmerged: 0 },
      ]);
      expect(await entries("many")).toEqual(await entries("one"));
      // An article stored in a batch is forgotten as any other: its passages' postings go too
      // (counted by the ids it had, since its passage rows go with it).
      const ploverIds = (
        await storage.query<{ id: string }>(
          "SELECT id::text AS id FROM footnote_passages WHERE library_id = 'many' AND article_id = 'plover'",
        )
      ).rows.map((r) => r.id);
      expect(ploverIds.length).toBeGreaterThan(0);
      const postingsOf = async (ids: string[]) =>
        (
          await storage.query<{ n: number }>(
            "SELECT count(*)::int8 AS n FROM footnote_postings WHERE library_id = 'many' AND passage_id = ANY($1::int8[])",
            [ids],
          )
        ).rows[0]!.n;
      expect(Number(await postingsOf(ploverIds))).toBeGreaterThan(0);
      expect(await storage.withLibrary("many", false, (l) => l.forget("plover"))).toBe(true);
      expect(Number(await postingsOf(ploverIds))).toBe(0);
      expect((await storage.counts("many")).articles).toBe(3);
    });
  });

  it("merges a term's posting rows by size tier: a large row is not written again for the small ones", async () => {
    await withFreshStorage(async (storage) => {
      // "committe" is in every article: one row an article, until a merge.
      const rowsOf = async () =>
        (
          await storage.query<{ first_id: number; n: number; xmin: string }>(
            "SELECT first_id, n, xmin::text AS xmin FROM footnote_terms WHERE library_id = 'lib' AND term = 'committe' ORDER BY n DESC, first_id",
          )
        ).rows;
      const merge = () => storage.transaction((client) => mergePostings(client, "lib"));
      const add = async (from: number, to: number) => {
        for (let i = from; i < to; i++) await storage.withLibrary("lib", true, (l) => store(l, `heron${i}`));
      };
      const entries = (rows: Array<{ n: number }>) => rows.reduce((sum, r) => sum + Number(r.n), 0);
      await add(0, 16);
      const single = await rowsOf();
      expect(single).toHaveLength(16);
      // 16 rows of one size tier: one row of a higher tier.
      await merge();
      const [large, ...none] = await rowsOf();
      expect(none).toEqual([]);
      expect(Number(large!.n)).toBe(entries(single));
      // 16 more single rows, as many entries together as the large row: merged among
      // themselves, and the large row is left as it was written (the same row version).
      await add(16, 32);
      const before = await rowsOf();
      expect(before).toHaveLength(17);
      await merge();
      const after = await rowsOf();
      expect(after).toHaveLength(2);
      expect(after).toContainEqual(large);
      expect(entries(after)).toBe(entries(before));
    });
  });

  it("holds posting merges during a first bulk load and merges what it left at its end, after a failed load too", async () => {
    await withFreshStorage(async (storage) => {
      const unmerged = async () =>
        (
          await storage.query<{ unmerged: number }>(
            "SELECT unmerged FROM footnote_libraries WHERE id = 'lib'",
          )
        ).rows[0]!.unmerged;
      await expect(
        storage.bulkLoad(async () => {
          expect(storage.mergesHeld).toBe(true);
          await storage.withLibrary("lib", true, (l) => store(l, "heron"));
          throw new Error("interrupted");
        }),
      ).rejects.toThrow("interrupted");
      // The failed load let go of the hold, and left its rows for the next load's end.
      expect(storage.mergesHeld).toBe(false);
      expect(await unmerged()).toBeGreaterThan(0);
      // Into a database that holds libraries, merges are not held (their space is reused as they go).
      await storage.bulkLoad(async () => {
        expect(storage.mergesHeld).toBe(false);
        await storage.withLibrary("lib", true, (l) => store(l, "egret"));
      });
      expect(await unmerged()).toBe(0);
      // A holder's release, called twice, lets go once.
      const [first, second] = [storage.holdMerges(), storage.holdMerges()];
      first();
      first();
      expect(storage.mergesHeld).toBe(true);
      second();
      expect(storage.mergesHeld).toBe(false);
    });
  });

  it("forgets an article with its passages, postings and counts", async () => {
    await withFreshStorage(async (storage) => {
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
    });
  });

  it("indexes each article's language stems, as the embedded index does, and finds them with the question's", async () => {
    const articles = MULTILINGUAL_ARTICLES;
    await withFreshStorage(async (storage) => {
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
          // Each passage knows its article's language (retrieval puts the question's first).
          for (const p of passages) expect(p.language).toBe(p.articleId);
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
    });
  });

  it("upgrades a schema 3 database with its data: the same answers, and forget works on the old rows", async () => {
    const topics = ["heron", "egret", "plover"];
    const articles = topics.map((topic, i) => {
      const text = syntheticArticle(topic, 2 + i);
      return { topic, text, chunks: chunkText(text, { minChars: 10 }) };
    });
    const questions = [["heron"], ["egret", "budget", "spring"]];
    const answers = async (storage: PostgresStorage) => {
      const qv = await embedder.embedQuery("heron egret");
      const out = [];
      for (const words of questions)
        out.push(
          await storage.withLibrary("lib", false, async (l) => {
            await l.termStats(words);
            const c = await l.candidates({ words, vector: qv, limit: 20 });
            return { lexical: c.lexical, nearest: c.nearest, stats: await l.termStats(words) };
          }),
        );
      return out;
    };
    // Schema 3, written as the code of schema 3 wrote it: postings a row, vectors in the passages.
    await server.reset();
    const pool = new pg.Pool({ connectionString: server.url });
    try {
      await migrate(pool, embedder.identity, 3);
      await pool.query("INSERT INTO footnote_libraries (id) VALUES ('lib')");
      for (const a of articles) {
        await pool.query(
          `INSERT INTO footnote_articles (library_id, id, title, created_at, text, content_hash, chars, chunks, language)
           VALUES ('lib', $1, $1, '2024-01-01', $2, $1, $3, $4, 'en')`,
          [a.topic, a.text, a.text.length, a.chunks.length],
        );
        const vectors = await embedder.embedDocuments(a.chunks.map((c) => c.text));
        for (const [i, c] of a.chunks.entries()) {
          const title = indexTokens(a.topic, "en");
          const tokens = indexTokens(c.text, "en");
          const tf = new Map<string, number>();
          for (const t of title) tf.set(t, (tf.get(t) ?? 0) + 0.3);
          for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
          const dl = title.length + tokens.length;
          const { rows } = await pool.query<{ id: string }>(
            `INSERT INTO footnote_passages (library_id, article_id, idx, start, "end", text, sentences, dl, embedding)
             VALUES ('lib', $1, $2, $3, $4, $5, $6, $7, $8::halfvec) RETURNING id`,
            [
              a.topic,
              c.index,
              c.start,
              c.end,
              c.text,
              encodeSpans(c.text),
              dl,
              `[${Array.from(vectors[i]!).join(",")}]`,
            ],
          );
          await pool.query(
            `INSERT INTO footnote_postings (library_id, term, passage_id, tf, dl)
             SELECT 'lib', t, $1, f, $2 FROM unnest($3::text[], $4::float4[]) AS u(t, f)`,
            [rows[0]!.id, dl, [...tf.keys()], [...tf.values()]],
          );
          await pool.query("UPDATE footnote_libraries SET passages = passages + 1, tokens = tokens + $1", [
            dl,
          ]);
        }
      }
    } finally {
      await pool.end();
    }
    const upgraded = await connect();
    let before;
    try {
      before = await answers(upgraded);
      expect(before[0]!.lexical.length).toBeGreaterThan(0);
      const view = await upgraded.query<{ n: number }>("SELECT count(*)::int8 AS n FROM footnote_postings");
      expect(view.rows[0]!.n).toBeGreaterThan(0);
      // forget finds the old article's entries through the terms the migration gave it.
      await upgraded.withLibrary("lib", false, (l) => l.forget("egret"));
      const left = await upgraded.query<{ n: number }>(
        "SELECT count(*)::int8 AS n FROM footnote_postings p JOIN footnote_passages s ON s.id = p.passage_id WHERE s.article_id = 'egret'",
      );
      expect(left.rows[0]!.n).toBe(0);
      const orphans = await upgraded.query<{ n: number }>(
        "SELECT count(*)::int8 AS n FROM footnote_postings p WHERE NOT EXISTS (SELECT 1 FROM footnote_passages s WHERE s.id = p.passage_id)",
      );
      expect(orphans.rows[0]!.n).toBe(0);
    } finally {
      await upgraded.close();
    }
    // The same articles stored by this version from the start give the same answers.
    await server.reset();
    const fresh = await connect();
    try {
      for (const a of articles)
        await fresh.withLibrary("lib", true, async (l) =>
          l.addArticle(
            {
              id: a.topic,
              title: a.topic,
              url: null,
              byline: null,
              publishedAt: null,
              text: a.text,
              contentHash: a.topic,
              language: "en",
            },
            a.chunks,
            await embedder.embedDocuments(a.chunks.map((c) => c.text)),
          ),
        );
      const now = await answers(fresh);
      for (const [i, b] of before.entries()) {
        expect(now[i]!.nearest).toEqual(b!.nearest);
        expect(now[i]!.lexical.map((r) => r.id)).toEqual(b!.lexical.map((r) => r.id));
        now[i]!.lexical.forEach((r, j) => expect(r.score).toBeCloseTo(b!.lexical[j]!.score, 5));
        expect(now[i]!.stats).toEqual(b!.stats);
      }
    } finally {
      await fresh.close();
    }
  });

  it("puts a library's vectors in the HNSW graph when it grows past the exact scan's limit, and not before", async () => {
    const first = chunkText(syntheticArticle("heron")).length;
    await withFreshStorage(async (storage) => {
      const inGraph = async () =>
        (
          await storage.query<{ graph: boolean; n: number }>(
            "SELECT graph, count(*)::int8 AS n FROM footnote_vectors GROUP BY graph ORDER BY graph",
          )
        ).rows;
      const heron = await storage.withLibrary("lib", true, (l) => store(l, "heron"));
      expect(await inGraph()).toEqual([{ graph: false, n: first }]);
      await storage.withLibrary("lib", true, (l) => store(l, "egret"));
      const rows = await inGraph();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.graph).toBe(true);
      // Searched through the graph now, and the first article is in it.
      const qv = await embedder.embedQuery(syntheticArticle("heron"));
      const nearest = await storage.withLibrary("lib", false, async (l) => {
        await l.termStats([]);
        const [sql] = await (l as PostgresLibrary).candidatesStatement({ words: [], vector: qv, limit: 10 });
        expect(sql).toContain("AND graph ORDER BY embedding <=>");
        return (await l.candidates({ words: [], vector: qv, limit: 10 })).nearest;
      });
      expect(nearest).toEqual(expect.arrayContaining(heron!.slice(0, 1)));
    }, first);
  });

  // The schema rides on the startup packet's search_path, which PGlite's socket server ignores.
  if (kind.name === "native")
    it("keeps a throwaway run (footnote eval) in a schema of its own, and leaves nothing after it", async () => {
      await server.reset();
      const tablesIn = async (schema: string) =>
        (
          await server.db.query<{ n: string }>(
            "SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'footnote_%'",
            [schema],
          )
        ).rows[0]!.n;
      const scratch = await throwawaySchema(server.url);
      const storage = await PostgresStorage.connect({ url: scratch.url, identity: () => embedder.identity });
      try {
        await storage.withLibrary("eval", true, (l) => store(l, "heron"));
        expect(Number(await tablesIn(scratch.schema))).toBeGreaterThan(5);
        expect(Number(await tablesIn("public"))).toBe(0);
      } finally {
        await storage.close();
        await scratch.drop();
      }
      const left = await server.db.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [scratch.schema]);
      expect(left.rows).toEqual([]);
    });
  // PGlite has one role, a superuser: only a native server has a role that may not create it.
  if (kind.name === "native")
    it("names the SQL to run as a superuser when the role may not create pgvector", async () => {
      const db = `footnote_noext_${process.pid}`;
      await server.db.query(`DROP DATABASE IF EXISTS ${db}`);
      await server.db.query(`DROP ROLE IF EXISTS ${db}`);
      await server.db.query(`CREATE ROLE ${db} LOGIN PASSWORD 'x'`);
      await server.db.query(`CREATE DATABASE ${db} OWNER ${db}`);
      try {
        const url = new URL(server.url);
        url.username = db;
        url.password = "x";
        url.pathname = `/${db}`;
        await expect(
          PostgresStorage.connect({ url: url.toString(), identity: () => embedder.identity }),
        ).rejects.toThrow(`Run once as a superuser: psql -d ${db} -c 'CREATE EXTENSION vector;'`);
      } finally {
        await server.db.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await server.db.query(`DROP ROLE IF EXISTS ${db}`);
      }
    });
});

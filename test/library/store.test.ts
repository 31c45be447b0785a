import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { SqliteStore } from "../../src/library/embedded/sqlite-store.ts";
import { chunkText } from "../../src/ingest/chunk.ts";
import { SENTENCE_SPLITTER_VERSION, sentenceSpans } from "../../src/text/sentences.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmpFile = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-store-"));
  dirs.push(d);
  return path.join(d, "library.db");
};

const TEXT =
  'The harbour reopened on Monday. "It took years. We are glad," the mayor said.\n\nRepairs cost $4 million.';
const article = {
  id: "a1",
  title: "Harbour",
  url: null,
  byline: null,
  publishedAt: null,
  text: TEXT,
  contentHash: "h1",
};
const vector = () => new Float32Array(4).fill(0.5);

describe("store: sentence spans kept with each passage", () => {
  it("returns the spans the sentence splitter gives, in article offsets", () => {
    const store = new SqliteStore(tmpFile(), "t");
    const chunks = chunkText(TEXT, { minChars: 10 });
    const ids = store.addArticle(article, chunks, chunks.map(vector));
    const passages = store.passages(ids);
    for (const p of passages) {
      expect(p.sentences).toEqual(sentenceSpans(p.text, p.start));
      for (const s of p.sentences!) expect(TEXT.slice(s.start, s.end).length).toBeGreaterThan(0);
    }
    store.close();
  });

  it("opens a library written before spans were kept (schema 1), and gives its passages spans", () => {
    const file = tmpFile();
    const old = new Database(file);
    old.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT, byline TEXT, published_at TEXT, created_at TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL UNIQUE, chars INTEGER NOT NULL, chunks INTEGER NOT NULL);
      CREATE TABLE passages (id INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);
      CREATE TABLE deleted_passages (passage_id INTEGER NOT NULL, seq INTEGER PRIMARY KEY);
      CREATE VIRTUAL TABLE passages_fts USING fts5 (title, text, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE passages_vocab USING fts5vocab (passages_fts, 'row');
      PRAGMA user_version = 1;
    `);
    old
      .prepare(
        "INSERT INTO articles VALUES ('a0', 'Old', NULL, NULL, NULL, '2026-01-01', 'Old text here.', 'h0', 14, 1)",
      )
      .run();
    old
      .prepare(
        "INSERT INTO passages (article_id, idx, start, end, text, vector) VALUES ('a0', 0, 0, 14, 'Old text here.', ?)",
      )
      .run(Buffer.from(vector().buffer));
    old.close();

    const store = new SqliteStore(file, "t");
    const [p] = store.passages([1]);
    expect(p).toMatchObject({ text: "Old text here.", title: "Old" });
    expect(p!.sentences).toEqual([{ start: 0, end: 14 }]);
    // New passages get their spans.
    const chunks = chunkText(TEXT, { minChars: 10 });
    const ids = store.addArticle(article, chunks, chunks.map(vector));
    expect(store.passages(ids)[0]!.sentences!.length).toBeGreaterThan(0);
    // Each passage knows its article's language (retrieval puts the question's first).
    expect(store.passages(ids)[0]!.language).toBe("en");
    store.close();
    const reopened = new Database(file);
    expect(reopened.pragma("user_version", { simple: true })).toBe(4);
    reopened.close();
  });
});

describe("store: spans from an older sentence splitter", () => {
  it("cuts every passage again on open, once", () => {
    const file = tmpFile();
    const text = "Mr. Trump would stick with a policy of warmer relations with Sudan. It was new.";
    let store = new SqliteStore(file, "t");
    const chunks = chunkText(text, { minChars: 10 });
    const ids = store.addArticle({ ...article, text }, chunks, chunks.map(vector));
    // As the splitter before abbreviations left it: "Mr." a sentence of its own.
    const a = new Uint16Array([0, 3, 4, 67, 68, 79]);
    store.db.prepare("UPDATE passages SET sentences = ?").run(Buffer.from(a.buffer));
    store.setMeta("sentence_splitter", "1");
    store.close();
    store = new SqliteStore(file, "t");
    const spans = store.passages(ids)[0]!.sentences!;
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "Mr. Trump would stick with a policy of warmer relations with Sudan.",
      "It was new.",
    ]);
    expect(store.getMeta("sentence_splitter")).toBe(String(SENTENCE_SPLITTER_VERSION));
    store.close();
  });
});

describe("store: counts of a large library's common terms (term_stats)", () => {
  const termStats = { minPassages: 20, minDf: 5 };
  // One passage an article: "harbour" in all, "ferry" in every third, "alpha<i>" in one.
  const add = (store: SqliteStore, i: number) => {
    const text = `The harbour reopened on day alpha${i}.${i % 3 === 0 ? " A ferry called." : ""}`;
    const chunks = chunkText(text, { minChars: 10 });
    store.addArticle({ ...article, id: `a${i}`, text, contentHash: `h${i}` }, chunks, chunks.map(vector));
  };
  const counted = (store: SqliteStore) =>
    Object.fromEntries(
      (store.db.prepare("SELECT term, df FROM term_stats").all() as Array<{ term: string; df: number }>).map(
        (r) => [r.term, r.df],
      ),
    );
  const live = (store: SqliteStore, term: string) =>
    (
      store.db.prepare("SELECT doc FROM passages_vocab WHERE term = ?").get(term) as
        { doc: number } | undefined
    )?.doc ?? 0;

  it("keeps none in a small library, and counts them once it reaches the size", () => {
    const store = new SqliteStore(tmpFile(), "t", { termStats });
    for (let i = 0; i < 19; i++) add(store, i);
    expect(counted(store)).toEqual({});
    expect(store.documentFrequency("harbour")).toBe(19);
    add(store, 19);
    const stats = counted(store);
    expect(stats.harbour).toBe(20);
    expect(stats.ferri).toBe(7);
    // Rare terms are not kept: their live count is cheap.
    expect(stats.alpha3).toBeUndefined();
    expect(store.getMeta("term_stats_passages")).toBe("20");
    expect(store.documentFrequency("alpha3")).toBe(1);
    store.close();
  });

  it("scales a counted term by the growth since, and counts again when the library has doubled", () => {
    const store = new SqliteStore(tmpFile(), "t", { termStats });
    for (let i = 0; i < 20; i++) add(store, i);
    for (let i = 20; i < 30; i++) add(store, i);
    // Counted at 20 passages: 7 ferries, scaled to 30 passages; the live count is 10.
    expect(counted(store).ferri).toBe(7);
    expect(store.documentFrequency("ferri")).toBe(Math.round((7 * 30) / 20));
    expect(store.documentFrequency("harbour")).toBe(30);
    for (let i = 30; i < 40; i++) add(store, i);
    expect(store.getMeta("term_stats_passages")).toBe("40");
    expect(counted(store).ferri).toBe(live(store, "ferri"));
    expect(store.documentFrequency("ferri")).toBe(14);
    store.close();
  });

  it("counts again when forgetting has halved the library, and keeps none once it is small again", () => {
    const store = new SqliteStore(tmpFile(), "t", { termStats });
    for (let i = 0; i < 44; i++) add(store, i);
    expect(store.getMeta("term_stats_passages")).toBe("40");
    for (let i = 0; i < 23; i++) store.deleteArticle(`a${i}`);
    expect(store.getMeta("term_stats_passages")).toBe("40");
    store.deleteArticle("a23");
    expect(store.getMeta("term_stats_passages")).toBe("20");
    expect(counted(store).harbour).toBe(20);
    expect(store.documentFrequency("harbour")).toBe(20);
    store.deleteArticle("a24");
    expect(store.getMeta("term_stats_passages")).toBe("0");
    expect(counted(store)).toEqual({});
    expect(store.documentFrequency("harbour")).toBe(19);
    store.close();
  });

  it("another connection to the library sees counts taken by the first", () => {
    const file = tmpFile();
    const writer = new SqliteStore(file, "t", { termStats });
    const reader = new SqliteStore(file, "t", { termStats });
    for (let i = 0; i < 10; i++) add(writer, i);
    expect(reader.documentFrequency("harbour")).toBe(10);
    // Counted at 20, 40 and 80 passages. (A reader's cached counts last until the library has
    // changed by 1%, or by 50 passages in a small one.)
    for (let i = 10; i < 80; i++) add(writer, i);
    expect(reader.documentFrequency("harbour")).toBe(80);
    // As if another process had counted again (at "100" passages, with harbour in 50): a count
    // always rewrites the meta stamp, which is what tells a reader to re-read the table.
    writer.db.prepare("UPDATE term_stats SET df = 50 WHERE term = 'harbour'").run();
    writer.setMeta("term_stats_passages", "100");
    for (let i = 80; i < 140; i++) add(writer, i);
    // Counted, not live (140): the reader takes it from term_stats, scaled.
    expect(reader.documentFrequency("harbour")).toBe(Math.round((50 * 140) / 100));
    writer.close();
    reader.close();
  });

  it("counts them once when it opens a large library from before schema 3", () => {
    const file = tmpFile();
    const store = new SqliteStore(file, "t", { termStats });
    for (let i = 0; i < 25; i++) add(store, i);
    store.db.exec(
      "DROP TABLE term_stats; DELETE FROM meta WHERE key = 'term_stats_passages'; PRAGMA user_version = 2;",
    );
    store.close();
    const reopened = new SqliteStore(file, "t", { termStats });
    expect(reopened.getMeta("term_stats_passages")).toBe("25");
    expect(counted(reopened).harbour).toBe(25);
    expect(reopened.db.pragma("user_version", { simple: true })).toBe(4);
    reopened.close();
  });
});

describe("store: page cache sized by the library", () => {
  it("sets SQLite's cache to a share of the file, within bounds, and again when the terms are counted", () => {
    const pageCache = { share: 1, minKb: 100, maxKb: 100_000 };
    const store = new SqliteStore(tmpFile(), "t", { termStats: { minPassages: 20, minDf: 5 }, pageCache });
    const cacheKb = () => -(store.db.pragma("cache_size", { simple: true }) as number);
    const fileKb = () =>
      ((store.db.pragma("page_count", { simple: true }) as number) *
        (store.db.pragma("page_size", { simple: true }) as number)) /
      1024;
    expect(cacheKb()).toBe(100);
    for (let i = 0; i < 20; i++) {
      const text = `The harbour reopened on day alpha${i}. ${"Boats came back to the quay. ".repeat(40)}`;
      const chunks = chunkText(text, { minChars: 10 });
      store.addArticle({ ...article, id: `a${i}`, text, contentHash: `h${i}` }, chunks, chunks.map(vector));
    }
    // Counted at 20 passages: the cache follows the file.
    expect(fileKb()).toBeGreaterThan(100);
    expect(cacheKb()).toBe(Math.round(fileKb()));
    store.close();
  });
});

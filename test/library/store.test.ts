import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Store } from "../../src/library/store.ts";
import { chunkText } from "../../src/ingest/chunk.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmpFile = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-store-"));
  dirs.push(d);
  return path.join(d, "library.db");
};

const TEXT = 'The harbour reopened on Monday. "It took years. We are glad," the mayor said.\n\nRepairs cost $4 million.';
const article = { id: "a1", title: "Harbour", url: null, byline: null, publishedAt: null, text: TEXT, contentHash: "h1" };
const vector = () => new Float32Array(4).fill(0.5);

describe("store: sentence spans kept with each passage", () => {
  it("returns the spans the sentence splitter gives, in article offsets", () => {
    const store = new Store(tmpFile(), "t");
    const chunks = chunkText(TEXT, { minChars: 10 });
    const ids = store.addArticle(article, chunks, chunks.map(vector));
    const passages = store.passages(ids);
    for (const p of passages) {
      expect(p.sentences).toEqual(sentenceSpans(p.text, p.start));
      for (const s of p.sentences!) expect(TEXT.slice(s.start, s.end).length).toBeGreaterThan(0);
    }
    store.close();
  });

  it("opens a library written before spans were kept (schema 1), and reads its passages without them", () => {
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
    old.prepare("INSERT INTO articles VALUES ('a0', 'Old', NULL, NULL, NULL, '2026-01-01', 'Old text here.', 'h0', 14, 1)").run();
    old.prepare("INSERT INTO passages (article_id, idx, start, end, text, vector) VALUES ('a0', 0, 0, 14, 'Old text here.', ?)").run(Buffer.from(vector().buffer));
    old.close();

    const store = new Store(file, "t");
    const [p] = store.passages([1]);
    expect(p).toMatchObject({ text: "Old text here.", title: "Old" });
    expect(p!.sentences).toBeUndefined();
    // New passages get their spans.
    const chunks = chunkText(TEXT, { minChars: 10 });
    const ids = store.addArticle(article, chunks, chunks.map(vector));
    expect(store.passages(ids)[0]!.sentences!.length).toBeGreaterThan(0);
    store.close();
    const reopened = new Database(file);
    expect(reopened.pragma("user_version", { simple: true })).toBe(2);
    reopened.close();
  });
});

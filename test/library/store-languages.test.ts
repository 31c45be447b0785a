import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { SqliteStore, ftsMatch, lexicalText } from "../../src/library/embedded/sqlite-store.ts";
import { chunkText } from "../../src/ingest/chunk.ts";
import { analyseQuery, lexicalWords } from "../../src/retrieve/query.ts";
import { MULTILINGUAL_ARTICLES as ARTICLES } from "../fixtures/languages/articles.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmpFile = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-store-lang-"));
  dirs.push(d);
  return path.join(d, "library.db");
};
const vector = () => new Float32Array(4).fill(0.5);

function add(store: SqliteStore, a: (typeof ARTICLES)[number]) {
  const chunks = chunkText(a.text, { minChars: 10 });
  store.addArticle(
    { id: a.id, title: a.title, url: null, byline: null, publishedAt: null, text: a.text, contentHash: a.id },
    chunks,
    chunks.map(vector),
  );
}

/** The ids of the articles whose passages BM25 finds for a question. */
async function found(store: SqliteStore, question: string): Promise<string[]> {
  const n = Math.max(1, store.passageCount());
  const library = {
    termStats: async (stems: string[]) => ({
      passages: n,
      df: new Map(stems.map((s) => [s, store.documentFrequency(s, n)])),
    }),
  };
  const expr = ftsMatch(lexicalWords(await analyseQuery(question, library)));
  if (!expr) return [];
  const ids = store.lexical(expr, 10).map((r) => r.id);
  return [...new Set(store.passages(ids).map((p) => p.articleId))];
}

describe("store: the full-text index holds normalised tokens in every language", () => {
  it("finds Chinese (no spaces) and inflected Russian with BM25", async () => {
    const store = new SqliteStore(tmpFile(), "t");
    for (const a of ARTICLES) add(store, a);
    expect(await found(store, "科学家在哪里统计了白鹤？")).toEqual(["zh"]);
    // "встрече" meets "встретились"'s article through "Минске"/"Минск" and the stem of "переговоры".
    expect(await found(store, "Сколько часов шли переговоры в Минске?")).toEqual(["ru"]);
    expect(await found(store, "When did the harbours reopen?")).toEqual(["en"]);
    expect(store.getArticle("zh")).toBeDefined();
    store.close();
  });

  it("re-tokenises a schema 3 library in place, keeping its articles, and stores their languages", async () => {
    const file = tmpFile();
    const store = new SqliteStore(file, "t");
    for (const a of ARTICLES) add(store, a);
    store.close();
    // Make it what footnote wrote before: FTS5's porter tokenizer on the raw text, no language.
    const old = new Database(file);
    old.exec(`
      DROP TABLE passages_vocab; DROP TABLE passages_fts;
      CREATE VIRTUAL TABLE passages_fts USING fts5 (title, text, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE passages_vocab USING fts5vocab (passages_fts, 'row');
      UPDATE articles SET language = NULL;
      PRAGMA user_version = 3;
    `);
    const rows = old
      .prepare<[], { id: number; title: string; text: string }>(
        "SELECT p.id, a.title, p.text FROM passages p JOIN articles a ON a.id = p.article_id",
      )
      .all();
    for (const r of rows)
      old
        .prepare("INSERT INTO passages_fts (rowid, title, text) VALUES (?, ?, ?)")
        .run(r.id, r.title, r.text);
    // The porter index cannot find Chinese words inside a sentence: the failure being fixed.
    expect(
      old.prepare("SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH '\"白鹤\"'").get(),
    ).toEqual({
      n: 0,
    });
    old.close();

    const reopened = new SqliteStore(file, "t");
    expect(
      reopened
        .listArticles()
        .map((a) => a.id)
        .sort(),
    ).toEqual(["en", "ru", "zh"]);
    expect(await found(reopened, "科学家在哪里统计了白鹤？")).toEqual(["zh"]);
    expect(await found(reopened, "Сколько часов шли переговоры в Минске?")).toEqual(["ru"]);
    reopened.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(4);
    expect(
      db.prepare<[], { id: string; language: string }>("SELECT id, language FROM articles ORDER BY id").all(),
    ).toEqual([
      { id: "en", language: "en" },
      { id: "ru", language: "ru" },
      { id: "zh", language: "zh" },
    ]);
    expect(
      (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").get() as { sql: string }).sql,
    ).toContain("'ascii'");
    db.close();
  });

  it("indexes English as the same Porter stems a question is reduced to", () => {
    expect(lexicalText("The meetings were running in Zürich", "en")).toBe("the meet were run in zurich");
    expect(lexicalText("Переговоры продолжались", "ru")).toBe("переговор продолжа");
  });
});

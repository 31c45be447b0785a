/**
 * The durable half of a library: one SQLite database (better-sqlite3, WAL) holding articles,
 * passages, their vectors and an FTS5 full-text index. SQLite is the source of truth: every
 * ingest or forget is one transaction, so a kill at any moment leaves either all of an article
 * or none of it, and the vector index can always be rebuilt or caught up from here.
 */
import Database from "better-sqlite3";
import type { ArticleSummary, Chunk, Passage } from "../../types.ts";
import { FootnoteError } from "../../errors.ts";
import { SENTENCE_SPLITTER_VERSION } from "../../text/sentences.ts";
import type { Span } from "../../text/span.ts";
import { indexTokens } from "../../text/tokens.ts";
import { identifyLanguage } from "../../text/identify.ts";
import type { ArticleRecord } from "../storage.ts";
import type { EmbeddingIdentity } from "../../embeddings/identity.ts";
import { articleSummary, encodeSpans, passagesInOrder, type ArticleRow, type PassageRow } from "../rows.ts";

/**
 * 2: passages keep their sentence spans (so that a query does not segment them again).
 * 3: term_stats, the document frequencies of a large library's common terms.
 * 4: articles know their language; the FTS5 index holds each passage's normalised tokens
 *    (lexicalText), split on spaces only, instead of stemming English itself.
 */
const SCHEMA_VERSION = 4;

/** The FTS5 table as schema 4 makes it: our tokens in, split on spaces (ASCII punctuation never occurs in them). */
const FTS_TABLE =
  "CREATE VIRTUAL TABLE passages_fts USING fts5 (title, text, content = '', contentless_delete = 1, tokenize = 'ascii')";

/**
 * What the full-text index holds for a passage (or title) of an article in `lang`: the same
 * normalised tokens a question is reduced to (text/tokens.ts), so BM25 works in every language.
 */
export function lexicalText(text: string, lang: string): string {
  return indexTokens(text, lang).join(" ");
}
/**
 * FTS5 counts a term's passages by walking its posting list (about 20 ns a passage here), so
 * a question's common words are the dear lookups: in a library of 10,000 passages or more, terms in
 * at least 64 passages are counted once into term_stats, and counted again
 * whenever the library has doubled or halved since. A term's count in between is scaled by the
 * library's growth (an IDF barely moves); rarer terms are still looked up live, cheaply.
 */
export const DEFAULT_TERM_STATS = { minPassages: 10_000, minDf: 64 };

/**
 * SQLite's page cache, per library: about 1% of the database file, between SQLite's default
 * 2 MB and 32 MB. BM25 reads each matching passage's length from FTS5's docsize table, so
 * a large library's queries re-read the same few tens of MB; at 1M passages 2 MB -> 32 MB
 * took query p50/p95 from about 13/22 ms to 9/14 ms (docs/performance.md). Sized again when
 * the term counts are (each doubling), and allocated by SQLite only as pages are read.
 */
export const DEFAULT_PAGE_CACHE = { share: 0.01, minKb: 2_000, maxKb: 32_768 };

export interface StoreOptions {
  /** When term_stats is kept, and which terms it holds (tests use small numbers). */
  termStats?: { minPassages: number; minDf: number };
  pageCache?: { share: number; minKb: number; maxKb: number };
}

/** One library's SQLite database: articles, passages, vectors and the FTS5 index. */
export class SqliteStore {
  readonly db: Database.Database;
  private readonly stmts;

  private readonly termStatsAt: { minPassages: number; minDf: number };
  private readonly pageCache: { share: number; minKb: number; maxKb: number };

  constructor(
    file: string,
    readonly libraryId: string,
    options: StoreOptions = {},
  ) {
    this.termStatsAt = options.termStats ?? DEFAULT_TERM_STATS;
    this.pageCache = options.pageCache ?? DEFAULT_PAGE_CACHE;
    try {
      this.db = new Database(file);
    } catch (error) {
      throw new FootnoteError(
        "STORE_ERROR",
        `Could not open the library database at ${file}: ${(error as Error).message}. Check that DATA_DIR is writable.`,
        { cause: error },
      );
    }
    this.db.pragma("journal_mode = WAL");
    // NORMAL with WAL: a committed transaction survives a process kill; only an OS crash or
    // power loss can take the last few back, and never corrupts the file.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    const from = this.migrate();
    this.sizeCache();
    this.stmts = {
      articleByHash: this.db.prepare<
        [string],
        { id: string; title: string; chunks: number; url: string | null }
      >("SELECT id, title, chunks, url FROM articles WHERE content_hash = ?"),
      articleByUrl: this.db.prepare<
        [string],
        { id: string; title: string; chunks: number; url: string | null }
      >("SELECT id, title, chunks, url FROM articles WHERE url = ?"),
      insertArticle: this.db.prepare(
        "INSERT INTO articles (id, title, url, byline, published_at, created_at, text, content_hash, chars, chunks, language) VALUES (@id, @title, @url, @byline, @publishedAt, @createdAt, @text, @contentHash, @chars, @chunks, @language)",
      ),
      insertPassage: this.db.prepare(
        "INSERT INTO passages (article_id, idx, start, end, text, vector, sentences) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      insertFts: this.db.prepare("INSERT INTO passages_fts (rowid, title, text) VALUES (?, ?, ?)"),
      list: this.db.prepare<[], ArticleRow>(
        "SELECT id, title, url, byline, published_at, created_at, chunks, chars FROM articles ORDER BY created_at, rowid",
      ),
      addedSince: this.db.prepare<[string, number], ArticleRow>(
        "SELECT id, title, url, byline, published_at, created_at, chunks, chars FROM articles WHERE created_at > ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
      ),
      article: this.db.prepare<[string], ArticleRow>(
        "SELECT id, title, url, byline, published_at, created_at, chunks, chars FROM articles WHERE id = ?",
      ),
      passageIdsOf: this.db.prepare<[string], { id: number }>("SELECT id FROM passages WHERE article_id = ?"),
      deleteFts: this.db.prepare("DELETE FROM passages_fts WHERE rowid = ?"),
      markDeleted: this.db.prepare("INSERT INTO deleted_passages (passage_id, seq) VALUES (?, ?)"),
      deleteArticle: this.db.prepare("DELETE FROM articles WHERE id = ?"),
      getMeta: this.db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      setMeta: this.db.prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ),
      passageCount: this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM passages"),
      maxPassageId: this.db.prepare<[], { id: number | null }>("SELECT max(id) AS id FROM passages"),
      vectorsAfter: this.db.prepare<[number, number], { id: number; vector: Buffer }>(
        "SELECT id, vector FROM passages WHERE id > ? ORDER BY id LIMIT ?",
      ),
      deletedAfter: this.db.prepare<[number], { passage_id: number; seq: number }>(
        "SELECT passage_id, seq FROM deleted_passages WHERE seq > ? ORDER BY seq",
      ),
      lexical: this.db.prepare<[string, number], { id: number; score: number }>(
        "SELECT rowid AS id, bm25(passages_fts, 0.3, 1.0) AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY score LIMIT ?",
      ),
      // One statement for any number of ids (a JSON array), prepared once.
      vectorsOf: this.db.prepare<[string], { id: number; vector: Buffer }>(
        "SELECT id, vector FROM passages WHERE id IN (SELECT value FROM json_each(?))",
      ),
      passagesOf: this.db.prepare<[string], PassageRow>(
        "SELECT p.id, p.article_id, p.idx, p.start, p.end, p.text, p.sentences, a.title, a.url, a.language FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id IN (SELECT value FROM json_each(?))",
      ),
      docFreq: this.db.prepare<[string], { doc: number }>("SELECT doc FROM passages_vocab WHERE term = ?"),
      clearTermStats: this.db.prepare("DELETE FROM term_stats"),
      // One walk of the whole FTS index, inside SQLite: about 0.5 s at 100,000 passages.
      fillTermStats: this.db.prepare<[number]>(
        "INSERT INTO term_stats (term, df) SELECT term, doc FROM passages_vocab WHERE doc >= ?",
      ),
      termStats: this.db.prepare<[], { term: string; df: number }>("SELECT term, df FROM term_stats"),
    };
    // A large library from before schema 4 counts its common terms (its new tokens) once, now.
    if (from < 4) this.refreshTermStatsIfDue();
    this.resplitSentencesIfDue();
  }

  /**
   * Stored sentence spans from an older splitter are cut again, once, in one transaction (a
   * kill leaves the old spans and the next open tries again). It splits every passage's text
   * once more, as ingest did: at 100,000 passages (about 60 MB) expect tens of seconds on a
   * busy machine, once.
   */
  private resplitSentencesIfDue(): void {
    const key = "sentence_splitter";
    if (this.getMeta(key) === String(SENTENCE_SPLITTER_VERSION)) return;
    const batch = this.db.prepare<[number], { id: number; text: string }>(
      "SELECT id, text FROM passages WHERE id > ? ORDER BY id LIMIT 2000",
    );
    const update = this.db.prepare<[Buffer | null, number]>("UPDATE passages SET sentences = ? WHERE id = ?");
    this.db.transaction(() => {
      for (let rows = batch.all(0); rows.length > 0; rows = batch.all(rows[rows.length - 1]!.id))
        for (const r of rows) update.run(encodeSpans(r.text), r.id);
      this.setMeta(key, String(SENTENCE_SPLITTER_VERSION));
    })();
  }

  /** Brings the schema up to date; returns the version the file had. */
  private migrate(): number {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new FootnoteError(
        "STORE_ERROR",
        `The library "${this.libraryId}" was written by a newer footnote (schema ${version}); update footnote to open it.`,
      );
    }
    if (version === SCHEMA_VERSION) return version;
    const oldFts = this.db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'")
      .get()?.sql;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        url TEXT,
        byline TEXT,
        published_at TEXT,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        chars INTEGER NOT NULL,
        chunks INTEGER NOT NULL,
        language TEXT
      );
      CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
      CREATE TABLE IF NOT EXISTS passages (
        -- AUTOINCREMENT: an id is never reused, so a vector label never points at a new passage.
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        vector BLOB NOT NULL,
        sentences BLOB
      );
      CREATE INDEX IF NOT EXISTS passages_article ON passages (article_id);
      -- Deletions since the last index snapshot, so the in-memory index can replay them.
      CREATE TABLE IF NOT EXISTS deleted_passages (passage_id INTEGER NOT NULL, seq INTEGER PRIMARY KEY);
      ${oldFts ? "" : `${FTS_TABLE};`}
      CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab (passages_fts, 'row');
      CREATE TABLE IF NOT EXISTS term_stats (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    `);
    // From schema 1: passages had no sentence spans; theirs are computed when read.
    const columns = this.db.pragma("table_info(passages)") as Array<{ name: string }>;
    if (!columns.some((c) => c.name === "sentences"))
      this.db.exec("ALTER TABLE passages ADD COLUMN sentences BLOB");
    if (oldFts && !oldFts.includes("'ascii'")) this.retokenise();
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return version;
  }

  /**
   * From schema 3 or older: each article's language is identified, and the FTS5 index, made
   * by FTS5's English porter tokenizer, is built again from the passages' normalised tokens.
   * One transaction: a kill leaves the old library, which migrates again on the next open.
   */
  private retokenise(): void {
    this.db.transaction(() => {
      const columns = this.db.pragma("table_info(articles)") as Array<{ name: string }>;
      if (!columns.some((c) => c.name === "language"))
        this.db.exec("ALTER TABLE articles ADD COLUMN language TEXT");
      const setLanguage = this.db.prepare("UPDATE articles SET language = ? WHERE id = ?");
      const textOf = this.db.prepare<[string], { text: string }>("SELECT text FROM articles WHERE id = ?");
      // Rows are read a page at a time: better-sqlite3 cannot write while a statement iterates.
      const languages = new Map<string, { lang: string; title: string }>();
      for (const a of this.db
        .prepare<[], { id: string; title: string; language: string | null }>(
          "SELECT id, title, language FROM articles",
        )
        .all()) {
        const lang = a.language ?? identifyLanguage(textOf.get(a.id)!.text);
        if (!a.language) setLanguage.run(lang, a.id);
        languages.set(a.id, { lang, title: lexicalText(a.title, lang) });
      }
      this.db.exec(`DROP TABLE IF EXISTS passages_vocab; DROP TABLE passages_fts; ${FTS_TABLE};
        CREATE VIRTUAL TABLE passages_vocab USING fts5vocab (passages_fts, 'row');
        DELETE FROM term_stats; DELETE FROM meta WHERE key = 'term_stats_passages';`);
      const insert = this.db.prepare("INSERT INTO passages_fts (rowid, title, text) VALUES (?, ?, ?)");
      const page = this.db.prepare<[number], { id: number; article_id: string; text: string }>(
        "SELECT id, article_id, text FROM passages WHERE id > ? ORDER BY id LIMIT 2048",
      );
      for (let last = 0, rows = page.all(last); rows.length > 0; rows = page.all(last)) {
        for (const p of rows) {
          const a = languages.get(p.article_id)!;
          insert.run(p.id, a.title, lexicalText(p.text, a.lang));
        }
        last = rows[rows.length - 1]!.id;
      }
    })();
  }

  getMeta(key: string): string | undefined {
    return this.stmts.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  identity(): EmbeddingIdentity | undefined {
    const raw = this.getMeta("embeddings");
    return raw ? (JSON.parse(raw) as EmbeddingIdentity) : undefined;
  }

  setIdentity(identity: EmbeddingIdentity): void {
    this.setMeta("embeddings", JSON.stringify(identity));
  }

  findDuplicate(
    contentHash: string,
    url: string | null,
  ): { id: string; title: string; chunks: number; url: string | null } | undefined {
    return this.stmts.articleByHash.get(contentHash) ?? (url ? this.stmts.articleByUrl.get(url) : undefined);
  }

  /** Stores an article, its passages, vectors and full-text rows in one transaction. */
  addArticle(
    article: ArticleRecord & { createdAt?: string },
    chunks: Chunk[],
    vectors: Float32Array[],
  ): number[] {
    const ids: number[] = [];
    const language = article.language ?? identifyLanguage(article.text);
    const title = lexicalText(article.title, language);
    this.db.transaction(() => {
      this.stmts.insertArticle.run({
        ...article,
        language,
        createdAt: article.createdAt ?? new Date().toISOString(),
        chars: article.text.length,
        chunks: chunks.length,
      });
      chunks.forEach((chunk, i) => {
        const v = vectors[i]!;
        const info = this.stmts.insertPassage.run(
          article.id,
          chunk.index,
          chunk.start,
          chunk.end,
          chunk.text,
          Buffer.from(v.buffer, v.byteOffset, v.byteLength),
          encodeSpans(chunk.text),
        );
        const id = Number(info.lastInsertRowid);
        this.stmts.insertFts.run(id, title, lexicalText(chunk.text, language));
        ids.push(id);
      });
    })();
    this.refreshTermStatsIfDue();
    return ids;
  }

  /** Deletes an article and everything of it; returns the passage ids it had. */
  deleteArticle(articleId: string): number[] | undefined {
    let ids: number[] | undefined;
    this.db.transaction(() => {
      if (!this.stmts.article.get(articleId)) return;
      ids = this.stmts.passageIdsOf.all(articleId).map((r) => r.id);
      // The sequence lives in meta, not max(seq), so pruning old rows never makes it go back.
      let seq = this.lastDeleteSeq();
      for (const id of ids) {
        this.stmts.deleteFts.run(id);
        this.stmts.markDeleted.run(id, ++seq);
      }
      this.setMeta("delete_seq", String(seq));
      this.stmts.deleteArticle.run(articleId);
    })();
    if (ids) this.refreshTermStatsIfDue();
    return ids;
  }

  lastDeleteSeq(): number {
    return Number(this.getMeta("delete_seq") ?? 0);
  }

  listArticles(): ArticleSummary[] {
    return this.stmts.list.all().map((r) => this.summary(r));
  }

  /** Articles stored after `since` (ISO), newest first, at most `limit`. */
  addedSince(since: string, limit: number): ArticleSummary[] {
    return this.stmts.addedSince.all(since, limit).map((r) => this.summary(r));
  }

  getArticle(id: string): ArticleSummary | undefined {
    const row = this.stmts.article.get(id);
    return row ? this.summary(row) : undefined;
  }

  articleText(id: string): string | undefined {
    return (this.db.prepare("SELECT text FROM articles WHERE id = ?").get(id) as { text: string } | undefined)
      ?.text;
  }

  private summary(r: ArticleRow): ArticleSummary {
    return articleSummary(r, this.libraryId);
  }

  private countCache?: { maxId: number; deleteSeq: number; n: number };

  /** count(*) walks a whole index; passages only come and go with a new id or a delete seq. */
  passageCount(): number {
    const maxId = this.maxPassageId();
    const deleteSeq = this.lastDeleteSeq();
    const c = this.countCache;
    if (c && c.maxId === maxId && c.deleteSeq === deleteSeq) return c.n;
    const n = this.stmts.passageCount.get()!.n;
    this.countCache = { maxId, deleteSeq, n };
    return n;
  }

  maxPassageId(): number {
    return this.stmts.maxPassageId.get()!.id ?? 0;
  }

  /** Vectors of passages with id > afterId, in id order, a page at a time. */
  *vectorsAfter(afterId: number, page = 4096): Generator<{ id: number; vector: Float32Array }> {
    let last = afterId;
    for (;;) {
      const rows = this.stmts.vectorsAfter.all(last, page);
      for (const row of rows) yield { id: row.id, vector: blobToVector(row.vector) };
      if (rows.length < page) return;
      last = rows[rows.length - 1]!.id;
    }
  }

  deletedAfter(seq: number): Array<{ passageId: number; seq: number }> {
    return this.stmts.deletedAfter.all(seq).map((r) => ({ passageId: r.passage_id, seq: r.seq }));
  }

  /** Deletions at or before `seq` are in the index snapshot now; their rows can go. */
  pruneDeleted(seq: number): void {
    this.db.prepare("DELETE FROM deleted_passages WHERE seq <= ?").run(seq);
  }

  /**
   * Passages by id, in the order asked; ids no longer there are left out. `sentences` are the
   * passage's sentence spans in article offsets, when stored (schema 2 on).
   */
  passages(ids: number[]): Array<Passage & { sentences?: Span[] }> {
    if (ids.length === 0) return [];
    const byId = new Map(this.stmts.passagesOf.all(JSON.stringify(ids)).map((r) => [r.id, r]));
    return passagesInOrder(ids, byId);
  }

  /** The stored vectors of some passages. */
  vectors(ids: number[]): Map<number, Float32Array> {
    const out = new Map<number, Float32Array>();
    if (ids.length === 0) return out;
    for (const r of this.stmts.vectorsOf.all(JSON.stringify(ids))) out.set(r.id, blobToVector(r.vector));
    return out;
  }

  /** Articles with their text, oldest first (for `footnote migrate`). */
  *articleRecords(): Generator<ArticleRecord & { createdAt: string }> {
    const rows = this.db
      .prepare<[], ArticleRow & { text: string; content_hash: string; language: string | null }>(
        "SELECT id, title, url, byline, published_at, created_at, text, content_hash, language FROM articles ORDER BY created_at, rowid",
      )
      .all();
    for (const r of rows)
      yield {
        id: r.id,
        title: r.title,
        url: r.url,
        byline: r.byline,
        publishedAt: r.published_at,
        text: r.text,
        contentHash: r.content_hash,
        language: r.language,
        createdAt: r.created_at,
      };
  }

  /** An article's passages (as chunks) and their vectors, in passage order. */
  articlePassages(articleId: string): { chunks: Chunk[]; vectors: Float32Array[] } {
    const rows = this.db
      .prepare<[string], { idx: number; start: number; end: number; text: string; vector: Buffer }>(
        "SELECT idx, start, end, text, vector FROM passages WHERE article_id = ? ORDER BY idx",
      )
      .all(articleId);
    return {
      chunks: rows.map((r) => ({ index: r.idx, start: r.start, end: r.end, text: r.text })),
      vectors: rows.map((r) => blobToVector(r.vector)),
    };
  }

  /** BM25 over the FTS5 index; an FTS5 query string built by the caller. Lower score is better. */
  lexical(match: string, limit: number): Array<{ id: number; score: number }> {
    return this.stmts.lexical.all(match, limit);
  }

  private dfCache = new Map<string, number>();
  private dfCacheCount = -1;
  /** term_stats as loaded, the passage count it was taken at, and that count as stored in meta. */
  private common?: { terms: Map<string, number>; passages: number; stamp: string | undefined };

  /**
   * How many of the library's `passages` passages contain a (FTS-stemmed) term: from
   * term_stats for a common term, scaled by the growth since it was counted, else from FTS5.
   * Live counts are cached, and forgotten once the library has grown or shrunk by 1%.
   */
  documentFrequency(term: string, passages = this.passageCount()): number {
    if (
      Math.abs(passages - this.dfCacheCount) > Math.max(50, this.dfCacheCount * 0.01) ||
      this.dfCache.size > 50_000
    ) {
      this.dfCache.clear();
      this.dfCacheCount = passages;
      // Another process may have counted again since: re-read the counts only if so.
      if (this.common && this.common.stamp !== this.getMeta("term_stats_passages")) this.common = undefined;
    }
    this.common ??= this.loadTermStats();
    const counted = this.common.terms.get(term);
    if (counted !== undefined)
      return Math.min(passages, Math.round((counted * passages) / this.common.passages));
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = this.stmts.docFreq.get(term)?.doc ?? 0;
      this.dfCache.set(term, df);
    }
    return df;
  }

  private loadTermStats(): NonNullable<SqliteStore["common"]> {
    const stamp = this.getMeta("term_stats_passages");
    const passages = Number(stamp ?? 0);
    if (passages <= 0) return { terms: new Map(), passages: 1, stamp };
    return { terms: new Map(this.stmts.termStats.all().map((r) => [r.term, r.df])), passages, stamp };
  }

  /** Counts the common terms again once the library has doubled or halved since they were counted. */
  private refreshTermStatsIfDue(): void {
    const n = this.passageCount();
    const counted = Number(this.getMeta("term_stats_passages") ?? 0);
    const due =
      n >= this.termStatsAt.minPassages ? counted === 0 || n >= counted * 2 || n <= counted / 2 : counted > 0;
    if (due) this.refreshTermStats(n);
  }

  /** Sets the page cache by the file's size (see DEFAULT_PAGE_CACHE). */
  private sizeCache(): void {
    let bytes: number;
    try {
      bytes =
        (this.db.pragma("page_count", { simple: true }) as number) *
        (this.db.pragma("page_size", { simple: true }) as number);
    } catch {
      return;
    }
    const { share, minKb, maxKb } = this.pageCache;
    const kb = Math.round(Math.min(maxKb, Math.max(minKb, (bytes * share) / 1024)));
    // Negative: a size in KiB, not a count of pages.
    this.db.pragma(`cache_size = -${kb}`);
  }

  /** One transaction: a kill leaves the old counts or the new ones. */
  private refreshTermStats(n: number): void {
    this.db.transaction(() => {
      this.stmts.clearTermStats.run();
      // A small library keeps none: its live counts are cheap.
      const keep = n >= this.termStatsAt.minPassages;
      if (keep) this.stmts.fillTermStats.run(this.termStatsAt.minDf);
      this.setMeta("term_stats_passages", String(keep ? n : 0));
    })();
    this.common = undefined;
    this.sizeCache();
  }

  /** All passage vectors re-written (reindex): one transaction, so a kill leaves the old ones. */
  replaceVectors(update: Iterable<{ id: number; vector: Float32Array }>): void {
    const stmt = this.db.prepare("UPDATE passages SET vector = ? WHERE id = ?");
    this.db.transaction(() => {
      for (const { id, vector } of update)
        stmt.run(Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength), id);
    })();
  }

  allPassageTexts(): Array<{ id: number; text: string }> {
    return this.db
      .prepare<[], { id: number; text: string }>("SELECT id, text FROM passages ORDER BY id")
      .all();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** An FTS5 MATCH expression: any of the words, each quoted so no word is read as syntax. */
export function ftsMatch(words: string[]): string | null {
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"`).join(" OR ") : null;
}

export function blobToVector(blob: Buffer): Float32Array {
  // Copy: the Buffer may be a view into a shared pool with an unaligned offset.
  const out = new Float32Array(blob.byteLength / 4);
  new Uint8Array(out.buffer).set(blob);
  return out;
}

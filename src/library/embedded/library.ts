/**
 * One library of the embedded backend: its SQLite store (the source of truth) and the vector
 * index that caches the store's vectors in memory. Its work is synchronous (better-sqlite3);
 * the async interface only wraps it.
 */
import type { ArticleSummary, Chunk } from "../../types.ts";
import { ftsMatch, type SqliteStore } from "./sqlite-store.ts";
import type { VectorIndex } from "./vector-index.ts";
import type {
  AddResult,
  ArticleRecord,
  CandidateQuery,
  Candidates,
  Library,
  StoredArticleRef,
  StoredPassage,
} from "../storage.ts";

/** A library as the embedded backend holds it open; tests and the benchmark reach its store and index. */
export class EmbeddedLibrary implements Library {
  readonly storage = "embedded";
  readonly id: string;
  readonly store: SqliteStore;
  readonly index: VectorIndex;

  constructor(id: string, store: SqliteStore, index: VectorIndex) {
    this.id = id;
    this.store = store;
    this.index = index;
  }

  async passageCount(): Promise<number> {
    return this.store.passageCount();
  }

  async findDuplicate(contentHash: string, url: string | null): Promise<StoredArticleRef | undefined> {
    return this.store.findDuplicate(contentHash, url);
  }

  async hasArticle(articleId: string): Promise<boolean> {
    return this.store.getArticle(articleId) !== undefined;
  }

  async addArticle(article: ArticleRecord, chunks: Chunk[], vectors: Float32Array[]): Promise<AddResult> {
    let passageIds: number[];
    try {
      passageIds = this.store.addArticle(article, chunks, vectors);
    } catch (error) {
      // Two ingests of the same article at once (two processes): the second loses the race on
      // the unique hash.
      const existing = this.store.findDuplicate(article.contentHash, article.url);
      if (existing) return { duplicate: true, existing };
      throw error;
    }
    passageIds.forEach((pid, i) => this.index.add(pid, vectors[i]!));
    this.index.maybeSnapshot(this.store);
    return { duplicate: false, passageIds };
  }

  async forget(articleId: string): Promise<boolean> {
    const ids = this.store.deleteArticle(articleId);
    if (!ids) return false;
    for (const id of ids) this.index.remove(id);
    this.index.noteDeleteSeq(this.store.lastDeleteSeq());
    this.index.maybeSnapshot(this.store);
    return true;
  }

  async listArticles(): Promise<ArticleSummary[]> {
    return this.store.listArticles();
  }

  async addedSince(since: string, limit: number): Promise<ArticleSummary[]> {
    return this.store.addedSince(since, limit);
  }

  async article(articleId: string): Promise<ArticleSummary | undefined> {
    return this.store.getArticle(articleId);
  }

  async articleText(articleId: string): Promise<string | undefined> {
    return this.store.articleText(articleId);
  }

  async termStats(stems: string[]): Promise<{ passages: number; df: Map<string, number> }> {
    const passages = this.store.passageCount();
    const n = Math.max(1, passages);
    return { passages, df: new Map(stems.map((s) => [s, this.store.documentFrequency(s, n)])) };
  }

  async candidates(query: CandidateQuery): Promise<Candidates> {
    const { store, index } = this;
    // Another process may have written since this one last looked.
    if (index.isBehind(store)) index.catchUp(store);
    const match = ftsMatch(query.words);
    // FTS5's bm25() is negative, lower is better.
    const lexical = (match ? store.lexical(match, query.limit) : []).map((r) => ({
      id: r.id,
      score: -r.score,
    }));
    const vector = index.search(query.vector, query.limit);
    // The vector side's cosine from its distance; the lexical side's from the index too (as the
    // index holds it, so both sides agree) or, for one the index does not hold yet (another
    // process's ingest), from the vector in the store (unit length).
    const cosine = new Map(vector.map((r) => [r.id, 1 - r.distance]));
    const lexicalOnly = lexical.map((r) => r.id).filter((id) => !cosine.has(id));
    for (const [id, c] of index.similarities(query.vector, lexicalOnly)) cosine.set(id, c);
    const missing = lexicalOnly.filter((id) => !cosine.has(id));
    if (missing.length) for (const [id, pv] of store.vectors(missing)) cosine.set(id, dot(query.vector, pv));
    return { lexical, nearest: vector.map((r) => r.id), cosine };
  }

  async passages(ids: number[]): Promise<StoredPassage[]> {
    return this.store.passages(ids);
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

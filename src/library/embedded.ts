/**
 * The embedded backend: each library is a folder with a SQLite store (the source of truth:
 * articles, passages, vectors, FTS5) and an in-memory vector index that caches the store's
 * vectors (libraries.ts, store.ts, vector-index.ts). Nothing to install, and the fastest for
 * one process. Its work is synchronous (better-sqlite3); the async interface only wraps it.
 */
import type { ArticleSummary, Chunk } from "../types.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import { FootnoteError } from "../errors.ts";
import { Libraries, type Library } from "./libraries.ts";
import { ftsMatch, type Store } from "./store.ts";
import type { VectorIndex, VectorIndexParams } from "./vector-index.ts";
import { reindexAll } from "./reindex.ts";
import { MemoryReplicaState, type ReplicaState } from "../replicas/state.ts";
import type {
  AddResult,
  ArticleExport,
  ArticleRecord,
  CandidateQuery,
  Candidates,
  EmbeddingIdentity,
  ImportOutcome,
  LibraryStore,
  Storage,
  StoredArticleRef,
  StoredPassage,
} from "./storage.ts";

export class EmbeddedLibrary implements LibraryStore {
  readonly storage = "embedded";
  readonly id: string;
  readonly store: Store;
  readonly index: VectorIndex;

  constructor(library: Library) {
    this.id = library.id;
    this.store = library.store;
    this.index = library.index;
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

export interface EmbeddedStorageOptions {
  dataDir: string;
  identity: () => EmbeddingIdentity;
  vectorIndex?: Partial<VectorIndexParams>;
  /** Libraries kept open at once (each holds a database handle and its index in memory). */
  maxOpen?: number;
}

export class EmbeddedStorage implements Storage {
  readonly kind = "embedded";
  readonly libraries: Libraries;
  private readonly handles = new WeakMap<Library, EmbeddedLibrary>();

  constructor(opts: EmbeddedStorageOptions) {
    this.libraries = new Libraries(opts.dataDir, opts.identity, opts.vectorIndex, opts.maxOpen);
  }

  /** A library for one synchronous use (tests and the benchmark reach its store and index). */
  open(libraryId: string, create: boolean): EmbeddedLibrary | undefined {
    const library = this.libraries.get(libraryId, create);
    if (!library) return undefined;
    let handle = this.handles.get(library);
    if (!handle) {
      handle = new EmbeddedLibrary(library);
      this.handles.set(library, handle);
    }
    return handle;
  }

  async withLibrary<T>(
    libraryId: string,
    create: boolean,
    use: (library: LibraryStore) => Promise<T>,
  ): Promise<T | undefined> {
    const library = this.open(libraryId, create);
    if (!library) return undefined;
    this.libraries.pin(library.id);
    try {
      return await use(library);
    } finally {
      this.libraries.unpin(library.id);
    }
  }

  async listLibraries(): Promise<string[]> {
    return this.libraries.listIds();
  }

  async reindex(
    embedder: Embedder,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ passages: number }> {
    this.libraries.closeAll();
    return reindexAll(this.libraries, embedder, onProgress);
  }

  async *exportArticles(libraryId: string): AsyncIterable<ArticleExport> {
    if (!this.libraries.exists(libraryId)) return;
    // The store alone: a copy needs no vector index (nor its build).
    const { store } = this.libraries.openStoreOnly(libraryId);
    try {
      for (const article of store.articleRecords()) yield { article, ...store.articlePassages(article.id) };
    } finally {
      store.close();
    }
  }

  async importArticle(libraryId: string, item: ArticleExport): Promise<ImportOutcome> {
    const library = this.open(libraryId, true)!;
    if (library.store.getArticle(item.article.id)) return { outcome: "present" };
    const existing = library.store.findDuplicate(item.article.contentHash, null);
    if (existing) return { outcome: "duplicate", existing };
    const ids = library.store.addArticle(item.article, item.chunks, item.vectors);
    ids.forEach((pid, i) => library.index.add(pid, item.vectors[i]!));
    library.index.maybeSnapshot(library.store);
    return { outcome: "copied" };
  }

  /** A library's passage count from its store alone (no vector index opened). */
  countPassages(libraryId: string): number {
    const { store } = this.libraries.openStoreOnly(libraryId);
    try {
      return store.passageCount();
    } finally {
      store.close();
    }
  }

  /** A library's article and passage counts from its store alone (no vector index loaded for a count). */
  counts(libraryId: string): { articles: number; passages: number } {
    const { store } = this.libraries.openStoreOnly(libraryId);
    try {
      return { articles: store.listArticles().length, passages: store.passageCount() };
    } finally {
      store.close();
    }
  }

  private readonly replicas = new MemoryReplicaState();

  /** One process: nothing to share, so memory. */
  replicaState(): ReplicaState {
    return this.replicas;
  }

  async close(): Promise<void> {
    this.libraries.closeAll();
  }
}

/** The embedded library behind a handle, for code that reaches past the interface (tests, bench). */
export function asEmbedded(library: LibraryStore | undefined): EmbeddedLibrary {
  if (!(library instanceof EmbeddedLibrary))
    throw new FootnoteError("STORE_ERROR", "This needs the embedded storage (DATABASE_URL is set).");
  return library;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * The embedded backend: each library is a folder with a SQLite store (the source of truth:
 * articles, passages, vectors, FTS5) and an in-memory vector index that caches the store's
 * vectors (open-libraries.ts, sqlite-store.ts, vector-index.ts). Nothing to install, and the
 * fastest for one process.
 */
import type { Embedder } from "../../embeddings/embedder.ts";
import type { EmbeddingIdentity } from "../../embeddings/identity.ts";
import { FootnoteError } from "../../errors.ts";
import { OpenLibraries } from "./open-libraries.ts";
import type { EmbeddedLibrary } from "./library.ts";
import type { VectorIndexParams } from "./vector-index.ts";
import { reindexAll } from "./reindex.ts";
import { MemoryReplicaState, type ReplicaState } from "../../replicas/state.ts";
import type { ArticleExport, ImportOutcome, Library, Storage } from "../storage.ts";

/** Where the embedded backend keeps its libraries, and how it opens them. */
export interface EmbeddedStorageOptions {
  dataDir: string;
  identity: () => EmbeddingIdentity;
  vectorIndex?: Partial<VectorIndexParams>;
  /** Libraries kept open at once (each holds a database handle and its index in memory). */
  maxOpen?: number;
}

/** Every library under DATA_DIR/libraries, one folder each. */
export class EmbeddedStorage implements Storage {
  readonly kind = "embedded";
  readonly libraries: OpenLibraries;

  constructor(opts: EmbeddedStorageOptions) {
    this.libraries = new OpenLibraries(opts.dataDir, opts.identity, opts.vectorIndex, opts.maxOpen);
  }

  /** A library for one synchronous use (tests and the benchmark reach its store and index). */
  open(libraryId: string, create: boolean): EmbeddedLibrary | undefined {
    return this.libraries.get(libraryId, create);
  }

  async withLibrary<T>(
    libraryId: string,
    create: boolean,
    use: (library: Library) => Promise<T>,
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

  async counts(libraryId: string): Promise<{ articles: number; passages: number }> {
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

/**
 * The embedded library behind a storage, for code that reaches past the interface (tests, the
 * benchmark): its SQLite store and vector index. Throws on another backend.
 */
export function embeddedLibrary(
  storage: Storage,
  libraryId: string,
  create = false,
): EmbeddedLibrary | undefined {
  if (!(storage instanceof EmbeddedStorage))
    throw new FootnoteError("STORE_ERROR", "This needs the embedded storage (DATABASE_URL is set).");
  return storage.open(libraryId, create);
}

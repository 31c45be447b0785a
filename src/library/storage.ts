/**
 * The storage interface: everything above it (ingestion, retrieval, fusion, reranking,
 * answering) talks to libraries only through two types, `Storage` (every library of one
 * backend) and `Library` (one of them), and never knows which backend it has. Two implement
 * them: the embedded one (SQLite + an in-memory vector index, one folder per library;
 * embedded/) and PostgreSQL with pgvector (postgres/); open-storage.ts picks one.
 * docs/storage.md says why it is shaped this way.
 *
 * Every method is asynchronous because a backend may be a network hop away.
 */
import type { ArticleSummary, Chunk, Passage } from "../types.ts";
import type { Span } from "../text/span.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import type { ReplicaState } from "../replicas/state.ts";
import { FootnoteError } from "../errors.ts";

/** The backends, by the name the config and the tests use. */
export type StorageKind = "embedded" | "postgres";

/**
 * Up to this many floats of vectors (250,000 passages of the built-in 256-dimension embedder,
 * 41,666 of a 1,536-dimension model) a library's vector candidates come from an exact scan;
 * past it, from a graph. Both backends switch at the same size, so they search alike.
 */
export const FLAT_LIMIT = 64_000_000;

/** An article as it is stored (its id chosen by the caller, unique within the library). */
export interface ArticleRecord {
  id: string;
  title: string;
  url: string | null;
  byline: string | null;
  publishedAt: string | null;
  text: string;
  contentHash: string;
  /** ISO 639-1; identified from the text when not given. */
  language?: string | null;
}

/** An article as a duplicate check or an ingest reports it. */
export interface StoredArticleRef {
  id: string;
  title: string;
  chunks: number;
  url: string | null;
}

/** What storing an article did. */
export type AddResult =
  | { duplicate: false; passageIds: number[] }
  /** The same text or URL was already there (perhaps stored by another process a moment ago). */
  | { duplicate: true; existing: StoredArticleRef };

/** A passage as retrieval reads it: with its sentence spans (article offsets) when stored. */
export type StoredPassage = Passage & { sentences?: Span[] };

/** What a question asks of the lexical and the vector side, in one call. */
export interface CandidateQuery {
  /**
   * The question's stems the lexical side matches (any of them), as indexTokens makes them for
   * the passages (in the question's language): each backend looks them up as they are. Empty:
   * no lexical side.
   */
  words: string[];
  vector: Float32Array;
  /** Candidates taken from each side. */
  limit: number;
}

/** A question's candidates from both sides, for fusion (retrieve/hybrid.ts). */
export interface Candidates {
  /** BM25 (higher is better), best first. */
  lexical: Array<{ id: number; score: number }>;
  /** The vector side's ids, nearest first. */
  nearest: number[];
  /** The question's cosine with every candidate of either side. */
  cosine: Map<number, number>;
}

/** One library: a named set of articles that no other library's queries can reach. */
export interface Library {
  readonly id: string;
  readonly storage: StorageKind;
  /** Passages in the library. */
  passageCount(): Promise<number>;
  /** An article with this content hash, or else this URL. */
  findDuplicate(contentHash: string, url: string | null): Promise<StoredArticleRef | undefined>;
  hasArticle(articleId: string): Promise<boolean>;
  /**
   * Stores an article with its passages and their vectors, all or nothing: a kill at any
   * moment leaves the whole article or none of it. An article of the same text already there
   * (another process may have just stored it) is reported, not stored twice.
   */
  addArticle(article: ArticleRecord, chunks: Chunk[], vectors: Float32Array[]): Promise<AddResult>;
  /** Removes an article and everything of it; false when there was none of that id. */
  forget(articleId: string): Promise<boolean>;
  listArticles(): Promise<ArticleSummary[]>;
  /**
   * Articles stored after `since` (an ISO time), newest first, at most `limit`: what a
   * conversation has not seen since its last turn, without listing the whole library.
   */
  addedSince(since: string, limit: number): Promise<ArticleSummary[]>;
  /** One article's summary, read alone (not by listing the library); undefined when absent. */
  article(articleId: string): Promise<ArticleSummary | undefined>;
  articleText(articleId: string): Promise<string | undefined>;
  /** The passage count and how many passages contain each (stemmed) term. */
  termStats(stems: string[]): Promise<{ passages: number; df: Map<string, number> }>;
  /** Lexical and vector candidates of a question, and the cosine of each. */
  candidates(query: CandidateQuery): Promise<Candidates>;
  /** Passages by id, in the order asked; ids no longer there are left out. */
  passages(ids: number[]): Promise<StoredPassage[]>;
}

/** One article with its passages and their vectors, as `footnote migrate` copies it. */
export interface ArticleExport {
  article: ArticleRecord & { createdAt: string };
  chunks: Chunk[];
  vectors: Float32Array[];
}

/** What importing one exported article did (see Storage.importArticle). */
export type ImportOutcome =
  { outcome: "copied" } | { outcome: "present" } | { outcome: "duplicate"; existing: StoredArticleRef };

/** All libraries of one backend. */
export interface Storage {
  readonly kind: StorageKind;
  /**
   * Runs `use` with a library, kept open until it returns; with `create` false a library that
   * does not exist yet gives undefined (and `use` is not called).
   */
  withLibrary<T>(
    libraryId: string,
    create: boolean,
    use: (library: Library) => Promise<T>,
  ): Promise<T | undefined>;
  /** Every library's id. */
  listLibraries(): Promise<string[]>;
  /** A library's article and passage counts, as cheaply as the backend can (no index loaded). */
  counts(libraryId: string): Promise<{ articles: number; passages: number }>;
  /** Re-embeds every passage of every library with `embedder` (after a change of embeddings). */
  reindex(
    embedder: Embedder,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ passages: number }>;
  /** Every article of a library with its passages and vectors, oldest first (for migrate). */
  exportArticles(libraryId: string): AsyncIterable<ArticleExport>;
  /**
   * Stores an exported article as it was (same id, all or nothing). `present` when the library
   * already has that id, `duplicate` when it has the same text under another id: a copy can be
   * run again, and resumes where it stopped.
   */
  importArticle(libraryId: string, item: ArticleExport): Promise<ImportOutcome>;
  /**
   * Runs a bulk copy (migrate). A backend may leave an index to build once at the end instead
   * of on every insert; it is whole again when this returns, and after an interrupted run, when
   * the next run returns.
   */
  bulkLoad?<T>(load: () => Promise<T>, onIndexBuild?: () => void): Promise<T>;
  /** What bot replicas share (claimed updates, rate limits): in memory, or in the database. */
  replicaState(): ReplicaState;
  close(): Promise<void>;
}

/** A library id as every backend accepts it (trimmed), or a BAD_INPUT error that says what to use. */
export function validateLibraryId(libraryId: string): string {
  const id = libraryId.trim();
  if (!id || id.length > 200)
    throw new FootnoteError(
      "BAD_INPUT",
      `"${libraryId}" is not a library name: use 1 to 200 characters, e.g. --library research.`,
    );
  return id;
}

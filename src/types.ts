/** Domain types shared across ingestion, the library, retrieval, answering and the front ends. */

/** An article as read from its source, before it is cleaned, chunked and stored. */
export interface ArticleInput {
  /** The readable text. Quotes are exact substrings of this text after cleaning. */
  text: string;
  title?: string;
  /** Canonical URL when known (a page's <link rel=canonical>, else the fetched URL). */
  url?: string;
  byline?: string;
  /** ISO 8601 date when the source names one. */
  publishedAt?: string;
  source: "url" | "file" | "text";
}

/** A passage cut from an article: `text === article.text.slice(start, end)`. */
export interface Chunk {
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface ArticleSummary {
  id: string;
  libraryId: string;
  title: string;
  url: string | null;
  byline: string | null;
  publishedAt: string | null;
  createdAt: string;
  chunks: number;
  chars: number;
}

export interface Passage {
  /** Row id in the store; also the label of the passage's vector in the index. */
  id: number;
  articleId: string;
  index: number;
  start: number;
  end: number;
  text: string;
  title: string;
  url: string | null;
  /** Its article's language (ISO 639-1), when the store knows it. */
  language?: string | null;
}

export interface RetrievedPassage extends Passage {
  score: number;
}

export interface Citation {
  n: number;
  articleId: string;
  title: string;
  url: string | null;
  /** An exact substring of the article: `article.text.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  passageId: number;
}

export interface AnswerResult {
  answer: string;
  abstained: boolean;
  citations: Citation[];
  /**
   * How likely the decision is right, 0..1: that the answer is in the articles when it answers,
   * that it is not when it abstains.
   */
  confidence?: number;
  /** The features the decision was taken on, for `eval --report` (not shown to users). */
  evidence?: Record<string, number>;
}

export interface IngestResult {
  id: string;
  title: string;
  chunks: number;
  duplicate: boolean;
  url: string | null;
  /** What the article is about in two or three sentences (ingest with `companion`). */
  summary?: string;
  /** Questions the article answers, each checked by asking it (ingest with `companion`). */
  questions?: string[];
}

/** Where an article comes from, as the CLI and the bot hand it over. */
export type IngestSource =
  | { kind: "url"; url: string }
  | { kind: "text"; text: string; title?: string }
  | { kind: "file"; bytes: Uint8Array; filename?: string; contentType?: string; title?: string };

export interface IngestProgress {
  stage: "reading" | "chunking" | "embedding" | "storing";
  /** Passages embedded so far, and of how many (during "embedding"). */
  done?: number;
  total?: number;
}

export interface AskOptions {
  /** How many passages to retrieve and give the answerer. */
  k?: number;
  /** Called with the answer text so far while a chat model streams. */
  onPartial?: (text: string) => void;
  signal?: AbortSignal;
  /** The conversation's earlier turns, oldest first: a chat model reads them as messages. */
  history?: ReadonlyArray<{ question: string; answer: string }>;
  /**
   * The question resolved against the conversation ("What did he say?" → "What did <name>
   * say?"): what retrieval and the extractive answerer read. Defaults to the question.
   */
  resolved?: string;
  /** Search only these articles (a follow-up stays on the article that answered before). */
  articleIds?: readonly string[];
  /**
   * Sentences already given as an answer: a follow-up wants something new, so a quoting
   * answerer skips them, unless nothing else answers.
   */
  exclude?: readonly string[];
}

/**
 * The whole product behind one object: the CLI and the Telegram bot call only this.
 * A library is a named set of articles (the CLI's `--library`, one per chat in the bot);
 * nothing in one library is ever visible from another.
 */
export interface Footnote {
  ingest(
    libraryId: string,
    source: IngestSource,
    opts?: {
      onProgress?: (p: IngestProgress) => void;
      signal?: AbortSignal;
      /** Also give the article's gist and suggested questions (src/companion/). */
      companion?: boolean;
    },
  ): Promise<IngestResult>;
  ask(libraryId: string, question: string, opts?: AskOptions): Promise<AnswerResult>;
  retrieve(libraryId: string, question: string, k?: number): Promise<RetrievedPassage[]>;
  list(libraryId: string): Promise<ArticleSummary[]>;
  /**
   * Articles added after `since` (epoch ms), newest first, at most `limit`, read without listing
   * the library. Optional so that stand-ins for the facade (tests) need not have it.
   */
  addedSince?(libraryId: string, since: number, limit: number): Promise<ArticleSummary[]>;
  /**
   * What an article is about, cited like an answer; undefined when the library has no such id.
   * Optional so that stand-ins for the facade (tests) need not have it.
   */
  summarize?(
    libraryId: string,
    articleId: string,
    opts?: { signal?: AbortSignal },
  ): Promise<AnswerResult | undefined>;
  /** Removes an article of this library; false when the library has no such id. */
  forget(libraryId: string, articleId: string): Promise<boolean>;
  /** Re-embeds every passage with the configured embeddings provider. */
  reindex(opts?: { onProgress?: (done: number, total: number) => void }): Promise<{ passages: number }>;
  close(): Promise<void>;
}

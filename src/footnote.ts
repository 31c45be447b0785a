/**
 * The product behind one object (`Footnote`, see types.ts): read a source, chunk, embed,
 * store and index it; retrieve and answer. The CLI and the Telegram bot both call this, and
 * nothing else, so what works from the command line works the same in a chat.
 */
import { createHash } from "node:crypto";
import type { Config } from "./config.ts";
import { FootnoteError } from "./errors.ts";
import { silentLogger, type Logger } from "./logger.ts";
import type {
  ArticleInput,
  AnswerResult,
  AskOptions,
  Footnote,
  IngestProgress,
  IngestResult,
  IngestSource,
  RetrievedPassage,
} from "./types.ts";
import { chunkText } from "./ingest/chunk.ts";
import { readSource } from "./ingest/read-source.ts";
import { createEmbedder, type Embedder } from "./embeddings/embedder.ts";
import type { VectorIndexParams } from "./library/vector-index.ts";
import type { LibraryStore, Storage } from "./library/storage.ts";
import { openStorage } from "./library/open-storage.ts";
import { EmbeddedStorage, type EmbeddedLibrary } from "./library/embedded.ts";
import { retrieveWithVector, type Retrieval, type Retrieved } from "./retrieve/hybrid.ts";
import { identifyLanguage } from "./text/identify.ts";
import type { Answerer } from "./answer/types.ts";
import { createExtractiveAnswerer, NOT_FOUND_ANSWER } from "./answer/extractive.ts";

export interface FootnoteDeps {
  config: Config;
  logger?: Logger;
  /** Defaults to the provider the config names. */
  embedder?: Embedder;
  /** Defaults to the answerer the config names. */
  answerer?: Answerer;
  /** Vector index settings beyond VECTOR_INDEX (the benchmark sets the HNSW ones). */
  hnsw?: Partial<VectorIndexParams>;
  /** Libraries kept open at once (each holds a database handle and its index in memory). */
  maxOpenLibraries?: number;
  /** Defaults to the backend the config names (DATABASE_URL or DATA_DIR). */
  storage?: Storage;
}

const EMBED_BATCH = 256;

export async function createFootnote(deps: FootnoteDeps): Promise<Footnote & FootnoteInternals> {
  const { config } = deps;
  const logger = deps.logger ?? silentLogger();
  const embedder = deps.embedder ?? (await createEmbedder(config));
  if (embedder.identity.dimensions === 0) await embedder.probe?.();
  const answerer = deps.answerer ?? (await defaultAnswerer(config));
  const onRebuild: VectorIndexParams["onRebuild"] = ({ from, to, passages, ms, background, error }) => {
    if (error !== undefined)
      logger.error(
        { from, to, passages, err: error },
        `Building a library's ${to} index failed; it goes on answering from the ${from} index, and the next open tries again`,
      );
    else if (ms !== undefined) logger.info({ from, to, passages, ms }, "Vector index rebuilt");
    else if (background)
      logger.warn(
        { from, to, passages },
        `Building a library's ${to} index for ${passages} passages in the background (about a millisecond a passage); it answers from the ${from} index meanwhile`,
      );
    else
      logger.warn(
        { from, to, passages },
        `Rebuilding a library's vector index as ${to} for ${passages} passages; the first open after it crosses VECTOR_INDEX's size line does this once`,
      );
  };
  const storage =
    deps.storage ??
    (await openStorage({
      config,
      identity: () => embedder.identity,
      vectorIndex: {
        kind: config.VECTOR_INDEX,
        ...(config.HNSW_EF_SEARCH ? { efSearch: config.HNSW_EF_SEARCH } : {}),
        onRebuild,
        ...deps.hnsw,
      },
      maxOpenLibraries: deps.maxOpenLibraries,
    }));
  let closed = false;

  /** Runs `use` with a library held open; undefined when it does not exist and `create` is false. */
  const withLibrary = <T>(
    libraryId: string,
    create: boolean,
    use: (library: LibraryStore) => Promise<T>,
  ): Promise<T | undefined> => {
    if (closed) throw new FootnoteError("STORE_ERROR", "footnote is shutting down; try again in a moment.");
    return storage.withLibrary(libraryId, create, use);
  };

  async function ingestArticle(
    libraryId: string,
    article: ArticleInput,
    onProgress?: (p: IngestProgress) => void,
    signal?: AbortSignal,
  ): Promise<IngestResult> {
    const text = article.text;
    if (!/[\p{L}\p{N}]/u.test(text))
      throw new FootnoteError("EMPTY_ARTICLE", "There is no text to store: the article is empty.");
    if (text.length > config.MAX_ARTICLE_CHARS) {
      throw new FootnoteError(
        "TOO_LARGE",
        `The article has ${text.length.toLocaleString("en")} characters; the limit is ${config.MAX_ARTICLE_CHARS.toLocaleString("en")} (MAX_ARTICLE_CHARS).`,
      );
    }
    const contentHash = hashText(text);
    const url = article.url ?? null;
    const title = (article.title ?? "").trim() || fallbackTitle(text);
    const existing = await withLibrary(libraryId, true, (library) => library.findDuplicate(contentHash, url));
    if (existing)
      return {
        id: existing.id,
        title: existing.title,
        chunks: existing.chunks,
        duplicate: true,
        url: existing.url,
      };

    onProgress?.({ stage: "chunking" });
    const chunks = chunkText(text);
    // One identification an article: its passages are read (embedded, indexed) in its language.
    const language = identifyLanguage(text);
    const vectors: Float32Array[] = [];
    for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
      signal?.throwIfAborted();
      onProgress?.({ stage: "embedding", done: i, total: chunks.length });
      vectors.push(
        ...(await embedder.embedDocuments(
          chunks.slice(i, i + EMBED_BATCH).map((c) => c.text),
          language,
        )),
      );
    }
    onProgress?.({ stage: "embedding", done: chunks.length, total: chunks.length });
    signal?.throwIfAborted();
    onProgress?.({ stage: "storing" });
    // Opened again after the awaits above: the library may have been closed meanwhile.
    const stored = await withLibrary(libraryId, true, async (library) => {
      const id = await articleId(libraryId, contentHash, (candidate) => library.hasArticle(candidate));
      const record = {
        id,
        title,
        url,
        byline: article.byline ?? null,
        publishedAt: article.publishedAt ?? null,
        text,
        contentHash,
        language,
      };
      return { id, result: await library.addArticle(record, chunks, vectors) };
    });
    const { id, result } = stored!;
    // Two ingests of the same article at once: the second finds the first's.
    if (result.duplicate) return { ...result.existing, duplicate: true };
    // The front ends log the one info line per ingest (with who asked and how long it took).
    logger.debug({ libraryId, articleId: id, chunks: chunks.length, chars: text.length }, "article stored");
    return { id, title, chunks: chunks.length, duplicate: false, url };
  }

  async function retrieval(
    libraryId: string,
    question: string,
    k: number,
    articleIds?: readonly string[],
  ): Promise<Retrieval | undefined> {
    // Nothing to search: answer at once, without paying for an embedding.
    if (!(await withLibrary(libraryId, false, async () => true))) return undefined;
    const qv = await embedder.embedQuery(question);
    return withLibrary(libraryId, false, async (library) =>
      (await library.passageCount()) === 0
        ? undefined
        : retrieveWithVector(library, qv, question, k, undefined, articleIds?.length ? { articleIds } : {}),
    );
  }

  const footnote: Footnote & FootnoteInternals = {
    embedder,
    answerer,
    async ingest(libraryId, source: IngestSource, opts = {}) {
      opts.onProgress?.({ stage: "reading" });
      const article = await readSource(source, { config, signal: opts.signal });
      return ingestArticle(libraryId, article, opts.onProgress, opts.signal);
    },
    ingestArticle: (libraryId, article) => ingestArticle(libraryId, article),
    async retrieve(libraryId, question, k = config.RETRIEVE_K): Promise<RetrievedPassage[]> {
      return (await retrieval(libraryId, question, k))?.passages ?? [];
    },
    async ask(libraryId, question, opts: AskOptions = {}): Promise<AnswerResult> {
      // The decision's features are for `eval --report`, not for users.
      const { evidence: _evidence, ...answer } = (await footnote.askDetailed(libraryId, question, opts))
        .answer;
      return answer;
    },
    async askDetailed(libraryId, question, opts: AskOptions & { retrieveK?: number } = {}) {
      const q = question.trim();
      if (!q) throw new FootnoteError("BAD_INPUT", 'Ask a question, e.g. "Who was at the meeting?"');
      const k = opts.k ?? config.RETRIEVE_K;
      // A follow-up is searched (and read by the extractive answerer) in its resolved form.
      const searched = opts.resolved?.trim() || q;
      const found = await retrieval(libraryId, searched, Math.max(k, opts.retrieveK ?? 0), opts.articleIds);
      if (!found || found.passages.length === 0)
        return { retrieved: [], answer: { answer: NOT_FOUND_ANSWER, abstained: true, citations: [] } };
      const read = found.passages.slice(0, k);
      const answerOpts = {
        onPartial: opts.onPartial,
        signal: opts.signal,
        query: found.query,
        ...(opts.history?.length ? { history: opts.history } : {}),
        ...(searched !== q ? { asked: q } : {}),
      };
      const fresh = withoutSentences(read, opts.exclude);
      let answer = await answerer.answer(searched, fresh ?? read, answerOpts);
      // Only the quoting answerer reads sentences; it may repeat itself when nothing else answers.
      if (fresh && answer.abstained && answerer.name === "extractive")
        answer = await answerer.answer(searched, read, answerOpts);
      return { retrieved: found.passages, answer };
    },
    async list(libraryId) {
      return (await withLibrary(libraryId, false, (library) => library.listArticles())) ?? [];
    },
    async forget(libraryId, articleId) {
      const gone = await withLibrary(libraryId, false, (library) => library.forget(articleId.trim()));
      if (gone) logger.info({ libraryId, articleId }, "article forgotten");
      return gone ?? false;
    },
    async reindex(opts = {}) {
      return storage.reindex(embedder, opts.onProgress);
    },
    storage,
    async library(libraryId, create = false) {
      if (storage instanceof EmbeddedStorage) return storage.open(libraryId, create);
      return storage.withLibrary(libraryId, create, async (library) => library);
    },
    embedded(libraryId, create = false) {
      if (!(storage instanceof EmbeddedStorage))
        throw new FootnoteError("STORE_ERROR", "This needs the embedded storage (DATABASE_URL is set).");
      return storage.open(libraryId, create);
    },
    async libraryStats() {
      const ids = await storage.listLibraries();
      let articles = 0;
      let passages = 0;
      for (const id of ids) {
        const counts =
          storage instanceof EmbeddedStorage
            ? storage.counts(id)
            : await storage.withLibrary(id, false, async (library) => ({
                articles: (await library.listArticles()).length,
                passages: await library.passageCount(),
              }));
        articles += counts?.articles ?? 0;
        passages += counts?.passages ?? 0;
      }
      return { libraries: ids.length, articles, passages };
    },
    async close() {
      if (closed) return;
      closed = true;
      await storage.close();
    },
  };
  return footnote;
}

/** What the eval and benchmarks reach past the public interface for. */
export interface FootnoteInternals {
  readonly embedder: Embedder;
  readonly answerer: Answerer;
  ingestArticle(libraryId: string, article: ArticleInput): Promise<IngestResult>;
  /** `ask`, also returning what retrieval found (up to `retrieveK` passages). */
  askDetailed(
    libraryId: string,
    question: string,
    opts?: AskOptions & { retrieveK?: number },
  ): Promise<{ retrieved: RetrievedPassage[]; answer: AnswerResult }>;
  readonly storage: Storage;
  /** A library for a test or the benchmark to look into (not held open: no awaits while using it). */
  library(libraryId: string, create?: boolean): Promise<LibraryStore | undefined>;
  /** The embedded backend's library with its SQLite store and vector index (throws on Postgres). */
  embedded(libraryId: string, create?: boolean): EmbeddedLibrary | undefined;
  /** Counts over every library, for `footnote stats` and the bot's start-up line. */
  libraryStats(): Promise<{ libraries: number; articles: number; passages: number }>;
}

async function defaultAnswerer(config: Config): Promise<Answerer> {
  if (config.ANSWERER === "chat") {
    const { createChatAnswerer } = await import("./answer/chat.ts");
    return createChatAnswerer(config);
  }
  return createExtractiveAnswerer();
}

const sentenceKey = (text: string) => text.replace(/\s+/g, " ").trim();

/** The passages without the sentences in `exclude`, or undefined when none of them is there. */
function withoutSentences(
  passages: Retrieved[],
  exclude: readonly string[] | undefined,
): Retrieved[] | undefined {
  if (!exclude?.length) return undefined;
  const skip = new Set(exclude.map(sentenceKey));
  let removed = false;
  const out = passages.map((p) => {
    const kept = p.sentences.filter(
      (s) => !skip.has(sentenceKey(p.text.slice(s.start - p.start, s.end - p.start))),
    );
    if (kept.length === p.sentences.length) return p;
    removed = true;
    return { ...p, sentences: kept };
  });
  return removed ? out : undefined;
}

/** Same text, same hash, whatever white space it was pasted with. */
export function hashText(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex");
}

/** Short enough to type in `/forget <id>`, unique within the library. */
async function articleId(
  libraryId: string,
  contentHash: string,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  const digest = createHash("sha256").update(`${libraryId}\n${contentHash}`).digest("hex");
  for (let len = 8; len <= digest.length; len += 2) {
    const id = digest.slice(0, len);
    if (!(await taken(id))) return id;
  }
  throw new FootnoteError("STORE_ERROR", "Could not pick an id for the article.");
}

function fallbackTitle(text: string): string {
  const first = text.trim().split("\n")[0]!.trim();
  if (first.length <= 100) return first;
  return `${first.slice(0, 90).replace(/\s+\S*$/, "")}…`;
}

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
import { Libraries, type Library } from "./library/libraries.ts";
import type { VectorIndexParams } from "./library/vector-index.ts";
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
  const libraries = new Libraries(
    config.DATA_DIR,
    () => embedder.identity,
    {
      kind: config.VECTOR_INDEX,
      ...(config.HNSW_EF_SEARCH ? { efSearch: config.HNSW_EF_SEARCH } : {}),
      onRebuild,
      ...deps.hnsw,
    },
    deps.maxOpenLibraries,
  );
  let closed = false;

  const open = (libraryId: string, create: boolean): Library | undefined => {
    if (closed) throw new FootnoteError("STORE_ERROR", "footnote is shutting down; try again in a moment.");
    return libraries.get(libraryId, create);
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
    const existing = open(libraryId, true)!.store.findDuplicate(contentHash, url);
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
    const library = open(libraryId, true)!;
    const id = articleId(
      libraryId,
      contentHash,
      (candidate) => library.store.getArticle(candidate) !== undefined,
    );
    let passageIds: number[];
    try {
      passageIds = library.store.addArticle(
        {
          id,
          title,
          url,
          byline: article.byline ?? null,
          publishedAt: article.publishedAt ?? null,
          text,
          contentHash,
          language,
        },
        chunks,
        vectors,
      );
    } catch (error) {
      // Two ingests of the same article at once: the second loses the race on the unique hash.
      const dup = library.store.findDuplicate(contentHash, url);
      if (dup) return { id: dup.id, title: dup.title, chunks: dup.chunks, duplicate: true, url: dup.url };
      throw error;
    }
    passageIds.forEach((pid, i) => library.index.add(pid, vectors[i]!));
    library.index.maybeSnapshot(library.store);
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
    if (!open(libraryId, false)) return undefined;
    const qv = await embedder.embedQuery(question);
    const library = open(libraryId, false);
    if (!library || library.index.size === 0) return undefined;
    return retrieveWithVector(library, qv, question, k, undefined, articleIds?.length ? { articleIds } : {});
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
    list(libraryId) {
      return open(libraryId, false)?.store.listArticles() ?? [];
    },
    async forget(libraryId, articleId) {
      const library = open(libraryId, false);
      if (!library) return false;
      const ids = library.store.deleteArticle(articleId.trim());
      if (!ids) return false;
      for (const id of ids) library.index.remove(id);
      library.index.noteDeleteSeq(library.store.lastDeleteSeq());
      library.index.maybeSnapshot(library.store);
      logger.info({ libraryId, articleId, passages: ids.length }, "article forgotten");
      return true;
    },
    async reindex(opts = {}) {
      const { reindexAll } = await import("./library/reindex.ts");
      libraries.closeAll();
      return reindexAll(libraries, embedder, opts.onProgress);
    },
    library: (libraryId, create = false) => open(libraryId, create),
    libraryStats() {
      const ids = libraries.listIds();
      let articles = 0;
      let passages = 0;
      for (const id of ids) {
        // Its own read-only look: no index is loaded for a count.
        const { store } = libraries.openStoreOnly(id);
        try {
          articles += store.listArticles().length;
          passages += store.passageCount();
        } finally {
          store.close();
        }
      }
      return { libraries: ids.length, articles, passages };
    },
    async close() {
      if (closed) return;
      closed = true;
      libraries.closeAll();
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
  library(libraryId: string, create?: boolean): Library | undefined;
  /** Counts over every library on disk, for `footnote stats` and the bot's start-up line. */
  libraryStats(): { libraries: number; articles: number; passages: number };
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
function articleId(libraryId: string, contentHash: string, taken: (id: string) => boolean): string {
  const digest = createHash("sha256").update(`${libraryId}\n${contentHash}`).digest("hex");
  for (let len = 8; len <= digest.length; len += 2) {
    const id = digest.slice(0, len);
    if (!taken(id)) return id;
  }
  throw new FootnoteError("STORE_ERROR", "Could not pick an id for the article.");
}

function fallbackTitle(text: string): string {
  const first = text.trim().split("\n")[0]!.trim();
  if (first.length <= 100) return first;
  return `${first.slice(0, 90).replace(/\s+\S*$/, "")}…`;
}

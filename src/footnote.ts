/**
 * The product behind one object: read a source, chunk, embed, store and index it; retrieve
 * and answer. The CLI and the Telegram bot both call this, and nothing else, so what works
 * from the command line works the same in a chat. The work itself is done by the parts it is
 * built from (pipeline/parts.ts).
 */
import type { AnswerResult, AskOptions, Footnote, RetrievedPassage } from "./types.ts";
import type { Embedder } from "./embeddings/embedder.ts";
import type { Storage } from "./library/storage.ts";
import type { Answerer } from "./answer/types.ts";
import { openParts, type FootnoteDeps, type FootnoteParts } from "./pipeline/parts.ts";
import { createCompanion } from "./companion/companion.ts";
import { identifyLanguage } from "./text/identify.ts";

export type { FootnoteDeps } from "./pipeline/parts.ts";

/** Counts over every library. */
export interface LibraryStats {
  libraries: number;
  articles: number;
  passages: number;
}

/** The facade, with what the front ends show of how it is built (the bot's start-up line, stats). */
export interface FootnoteService extends Footnote {
  /** The backend, which also keeps conversations and what bot replicas share. */
  readonly storage: Storage;
  readonly embedder: Embedder;
  readonly answerer: Answerer;
  /** What an article is about, cited like an answer (src/companion/); undefined: no such article. */
  summarize: NonNullable<Footnote["summarize"]>;
  /** Counts over every library, for `footnote stats` and the bot's start-up line. */
  libraryStats(): Promise<LibraryStats>;
}

/** A footnote on the backend, embedder and answerer the config (and `deps`) name. */
export async function createFootnote(deps: FootnoteDeps): Promise<FootnoteService> {
  return footnoteOver(await openParts(deps));
}

/** The facade over parts already open (the eval and the benchmark keep the parts too). */
export function footnoteOver(parts: FootnoteParts): FootnoteService {
  const { config, storage, withLibrary } = parts;
  const ask = async (libraryId: string, question: string, opts: AskOptions = {}): Promise<AnswerResult> => {
    // The decision's features are for `eval --report`, not for users.
    const { evidence: _evidence, ...answer } = (await parts.ask.askDetailed(libraryId, question, opts))
      .answer;
    return answer;
  };
  // The article companion (gist, suggested questions, summaries) reads articles through here.
  const companion = createCompanion({
    config,
    logger: parts.logger,
    ask,
    article: (libraryId, articleId) =>
      withLibrary(libraryId, false, async (library) => {
        const text = await library.articleText(articleId);
        const summary = text === undefined ? undefined : await library.article(articleId);
        if (text === undefined || !summary) return undefined;
        return {
          id: articleId,
          title: summary.title,
          url: summary.url,
          text,
          language: identifyLanguage(text),
        };
      }),
    locate: async (libraryId, articleId, quote, start, end) =>
      (await parts.ask.retrieval(libraryId, quote, 3, [articleId]))?.passages.find(
        (p) => p.articleId === articleId && p.start <= start && end <= p.end,
      ),
  });
  return {
    storage,
    embedder: parts.embedder,
    answerer: parts.answerer,
    async ingest(libraryId, source, opts = {}) {
      opts.onProgress?.({ stage: "reading" });
      // The readers (an HTML parser, a PDF reader, the fetcher) load with the first article.
      const { readSource } = await import("./ingest/read-source.ts");
      const article = await readSource(source, { config, signal: opts.signal });
      const result = await parts.ingest.ingestArticle(libraryId, article, opts.onProgress, opts.signal);
      if (!opts.companion) return result;
      try {
        return { ...result, ...(await companion.introduce(libraryId, result.id, opts.signal)) };
      } catch (error) {
        // The article is stored: a gist the model could not write is no reason to say it failed.
        if (opts.signal?.aborted) throw error;
        parts.logger.warn({ libraryId, articleId: result.id, err: error }, "article companion failed");
        return result;
      }
    },
    async retrieve(libraryId, question, k = config.RETRIEVE_K): Promise<RetrievedPassage[]> {
      return (await parts.ask.retrieval(libraryId, question, k))?.passages ?? [];
    },
    ask,
    summarize: (libraryId, articleId, opts = {}) =>
      companion.summarize(libraryId, articleId.trim(), opts.signal),
    async list(libraryId) {
      return (await withLibrary(libraryId, false, (library) => library.listArticles())) ?? [];
    },
    async addedSince(libraryId, since, limit) {
      const after = new Date(since).toISOString();
      return (await withLibrary(libraryId, false, (library) => library.addedSince(after, limit))) ?? [];
    },
    async forget(libraryId, articleId) {
      const gone = await withLibrary(libraryId, false, (library) => library.forget(articleId.trim()));
      if (gone) parts.logger.info({ libraryId, articleId }, "article forgotten");
      return gone ?? false;
    },
    async reindex(opts = {}) {
      return storage.reindex(parts.embedder, opts.onProgress);
    },
    async libraryStats() {
      const ids = await storage.listLibraries();
      let articles = 0;
      let passages = 0;
      for (const id of ids) {
        const counts = await storage.counts(id);
        articles += counts.articles;
        passages += counts.passages;
      }
      return { libraries: ids.length, articles, passages };
    },
    close: () => parts.close(),
  };
}

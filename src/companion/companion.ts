/**
 * The article companion: what an article is about and which questions it answers, given when
 * the article is added, and its summary on request. It works through what the facade gives it
 * (an article's text, the ask path restricted to one article, the passage holding a span), so
 * a suggested question is one the real answerer answers, from that article.
 */
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { AnswerResult, AskOptions, Passage } from "../types.ts";
import { answersFrom, candidateQuestions, pickQuestions } from "./questions.ts";
import { extractiveSummary, gistText, type ArticleForSummary } from "./summary.ts";
import type { createChatSummarizer } from "./chat-summary.ts";

/** What the companion is built from. */
export interface CompanionDeps {
  config: Config;
  logger: Logger;
  /** The article with its text, or undefined when the library has no such id. */
  article(libraryId: string, articleId: string): Promise<ArticleForSummary | undefined>;
  ask(libraryId: string, question: string, opts: AskOptions): Promise<AnswerResult>;
  /** The article's stored passage that holds [start, end) of its text (`quote` is that text). */
  locate(
    libraryId: string,
    articleId: string,
    quote: string,
    start: number,
    end: number,
  ): Promise<Passage | undefined>;
}

export interface Companion {
  /** The gist (plain text) and the suggested questions of an article just added. */
  introduce(
    libraryId: string,
    articleId: string,
    signal?: AbortSignal,
  ): Promise<{ summary?: string; questions: string[] }>;
  /** The article's summary, cited like an answer; undefined when there is no such article. */
  summarize(libraryId: string, articleId: string, signal?: AbortSignal): Promise<AnswerResult | undefined>;
}

export function createCompanion(deps: CompanionDeps): Companion {
  const { config, logger } = deps;
  let chat: Promise<ReturnType<typeof createChatSummarizer>> | undefined;
  // The model writes the summary when answers come from one; loaded only then.
  const chatSummarizer = () =>
    (chat ??= import("./chat-summary.ts").then((m) => m.createChatSummarizer(config)));

  /**
   * The model's summary when answers come from one, else (or when it finds nothing to say) the
   * extractive one. `bestEffort`: a model that fails gives way to the extractive summary too
   * (the gist under "Added …"); asked for outright (/summary), its failure is reported.
   */
  async function summaryOf(
    libraryId: string,
    article: ArticleForSummary,
    signal?: AbortSignal,
    bestEffort = false,
  ) {
    const locate = (start: number, end: number) =>
      deps.locate(libraryId, article.id, article.text.slice(start, end), start, end);
    if (config.ANSWERER === "chat") {
      try {
        const written = await (await chatSummarizer())(article, locate, signal);
        if (!written.abstained) return written;
      } catch (error) {
        if (!bestEffort || signal?.aborted) throw error;
        logger.warn(
          { libraryId, articleId: article.id, err: error },
          "model could not write the gist; quoting",
        );
      }
    }
    return extractiveSummary(article, locate);
  }

  return {
    async introduce(libraryId, articleId, signal) {
      const article = await deps.article(libraryId, articleId);
      if (!article) return { questions: [] };
      const started = performance.now();
      const summary = gistText(await summaryOf(libraryId, article, signal, true));
      const gistMs = performance.now() - started;
      const candidates = await candidateQuestions(article.text, article.language);
      const candidatesMs = performance.now() - started - gistMs;
      const questions = await pickQuestions(candidates, async (c) => {
        signal?.throwIfAborted();
        try {
          const answer = await deps.ask(libraryId, c.question, { articleIds: [articleId], signal });
          return answersFrom(answer, articleId, c);
        } catch (error) {
          // A question the answerer could not be asked is not offered; the gist still is.
          if (signal?.aborted) throw error;
          return false;
        }
      });
      logger.debug(
        {
          libraryId,
          articleId,
          candidates: candidates.length,
          questions: questions.length,
          gistMs: Math.round(gistMs),
          candidatesMs: Math.round(candidatesMs),
          ms: Math.round(performance.now() - started),
        },
        "companion ready",
      );
      return { ...(summary ? { summary } : {}), questions };
    },
    async summarize(libraryId, articleId, signal) {
      const article = await deps.article(libraryId, articleId);
      return article && summaryOf(libraryId, article, signal);
    },
  };
}

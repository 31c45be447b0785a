/**
 * The summary a chat model writes: the article's opening passages, numbered, and the prompt in
 * prompts/summary.*.md; the reply is checked like an answer (answer/chat.ts `finishAnswer`):
 * a sentence without a valid [n] marker is dropped, and each citation is narrowed to the
 * sentence it rests on.
 */
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Config } from "../config.ts";
import { mapProviderError } from "../providers/openai-errors.ts";
import { chunkText } from "../ingest/chunk.ts";
import { chatModel, finishAnswer, formatPassages } from "../answer/chat.ts";
import { loadPrompt } from "../answer/prompt.ts";
import type { AnswerResult, RetrievedPassage } from "../types.ts";
import type { ArticleForSummary, LocatePassage } from "./summary.ts";

/** The model reads at most this much of the article: its opening, where news says what it is about. */
const MAX_CHARS = 8000;

/** Writes summaries with the chat model the config names (`fetch`: tests). */
export function createChatSummarizer(config: Config, opts: { fetch?: typeof fetch } = {}) {
  const model = chatModel(config, opts);
  const chain = ChatPromptTemplate.fromMessages<{ passages: string; title: string }>(
    [
      ["system", loadPrompt("summary.system")],
      ["human", loadPrompt("summary.user")],
    ],
    { templateFormat: "mustache" },
  )
    .pipe(model)
    .pipe(new StringOutputParser());

  return async function summarize(
    article: ArticleForSummary,
    locate: LocatePassage,
    signal?: AbortSignal,
  ): Promise<AnswerResult> {
    // The article's passages as ingest cut them, numbered from its start.
    const passages: RetrievedPassage[] = [];
    let chars = 0;
    for (const c of chunkText(article.text)) {
      if (passages.length > 0 && chars + c.text.length > MAX_CHARS) break;
      chars += c.text.length;
      passages.push({
        id: -(c.index + 1),
        articleId: article.id,
        index: c.index,
        start: c.start,
        end: c.end,
        text: c.text,
        title: article.title,
        url: article.url,
        score: 1,
      });
    }
    let raw: string;
    try {
      raw = await chain.invoke(
        { passages: formatPassages(passages), title: article.title.replace(/[<>&]/g, " ") },
        { signal },
      );
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw mapProviderError(error, "chat", config);
    }
    const result = finishAnswer(raw, passages);
    // Each citation names the stored passage its quote is in.
    const citations = await Promise.all(
      result.citations.map(async (c) => ({ ...c, passageId: (await locate(c.start, c.end))?.id ?? -1 })),
    );
    return { ...result, citations };
  };
}

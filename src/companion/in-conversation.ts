/**
 * A summary asked for in a conversation (the bot's /summary and "tl;dr", `footnote chat`'s):
 * of the article named, or else of the article in focus, kept as a turn of the conversation
 * so that a follow-up ("what did he say?") stays on that article.
 */
import type { Conversations } from "../conversation/conversation.ts";
import { namesIn } from "../conversation/follow-up.ts";
import type { ConversationKey, Turn } from "../conversation/types.ts";
import type { AnswerResult, Footnote } from "../types.ts";
import { articleInFocus } from "./focus.ts";

export type SummaryOutcome =
  | { kind: "no-articles" }
  | { kind: "no-such-article"; articleId: string }
  | { kind: "summary"; articleId: string; result: AnswerResult; turn?: Turn };

export async function summaryInConversation(
  footnote: Footnote,
  conversations: Conversations | undefined,
  key: ConversationKey,
  libraryId: string,
  opts: { articleId?: string; asked?: string; signal?: AbortSignal } = {},
): Promise<SummaryOutcome> {
  const noTurns = { recent: async () => [] };
  const articleId =
    opts.articleId?.trim() ||
    (await articleInFocus(footnote, conversations?.store ?? noTurns, key, libraryId));
  if (!articleId) return { kind: "no-articles" };
  const result = await footnote.summarize?.(libraryId, articleId, { signal: opts.signal });
  if (!result) return { kind: "no-such-article", articleId };
  if (result.abstained || !conversations) return { kind: "summary", articleId, result };
  const turn: Turn = {
    question: opts.asked ?? `/summary ${articleId}`,
    resolved: `/summary ${articleId}`,
    answer: result.answer,
    abstained: false,
    articleIds: [articleId],
    entities: namesIn(result.answer),
    at: Date.now(),
  };
  try {
    await conversations.store.append(key, turn);
  } catch {
    // History is a convenience: the summary is given all the same.
    return { kind: "summary", articleId, result };
  }
  return { kind: "summary", articleId, result, turn };
}

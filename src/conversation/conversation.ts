/**
 * Asking within a conversation: the question is resolved against the turn before (or the
 * answer it replies to), asked with the recent turns as history, and kept as a new turn. The
 * bot and `footnote chat` both go through here, so they remember the same way.
 */
import type { Logger } from "../logger.ts";
import type { AnswerResult, AskOptions, Footnote } from "../types.ts";
import { articleToAskFirst, askWithFocus } from "./article-focus.ts";
import { namesIn, resolveFollowUp } from "./follow-up.ts";
import type { ConversationKey, ConversationStore, Turn } from "./types.ts";

export interface Asked {
  result: AnswerResult;
  turn: Turn;
  followUp: boolean;
  ms: number;
}

export interface ConversationAskOptions extends Pick<AskOptions, "onPartial" | "signal"> {
  /** The turn this question replies to (a reply to one of the bot's answers in a group). */
  replyTo?: Turn;
}

/** The sentences an answer quoted: "… [1] … [2]" back into its sentences. */
function answeredSentences(turn: Turn): string[] {
  if (turn.abstained) return [];
  return turn.answer
    .split(/\s*\[\d+\]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export class Conversations {
  constructor(
    private readonly footnote: Footnote,
    readonly store: ConversationStore,
    private readonly logger: Logger,
  ) {}

  /** The turn a reply to `messageId` continues, if that message was an answer still remembered. */
  threadOf(chat: string, messageId: number): Promise<Turn | undefined> {
    return this.store.byMessage(chat, messageId);
  }

  async ask(
    key: ConversationKey,
    libraryId: string,
    question: string,
    opts: ConversationAskOptions = {},
  ): Promise<Asked> {
    const started = performance.now();
    const history = await this.store.recent(key);
    const previous = opts.replyTo ?? history.at(-1);
    const resolved = resolveFollowUp(question, previous);
    // A reply to an answer continues that answer's thread (someone else's, in a group), not
    // whatever this conversation asked last.
    const context = opts.replyTo ? [opts.replyTo] : history;
    const askOpts: AskOptions = {
      onPartial: opts.onPartial,
      signal: opts.signal,
      history: context.map((t) => ({ question: t.question, answer: t.answer })),
      ...(resolved.followUp && previous
        ? {
            resolved: resolved.question,
            articleIds: resolved.articleIds,
            ...(resolved.again ? {} : { exclude: answeredSentences(previous) }),
          }
        : {}),
    };
    // A follow-up already stays on the articles that answered it; a new question starts on the
    // article the conversation is on, if any.
    const first =
      resolved.followUp || opts.replyTo
        ? undefined
        : await articleToAskFirst(this.footnote, libraryId, previous, this.store.horizon);
    const { result, focus } = await askWithFocus(this.footnote, libraryId, question, askOpts, first);
    const ms = performance.now() - started;
    const turn: Turn = {
      question,
      resolved: resolved.question,
      answer: result.answer,
      abstained: result.abstained,
      articleIds: [...new Set(result.citations.map((c) => c.articleId))],
      entities: result.abstained ? [] : namesIn(result.answer),
      at: Date.now(),
      ...(focus ? { focus } : {}),
    };
    // History and statistics are a convenience: failing to write them must not lose the answer.
    try {
      await this.store.append(key, turn);
      await this.store.recordQuestion({
        at: turn.at,
        libraryId,
        abstained: result.abstained,
        ms,
        followUp: resolved.followUp,
      });
    } catch (e) {
      this.logger.warn({ err: e }, "could not save the conversation turn");
    }
    return { result, turn, followUp: resolved.followUp, ms };
  }

  /** Remembers which message carried the answer, so a reply to it continues the thread. */
  async noteMessage(key: ConversationKey, turn: Turn, messageId: number): Promise<void> {
    try {
      await this.store.setMessageId(key, turn.at, messageId);
    } catch (e) {
      this.logger.warn({ err: e }, "could not note the answer's message");
    }
  }

  reset(key: ConversationKey): Promise<void> {
    return this.store.clear(key);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

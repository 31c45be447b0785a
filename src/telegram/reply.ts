/**
 * Sending and editing: answers must arrive even when the non-essential calls around them
 * (chat actions, progress edits) fail, so those are caught and logged here.
 */
import { GrammyError, HttpError, type Context } from "grammy";
import type { Message } from "grammy/types";
import { FootnoteError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { htmlToPlain } from "./html.ts";

type ReplyOther = Parameters<Context["reply"]>[1];

const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

const isNotModified = (e: unknown) =>
  e instanceof GrammyError && /message is not modified/i.test(e.description);
/** Telegram refusing our markup is our bug; the text should still get through. */
const isMarkupError = (e: unknown) =>
  e instanceof GrammyError &&
  e.error_code === 400 &&
  /parse entities|start tag|end tag|entity/i.test(e.description);

/**
 * An expected Telegram failure (a refused chat action, a message gone, the network) as one
 * short log field instead of a stack trace.
 */
export function telegramFailure(e: unknown): { reason: string; code?: number; method?: string } {
  if (e instanceof GrammyError) return { reason: e.description, code: e.error_code, method: e.method };
  if (e instanceof HttpError) return { reason: `network: ${e.message}` };
  return { reason: e instanceof Error ? e.message : String(e) };
}

export function replyTo(messageId: number | undefined): ReplyOther {
  return messageId === undefined
    ? {}
    : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}

export async function sendHtml(
  ctx: Context,
  html: string,
  logger: Logger,
  other: ReplyOther = {},
): Promise<Message.TextMessage> {
  try {
    return await ctx.reply(html, { ...HTML, ...other });
  } catch (e) {
    if (!isMarkupError(e)) throw e;
    logger.error({ err: e }, "Telegram refused our HTML; sending the message as plain text");
    return ctx.reply(htmlToPlain(html), { link_preview_options: HTML.link_preview_options, ...other });
  }
}

export async function editHtml(
  ctx: Context,
  messageId: number,
  html: string,
  logger: Logger,
  other: Parameters<Context["api"]["editMessageText"]>[3] = {},
): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) throw new Error("editHtml needs a chat");
  try {
    await ctx.api.editMessageText(chatId, messageId, html, { ...HTML, ...other });
  } catch (e) {
    if (isNotModified(e)) return;
    if (!isMarkupError(e)) throw e;
    logger.error({ err: e }, "Telegram refused our HTML; editing as plain text");
    await ctx.api.editMessageText(chatId, messageId, htmlToPlain(html), {
      link_preview_options: HTML.link_preview_options,
      ...other,
    });
  }
}

/** Shows "typing" now and every few seconds (Telegram clears it after ~5 s) until stopped. */
export function keepTyping(ctx: Context, logger: Logger, everyMs = 4000): () => Promise<void> {
  let stopped = false;
  let last: Promise<unknown> = Promise.resolve();
  const send = () => {
    if (stopped) return;
    last = ctx.replyWithChatAction("typing").catch((e: unknown) => {
      // Refused once, it would be refused again every few seconds: one line, and no more tries.
      stopped = true;
      logger.warn({ chatId: ctx.chat?.id, ...telegramFailure(e) }, "could not show typing (sendChatAction)");
    });
  };
  send();
  const timer = setInterval(send, everyMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    // An action landing after the answer would show "typing" again; wait for it, but not long.
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([last, new Promise((r) => (wait = setTimeout(r, 1000)))]);
    clearTimeout(wait);
  };
}

/**
 * One message that is shown early and updated as work goes on (ingest progress, a streaming
 * answer), at most once per `minIntervalMs`, then replaced by the final text. Failed updates
 * are logged and skipped; the final text is always delivered, as new messages if need be.
 */
export class LiveMessage {
  private messageId: number | undefined;
  private shown: string | undefined;
  private pending: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastAt = 0;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly finalIds: number[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly logger: Logger,
    private readonly opts: {
      minIntervalMs?: number;
      replyToMessageId?: number;
      /** A message of the bot's to edit from the start (an offer that becomes the result). */
      messageId?: number;
    } = {},
  ) {
    this.messageId = opts.messageId;
  }

  get started(): boolean {
    return this.messageId !== undefined;
  }

  /** The messages that hold the final text, in order, once finished. */
  get messageIds(): readonly number[] {
    return this.finalIds;
  }

  /** Shows the first version now. */
  async start(html: string): Promise<void> {
    this.pending = undefined;
    this.chain = this.chain.then(() => this.show(html));
    await this.chain;
  }

  /** Asks for `html` to be shown; only the latest request is shown once the interval allows. */
  update(html: string): void {
    if (this.closed) return;
    this.pending = html;
    if (this.timer) return;
    const wait = Math.max(0, this.lastAt + (this.opts.minIntervalMs ?? 1000) - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const next = this.pending;
      this.pending = undefined;
      if (next !== undefined) this.chain = this.chain.then(() => this.show(next));
    }, wait);
  }

  /** Stops further updates (a pending one is dropped) and waits for one under way. */
  async cancel(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  /** Replaces the message with the first part and sends the rest. */
  async finish(
    parts: readonly string[],
    firstOther: Parameters<Context["api"]["editMessageText"]>[3] = {},
  ): Promise<void> {
    await this.cancel();
    let rest = parts;
    if (this.messageId !== undefined && parts.length > 0) {
      try {
        await editHtml(this.ctx, this.messageId, parts[0]!, this.logger, firstOther);
        this.finalIds.push(this.messageId);
        rest = parts.slice(1);
      } catch (e) {
        this.logger.warn(
          { chatId: this.ctx.chat?.id, ...telegramFailure(e) },
          "could not edit the progress message; sending the result as a new message",
        );
      }
    }
    for (const [i, part] of rest.entries()) {
      const first = i === 0 && rest === parts;
      const sent = await sendHtml(
        this.ctx,
        part,
        this.logger,
        first ? { ...replyTo(this.opts.replyToMessageId), ...(firstOther as ReplyOther) } : {},
      );
      this.finalIds.push(sent.message_id);
    }
  }

  private async show(html: string): Promise<void> {
    if (this.closed || html === this.shown) return;
    this.lastAt = Date.now();
    try {
      if (this.messageId === undefined) {
        this.messageId = (
          await sendHtml(this.ctx, html, this.logger, replyTo(this.opts.replyToMessageId))
        ).message_id;
      } else {
        await editHtml(this.ctx, this.messageId, html, this.logger);
      }
      this.shown = html;
    } catch (e) {
      this.logger.warn(
        { chatId: this.ctx.chat?.id, ...telegramFailure(e) },
        "could not show a progress update",
      );
    }
  }
}

/** Users' mistakes and refused inputs are warnings; anything else is an error worth a look. */
export function logFailure(
  logger: Logger,
  error: unknown,
  msg: string,
  fields: Record<string, unknown> = {},
): void {
  // A refused input is expected: one line with its code and message, no stack.
  if (error instanceof FootnoteError)
    logger.warn({ ...fields, code: error.code, reason: error.message }, msg);
  // A failed Telegram call: what Telegram said (description, error_code) and of which method.
  else if (error instanceof GrammyError || error instanceof HttpError)
    logger.error({ ...fields, ...telegramFailure(error) }, msg);
  else logger.error({ ...fields, err: error }, msg);
}

/**
 * Adding articles: `/ingest <link or text>`, `/ingest` in reply to a message or a file, a file
 * captioned /ingest, and in private chats any file or forwarded message.
 */
import { Composer, type Context } from "grammy";
import type { Document, Message, MessageEntity } from "grammy/types";
import { FootnoteError, isFootnoteError } from "../../errors.ts";
import type { IngestProgress, IngestResult, IngestSource } from "../../types.ts";
import { isCommandForBot, isPrivateChat } from "../addressing.ts";
import { canChangeLibrary } from "../access.ts";
import type { FeatureDeps } from "../deps.ts";
import { downloadFile, TELEGRAM_DOWNLOAD_LIMIT, tooLarge } from "../download.ts";
import { findLinks, onlyLink } from "../../ingest/find-link.ts";
import { isArticleText } from "../../conversation/message-kind.ts";
import { escapeHtml } from "../../text/escape-html.ts";
import { libraryIdFor } from "../library-id.ts";
import { addedHtml, INGEST_USAGE, localizedError, say, type Messages } from "../messages.ts";
import { translatorFor } from "../i18n.ts";
import { LiveMessage, logFailure } from "../reply.ts";
import { suggestedKeyboard } from "./suggested.ts";

export { INGEST_USAGE };

/** A text this short that carries a link is an announcement of the article, not the article. */
const SHORT_TEXT = 500;

const READABLE = /\.(txt|text|html?|md|markdown|pdf)$/i;
const READABLE_TYPES = /^(text\/(plain|html|markdown|x-markdown)|application\/(pdf|xhtml\+xml))\b/i;

export interface Plan {
  /** What the "Reading…" message names. */
  label: string;
  /** Resolved late, so a file download happens under the "Reading…" message. */
  source: () => Promise<IngestSource>;
}

export type Resolved = Plan | { refusal: string };

export function ingestFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("ingest", async (ctx) => {
    const msg = ctx.message;
    if (!msg) return;
    await ingest(ctx, deps, (lines) => planFromCommand(ctx, deps, lines, msg, String(ctx.match ?? "")));
  });
  // Commands in captions are not seen by command(); a file captioned /ingest is.
  composer.on("message:document", async (ctx, next) => {
    const msg = ctx.message;
    const captioned = /^\/ingest(@\w+)?(\s|$)/i.test(msg.caption ?? "") && isCommandForBot(msg, ctx.me);
    if (!captioned && !isPrivateChat(ctx)) return next();
    await ingest(ctx, deps, (lines) => planFromDocument(ctx, deps, lines, msg.document));
  });
  composer.chatType("private").on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (msg.forward_origin === undefined || (msg.text === undefined && msg.caption === undefined))
      return next();
    await ingest(ctx, deps, (lines) => planFromMessage(ctx, deps, lines, msg));
  });
  return composer;
}

/**
 * Reads and stores an article, showing progress in one message that becomes the result.
 * `undo`: a new article's result carries a button that removes it again (for links the bot
 * took without being asked to). `into`: a message of the bot's that becomes the progress and
 * the result, instead of a new one (the paste offer whose "Add it" was pressed).
 */
export async function ingest(
  ctx: Context,
  deps: FeatureDeps,
  plan: (lines: Messages) => Resolved,
  opts: { undo?: boolean; into?: number } = {},
): Promise<IngestResult | undefined> {
  const { config, footnote, logger, limits } = deps;
  if (!canChangeLibrary(config, ctx.from?.id)) {
    await ctx.reply(say(ctx).onlyAdminsAdd);
    return;
  }
  const lines = say(ctx);
  const resolved = plan(lines);
  if ("refusal" in resolved) {
    await ctx.reply(resolved.refusal, { link_preview_options: { is_disabled: true } });
    return;
  }
  const limit = await limits.ingests.take(ctx.from?.id ?? ctx.chat!.id);
  if (!limit.ok) {
    await ctx.reply(say(ctx).ingestTooFast(limits.ingests.limit, limit.retryAfterMs));
    return;
  }
  const live = new LiveMessage(ctx, logger, {
    replyToMessageId: isPrivateChat(ctx) ? undefined : ctx.msg?.message_id,
    ...(opts.into !== undefined ? { messageId: opts.into } : {}),
  });
  await live.start(`📖 ${escapeHtml(resolved.label)}`);
  const started = performance.now();
  let result: IngestResult;
  let kind: IngestSource["kind"] | undefined;
  try {
    const source = await resolved.source();
    kind = source.kind;
    result = await footnote.ingest(libraryIdFor(config, ctx.chat!.id), source, {
      onProgress: (p) => live.update(`📖 ${escapeHtml(progressText(lines, p, resolved.label))}`),
      companion: true,
    });
  } catch (e) {
    logFailure(logger, e, "ingest failed", { chatId: ctx.chat?.id, source: kind });
    await live.finish([escapeHtml(lines.couldNotAdd(localizedError(ctx, e)))]);
    return;
  }
  logger.info(
    {
      chatId: ctx.chat?.id,
      source: kind,
      articleId: result.id,
      chunks: result.chunks,
      duplicate: result.duplicate,
      ms: Math.round(performance.now() - started),
    },
    "ingested",
  );
  const undo = opts.undo && !result.duplicate;
  // The suggested questions (companion) as buttons, then Undo on a row of its own.
  const keyboard = suggestedKeyboard(result.id, result.questions ?? []);
  if (undo) keyboard.text(lines.undo, `undo:${result.id}`);
  await live.finish(
    [addedHtml(translatorFor(ctx), result)],
    keyboard.inline_keyboard.some((row) => row.length) ? { reply_markup: keyboard } : {},
  );
  return result;
}

function progressText(lines: Messages, p: IngestProgress, label: string): string {
  switch (p.stage) {
    case "reading":
      return label;
    case "chunking":
      return lines.progressChunking;
    case "embedding":
      return lines.progressEmbedding(p.done ?? 0, p.total);
    case "storing":
      return lines.progressStoring;
  }
}

function planFromCommand(
  ctx: Context,
  deps: FeatureDeps,
  lines: Messages,
  msg: Message,
  arg: string,
): Resolved {
  const text = arg.trim();
  if (text !== "") {
    // Entities index the whole message; the argument is its tail.
    const offset = (msg.text ?? "").length - arg.length;
    const entities = (msg.entities ?? [])
      .filter((e) => e.offset >= offset)
      .map((e) => ({ ...e, offset: e.offset - offset }));
    return planFromText(lines, arg, entities);
  }
  const replied = msg.reply_to_message;
  if (replied) return planFromMessage(ctx, deps, lines, replied);
  return { refusal: lines.ingestUsage };
}

function planFromMessage(ctx: Context, deps: FeatureDeps, lines: Messages, msg: Message): Resolved {
  if (msg.document) return planFromDocument(ctx, deps, lines, msg.document);
  const text = msg.text ?? msg.caption;
  if (text === undefined || text.trim() === "") return { refusal: lines.noTextInMessage };
  return planFromText(lines, text, msg.entities ?? msg.caption_entities ?? []);
}

/**
 * A link, when the text is a short note around one (with or without a scheme: "www.…",
 * "bbc.com/…"); else the text itself, when it is long enough to be an article; else nothing.
 */
export function planFromText(lines: Messages, text: string, entities: readonly MessageEntity[]): Resolved {
  const trimmed = text.trim();
  const link = firstLink(text, entities) ?? findLinks(trimmed)[0]?.url;
  if (link && trimmed.length < SHORT_TEXT) return planFromLink(lines, link);
  if (!isArticleText(trimmed))
    return { refusal: lines.notAnArticle(trimmed.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) };
  return planFromPaste(lines, trimmed);
}

export function planFromLink(lines: Messages, url: string): Plan {
  return { label: lines.readingLink(url), source: async () => ({ kind: "url", url }) };
}

export function planFromPaste(lines: Messages, text: string): Plan {
  const trimmed = text.trim();
  return { label: lines.readingText(trimmed.length), source: async () => ({ kind: "text", text: trimmed }) };
}

/** The first web link, preferring links away from Telegram itself (channels link their own posts). */
export function firstLink(text: string, entities: readonly MessageEntity[]): string | undefined {
  const links: string[] = [];
  for (const e of entities) {
    let url: string | undefined;
    if (e.type === "text_link") url = e.url;
    else if (e.type === "url") url = text.slice(e.offset, e.offset + e.length);
    if (!url) continue;
    // Without a scheme, as findLinks reads it: https://, or http:// for a host with a port.
    if (!/^https?:\/\//i.test(url)) url = onlyLink(url) ?? url;
    if (/^https?:\/\//i.test(url)) links.push(url);
  }
  return links.find((u) => !/^https?:\/\/(t\.me|telegram\.me)\//i.test(u)) ?? links[0];
}

function planFromDocument(ctx: Context, deps: FeatureDeps, lines: Messages, doc: Document): Resolved {
  const name = doc.file_name ?? lines.theFile;
  if (!READABLE.test(doc.file_name ?? "") && !READABLE_TYPES.test(doc.mime_type ?? "")) {
    return {
      refusal: lines.unreadableFile(name),
    };
  }
  const maxBytes = TELEGRAM_DOWNLOAD_LIMIT;
  if (doc.file_size !== undefined && doc.file_size > maxBytes)
    return { refusal: tooLarge(maxBytes, doc.file_size).message };
  return {
    label: lines.readingFile(name),
    source: async () => {
      const bytes = await downloadFile({
        api: ctx.api,
        apiRoot: deps.config.TELEGRAM_API_ROOT,
        token: deps.token,
        fileId: doc.file_id,
        maxBytes,
        timeoutMs: Math.max(deps.config.FETCH_TIMEOUT_MS, 60_000),
      }).catch((e: unknown) => {
        if (isFootnoteError(e)) throw e;
        throw new FootnoteError(
          "FETCH_FAILED",
          "Could not get that file from Telegram; please send it again.",
          { cause: e },
        );
      });
      return {
        kind: "file",
        bytes,
        filename: doc.file_name,
        ...(doc.mime_type ? { contentType: doc.mime_type } : {}),
      };
    },
  };
}

/**
 * Adding articles: `/ingest <link or text>`, `/ingest` in reply to a message or a file, a file
 * captioned /ingest, and in private chats any file or forwarded message.
 */
import { Composer, type Context } from "grammy";
import type { Document, Message, MessageEntity } from "grammy/types";
import { FootnoteError, isFootnoteError, userMessage } from "../../errors.ts";
import type { IngestProgress, IngestResult, IngestSource } from "../../types.ts";
import { isCommandForBot, isPrivateChat } from "../addressing.ts";
import { canChangeLibrary } from "../access.ts";
import type { FeatureDeps } from "../deps.ts";
import { downloadFile, TELEGRAM_DOWNLOAD_LIMIT, tooLarge } from "../download.ts";
import { escapeHtml, titleLink, truncate } from "../html.ts";
import { libraryIdFor } from "../library-id.ts";
import { retryAfterText } from "../rate-limit.ts";
import { LiveMessage, logFailure } from "../reply.ts";

export const INGEST_USAGE =
  "Send /ingest followed by a link or by the article's text, or reply /ingest to a message or to a .txt, .html, .md or .pdf file.";

/** A text this short that carries a link is an announcement of the article, not the article. */
const SHORT_TEXT = 500;

const READABLE = /\.(txt|text|html?|md|markdown|pdf)$/i;
const READABLE_TYPES = /^(text\/(plain|html|markdown|x-markdown)|application\/(pdf|xhtml\+xml))\b/i;

interface Plan {
  /** What the "Reading…" message names. */
  label: string;
  /** Resolved late, so a file download happens under the "Reading…" message. */
  source: () => Promise<IngestSource>;
}

type Resolved = Plan | { refusal: string };

export function ingestFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("ingest", async (ctx) => {
    const msg = ctx.message;
    if (!msg) return;
    await ingest(ctx, deps, () => planFromCommand(ctx, deps, msg, String(ctx.match ?? "")));
  });
  // Commands in captions are not seen by command(); a file captioned /ingest is.
  composer.on("message:document", async (ctx, next) => {
    const msg = ctx.message;
    const captioned = /^\/ingest(@\w+)?(\s|$)/i.test(msg.caption ?? "") && isCommandForBot(msg, ctx.me);
    if (!captioned && !isPrivateChat(ctx)) return next();
    await ingest(ctx, deps, () => planFromDocument(ctx, deps, msg.document));
  });
  composer.chatType("private").on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (msg.forward_origin === undefined || (msg.text === undefined && msg.caption === undefined))
      return next();
    await ingest(ctx, deps, () => planFromMessage(ctx, deps, msg));
  });
  return composer;
}

async function ingest(ctx: Context, deps: FeatureDeps, plan: () => Resolved): Promise<void> {
  const { config, footnote, logger, limits } = deps;
  if (!canChangeLibrary(config, ctx.from?.id)) {
    await ctx.reply("Only the bot's admins can add articles here.");
    return;
  }
  const resolved = plan();
  if ("refusal" in resolved) {
    await ctx.reply(resolved.refusal, { link_preview_options: { is_disabled: true } });
    return;
  }
  const limit = await limits.ingests.take(ctx.from?.id ?? ctx.chat!.id);
  if (!limit.ok) {
    await ctx.reply(
      `You are adding articles faster than ${limits.ingests.limit} a minute; try again in ${retryAfterText(limit.retryAfterMs)}.`,
    );
    return;
  }
  const live = new LiveMessage(ctx, logger, {
    replyToMessageId: isPrivateChat(ctx) ? undefined : ctx.msg?.message_id,
  });
  await live.start(`📖 ${escapeHtml(resolved.label)}`);
  let result: IngestResult;
  try {
    const source = await resolved.source();
    result = await footnote.ingest(libraryIdFor(config, ctx.chat!.id), source, {
      onProgress: (p) => live.update(`📖 ${escapeHtml(progressText(p, resolved.label))}`),
    });
  } catch (e) {
    logFailure(logger, e, "ingest failed", { chatId: ctx.chat?.id });
    await live.finish([escapeHtml(`Could not add that: ${userMessage(e)}`)]);
    return;
  }
  logger.info(
    { chatId: ctx.chat?.id, articleId: result.id, chunks: result.chunks, duplicate: result.duplicate },
    "ingested",
  );
  await live.finish([resultText(result)]);
}

function resultText(r: IngestResult): string {
  const title = titleLink(truncate(r.title || "Untitled", 200), r.url);
  if (r.duplicate)
    return `I already have ${title} (id <code>${escapeHtml(r.id)}</code>). Ask me about it, or see /list.`;
  const passages = `${r.chunks} passage${r.chunks === 1 ? "" : "s"}`;
  return `Added ${title}: ${passages} (id <code>${escapeHtml(r.id)}</code>). Ask me about it, or see /list.`;
}

function progressText(p: IngestProgress, label: string): string {
  switch (p.stage) {
    case "reading":
      return label;
    case "chunking":
      return "Cutting it into passages…";
    case "embedding":
      return p.total ? `Indexing passages: ${p.done ?? 0} of ${p.total}…` : "Indexing passages…";
    case "storing":
      return "Saving…";
  }
}

function planFromCommand(ctx: Context, deps: FeatureDeps, msg: Message, arg: string): Resolved {
  const text = arg.trim();
  if (text !== "") {
    // Entities index the whole message; the argument is its tail.
    const offset = (msg.text ?? "").length - arg.length;
    const entities = (msg.entities ?? [])
      .filter((e) => e.offset >= offset)
      .map((e) => ({ ...e, offset: e.offset - offset }));
    return planFromText(arg, entities);
  }
  const replied = msg.reply_to_message;
  if (replied) return planFromMessage(ctx, deps, replied);
  return { refusal: INGEST_USAGE };
}

function planFromMessage(ctx: Context, deps: FeatureDeps, msg: Message): Resolved {
  if (msg.document) return planFromDocument(ctx, deps, msg.document);
  const text = msg.text ?? msg.caption;
  if (text === undefined || text.trim() === "")
    return { refusal: "That message has no text to read. " + INGEST_USAGE };
  return planFromText(text, msg.entities ?? msg.caption_entities ?? []);
}

/** Text, unless it is a short note around a link, in which case the link is the article. */
function planFromText(text: string, entities: readonly MessageEntity[]): Resolved {
  const trimmed = text.trim();
  const link = firstLink(text, entities) ?? (/^https?:\/\/\S+$/i.test(trimmed) ? trimmed : undefined);
  if (link && (trimmed === link || trimmed.length < SHORT_TEXT)) {
    return { label: `Reading ${truncate(link, 300)}…`, source: async () => ({ kind: "url", url: link }) };
  }
  return {
    label: `Reading your text (${trimmed.length.toLocaleString("en")} characters)…`,
    source: async () => ({ kind: "text", text: trimmed }),
  };
}

/** The first web link, preferring links away from Telegram itself (channels link their own posts). */
export function firstLink(text: string, entities: readonly MessageEntity[]): string | undefined {
  const links: string[] = [];
  for (const e of entities) {
    let url: string | undefined;
    if (e.type === "text_link") url = e.url;
    else if (e.type === "url") url = text.slice(e.offset, e.offset + e.length);
    if (!url) continue;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) url = `https://${url}`;
    if (/^https?:\/\//i.test(url)) links.push(url);
  }
  return links.find((u) => !/^https?:\/\/(t\.me|telegram\.me)\//i.test(u)) ?? links[0];
}

function planFromDocument(ctx: Context, deps: FeatureDeps, doc: Document): Resolved {
  const name = doc.file_name ?? "the file";
  if (!READABLE.test(doc.file_name ?? "") && !READABLE_TYPES.test(doc.mime_type ?? "")) {
    return {
      refusal: `I can read .txt, .html, .md and .pdf files; ${truncate(name, 100)} is not one of those.`,
    };
  }
  const maxBytes = TELEGRAM_DOWNLOAD_LIMIT;
  if (doc.file_size !== undefined && doc.file_size > maxBytes)
    return { refusal: tooLarge(maxBytes, doc.file_size).message };
  return {
    label: `Reading ${truncate(name, 200)}…`,
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

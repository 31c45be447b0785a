/**
 * What a plain message in a private chat is, when nobody said: a link (alone, or with a few
 * words) is read and stored at once, with an Undo button; a long paste that reads like an
 * article is offered for storing with a button; anything else goes on as a question. The paste
 * itself is not kept: the offer replies to it, and the button reads it back from there.
 */
import { Composer, InlineKeyboard, type Context } from "grammy";
import { classifyMessage } from "../../conversation/message-kind.ts";
import type { FeatureDeps } from "../deps.ts";
import { escapeHtml } from "../../text/escape-html.ts";
import { canChangeLibrary } from "../access.ts";
import { libraryIdFor } from "../library-id.ts";
import { say } from "../messages.ts";
import { editHtml, telegramFailure } from "../reply.ts";
import { answer } from "./ask.ts";
import { ingest, planFromLink, planFromPaste } from "./ingest.ts";

export function messageFeature(deps: FeatureDeps): Composer<Context> {
  const { config, footnote, logger } = deps;
  const composer = new Composer<Context>();
  const done = (ctx: Context, text?: string) =>
    ctx
      .answerCallbackQuery(text ? { text } : {})
      .catch((e: unknown) => logger.warn(telegramFailure(e), "answerCallbackQuery failed"));

  composer.chatType("private").on("message:text", async (ctx, next) => {
    const msg = ctx.message;
    const first = msg.entities?.[0];
    if ((first?.type === "bot_command" && first.offset === 0) || msg.forward_origin) return next();
    const kind = classifyMessage(msg.text, config.MAX_QUESTION_CHARS);
    switch (kind.kind) {
      case "question":
        return next();
      case "link":
        await ingest(ctx, deps, (lines) => planFromLink(lines, kind.url), { undo: true });
        return;
      case "article": {
        if (!canChangeLibrary(config, ctx.from.id)) return next();
        const lines = say(ctx);
        await ctx.reply(lines.pasteOffer(kind.words), {
          reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true },
          reply_markup: new InlineKeyboard()
            .text(lines.pasteAdd, "paste:add")
            .text(lines.pasteAsk, "paste:ask"),
        });
        return;
      }
    }
  });

  composer.callbackQuery(/^paste:(add|ask)$/, async (ctx) => {
    const offer = ctx.callbackQuery.message;
    const pasted = offer && "reply_to_message" in offer ? offer.reply_to_message?.text : undefined;
    if (!ctx.chat || !offer) return done(ctx);
    if (!pasted) {
      await done(ctx, say(ctx).pasteGone);
      return;
    }
    const add = ctx.match[1] === "add";
    await done(ctx);
    // The buttons go, so the offer cannot be taken twice.
    await editHtml(
      ctx,
      offer.message_id,
      escapeHtml(add ? say(ctx).pasteAdding : say(ctx).pasteAsking),
      logger,
      {
        reply_markup: { inline_keyboard: [] },
      },
    ).catch((e: unknown) => logger.warn(telegramFailure(e), "could not close the paste offer"));
    // The offer becomes the progress, then the result: no "Adding it…" left behind.
    if (add) await ingest(ctx, deps, (lines) => planFromPaste(lines, pasted), { into: offer.message_id });
    else await answer(ctx, deps, pasted.trim());
  });

  composer.callbackQuery(/^undo:([\w-]{1,64})$/, async (ctx) => {
    const message = ctx.callbackQuery.message;
    if (!ctx.chat || !message) return done(ctx);
    if (!canChangeLibrary(config, ctx.from.id)) return done(ctx, say(ctx).onlyAdminsRemove);
    const id = ctx.match[1]!;
    const libraryId = libraryIdFor(config, ctx.chat.id);
    const article = (await footnote.list(libraryId)).find((a) => a.id === id);
    const removed = article !== undefined && (await footnote.forget(libraryId, id));
    await done(ctx, removed ? undefined : say(ctx).undoGone);
    if (!removed || !article) return;
    logger.info({ chatId: ctx.chat.id, articleId: id }, "ingest undone");
    await editHtml(ctx, message.message_id, say(ctx).undoneHtml(article.title, article.url), logger, {
      reply_markup: { inline_keyboard: [] },
    });
  });
  return composer;
}

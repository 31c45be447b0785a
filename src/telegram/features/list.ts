/** `/list`: the chat's articles, ten a page, paged with inline buttons. */
import { Composer, InlineKeyboard, type Context } from "grammy";
import type { FeatureDeps } from "../deps.ts";
import { libraryIdFor } from "../library-id.ts";
import { renderList, type ListPage } from "../render.ts";
import { editHtml, sendHtml } from "../reply.ts";

const keyboard = (p: ListPage): InlineKeyboard | undefined => {
  if (p.pages <= 1) return undefined;
  const kb = new InlineKeyboard();
  if (p.page > 0) kb.text("‹ Prev", `list:${p.page - 1}`);
  if (p.page < p.pages - 1) kb.text("Next ›", `list:${p.page + 1}`);
  return kb;
};

export function listFeature(deps: FeatureDeps): Composer<Context> {
  const { config, footnote, logger } = deps;
  const composer = new Composer<Context>();
  composer.command("list", async (ctx) => {
    const page = renderList(await footnote.list(libraryIdFor(config, ctx.chat.id)), 0);
    const markup = keyboard(page);
    await sendHtml(ctx, page.html, logger, markup ? { reply_markup: markup } : {});
  });
  composer.callbackQuery(/^list:(\d{1,6})$/, async (ctx) => {
    const message = ctx.callbackQuery.message;
    try {
      if (!ctx.chat || !message) return;
      const page = renderList(await footnote.list(libraryIdFor(config, ctx.chat.id)), Number(ctx.match[1]));
      await editHtml(ctx, message.message_id, page.html, logger, {
        reply_markup: keyboard(page) ?? { inline_keyboard: [] },
      });
    } finally {
      // Stops the button's spinner whatever happened above.
      await ctx
        .answerCallbackQuery()
        .catch((e: unknown) => logger.warn({ err: e }, "answerCallbackQuery failed"));
    }
  });
  return composer;
}

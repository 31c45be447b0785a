/** `/list`: the chat's articles, ten a page, paged with inline buttons. */
import { Composer, InlineKeyboard, type Context } from "grammy";
import type { FeatureDeps } from "../deps.ts";
import { libraryIdFor } from "../library-id.ts";
import { translatorFor, type Translator } from "../i18n.ts";
import { renderList, type ListPage } from "../list-page.ts";
import { editHtml, sendHtml, telegramFailure } from "../reply.ts";

const keyboard = ({ t }: Translator, p: ListPage): InlineKeyboard | undefined => {
  if (p.pages <= 1) return undefined;
  const kb = new InlineKeyboard();
  if (p.page > 0) kb.text(t("list-prev"), `list:${p.page - 1}`);
  if (p.page < p.pages - 1) kb.text(t("list-next"), `list:${p.page + 1}`);
  return kb;
};

export function listFeature(deps: FeatureDeps): Composer<Context> {
  const { config, footnote, logger } = deps;
  const composer = new Composer<Context>();
  composer.command("list", async (ctx) => {
    const tr = translatorFor(ctx);
    const page = renderList(tr, await footnote.list(libraryIdFor(config, ctx.chat.id)), 0);
    const markup = keyboard(tr, page);
    await sendHtml(ctx, page.html, logger, markup ? { reply_markup: markup } : {});
  });
  composer.callbackQuery(/^list:(\d{1,6})$/, async (ctx) => {
    const message = ctx.callbackQuery.message;
    try {
      if (!ctx.chat || !message) return;
      const tr = translatorFor(ctx);
      const page = renderList(
        tr,
        await footnote.list(libraryIdFor(config, ctx.chat.id)),
        Number(ctx.match[1]),
      );
      await editHtml(ctx, message.message_id, page.html, logger, {
        reply_markup: keyboard(tr, page) ?? { inline_keyboard: [] },
      });
    } finally {
      // Stops the button's spinner whatever happened above.
      await ctx
        .answerCallbackQuery()
        .catch((e: unknown) => logger.warn(telegramFailure(e), "answerCallbackQuery failed"));
    }
  });
  return composer;
}

/** `/forget <id>`: removes an article of this chat; another chat's id is "no such article". */
import { Composer, type Context } from "grammy";
import { isFootnoteError } from "../../errors.ts";
import { canChangeLibrary } from "../access.ts";
import type { FeatureDeps } from "../deps.ts";
import { escapeHtml, titleLink, truncate } from "../html.ts";
import { libraryIdFor } from "../library-id.ts";
import { sendHtml } from "../reply.ts";

export function forgetFeature(deps: FeatureDeps): Composer<Context> {
  const { config, footnote, logger } = deps;
  const composer = new Composer<Context>();
  composer.command("forget", async (ctx) => {
    const id =
      String(ctx.match ?? "")
        .trim()
        .split(/\s+/)[0] ?? "";
    if (id === "") {
      await ctx.reply("Send /forget followed by an article's id; /list shows them.");
      return;
    }
    if (!canChangeLibrary(config, ctx.from?.id)) {
      await ctx.reply("Only the bot's admins can remove articles here.");
      return;
    }
    const libraryId = libraryIdFor(config, ctx.chat.id);
    const article = (await footnote.list(libraryId)).find((a) => a.id === id);
    let removed = false;
    try {
      removed = article !== undefined && (await footnote.forget(libraryId, id));
    } catch (e) {
      if (!isFootnoteError(e, "NOT_FOUND") && !isFootnoteError(e, "BAD_INPUT")) throw e;
    }
    if (!removed || !article) {
      await sendHtml(
        ctx,
        `No article <code>${escapeHtml(truncate(id, 80))}</code> in this chat. /list shows them.`,
        logger,
      );
      return;
    }
    logger.info({ chatId: ctx.chat.id, articleId: id }, "forgot an article");
    await sendHtml(
      ctx,
      `Forgot ${titleLink(truncate(article.title || "Untitled", 200), article.url)} (<code>${escapeHtml(id)}</code>).`,
      logger,
    );
  });
  return composer;
}

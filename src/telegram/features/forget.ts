/** `/forget <id>`: removes an article of this chat; another chat's id is "no such article". */
import { Composer, type Context } from "grammy";
import { isFootnoteError } from "../../errors.ts";
import { canChangeLibrary } from "../access.ts";
import type { FeatureDeps } from "../deps.ts";
import { truncate } from "../html.ts";
import { escapeHtml } from "../../text/escape-html.ts";
import { libraryIdFor } from "../library-id.ts";
import { say } from "../messages.ts";
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
      await ctx.reply(say(ctx).forgetUsage);
      return;
    }
    if (!canChangeLibrary(config, ctx.from?.id)) {
      await ctx.reply(say(ctx).onlyAdminsRemove);
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
      await sendHtml(ctx, say(ctx).noSuchArticleHtml(escapeHtml(truncate(id, 80))), logger);
      return;
    }
    logger.info({ chatId: ctx.chat.id, articleId: id }, "forgot an article");
    await sendHtml(ctx, say(ctx).forgotHtml(article.title, article.url, escapeHtml(id)), logger);
  });
  return composer;
}

/** `/start` and `/help`: what the bot does, in a few lines; for admins, how it has been answering. */
import { Composer, type Context } from "grammy";
import { isAdmin } from "../access.ts";
import { isPrivateChat } from "../addressing.ts";
import type { FeatureDeps } from "../deps.ts";
import { translatorFor } from "../i18n.ts";
import { adminStatsLine, helpLines } from "../messages.ts";

const DAY_MS = 24 * 3600_000;

export function helpText(ctx: Context): string {
  return helpLines(translatorFor(ctx), { private: isPrivateChat(ctx), username: ctx.me.username }).join("\n");
}

export function helpFeature(
  deps?: Pick<FeatureDeps, "config" | "conversations" | "logger">,
): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(["start", "help"], async (ctx) => {
    let text = helpText(ctx);
    if (deps && isAdmin(deps.config, ctx.from?.id)) {
      try {
        text += `\n\n${adminStatsLine(translatorFor(ctx), await deps.conversations.store.questionStats(Date.now() - DAY_MS))}`;
      } catch (e) {
        deps.logger.warn({ err: e }, "could not read the question statistics");
      }
    }
    await ctx.reply(text, { link_preview_options: { is_disabled: true } });
  });
  return composer;
}

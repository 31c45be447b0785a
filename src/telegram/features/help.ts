/** `/start` and `/help`: what the bot does, in a few lines. */
import { Composer, type Context } from "grammy";
import { isAdmin } from "../access.ts";
import { isPrivateChat } from "../addressing.ts";
import type { FeatureDeps } from "../deps.ts";
import { helpLines } from "../messages.ts";

export function helpText(ctx: Context, deps?: Pick<FeatureDeps, "config">): string {
  return helpLines({
    private: isPrivateChat(ctx),
    username: ctx.me.username,
    admin: deps ? isAdmin(deps.config, ctx.from?.id) : false,
  }).join("\n");
}

export function helpFeature(deps?: Pick<FeatureDeps, "config">): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(["start", "help"], (ctx) =>
    ctx.reply(helpText(ctx, deps), { link_preview_options: { is_disabled: true } }),
  );
  return composer;
}

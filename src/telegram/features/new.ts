/** `/new`: forgets the conversation so far (the articles stay), so the next question stands alone. */
import { Composer, type Context } from "grammy";
import type { FeatureDeps } from "../deps.ts";
import { say } from "../messages.ts";
import { conversationKey } from "./ask.ts";

export function newFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("new", async (ctx) => {
    await deps.conversations.reset(conversationKey(ctx));
    deps.logger.info({ chatId: ctx.chat.id }, "conversation reset");
    await ctx.reply(say(ctx).newConversation);
  });
  return composer;
}

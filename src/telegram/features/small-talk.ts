/**
 * Small talk: "Привет! Что ты умеешь?", "hi", "what can you do?" get a short introduction, and
 * "thanks" a "you're welcome", in the user's language (conversation/small-talk.ts says what is
 * small talk, and in which language), instead of "I found nothing about that". In private chats any text; in groups a mention or a
 * reply to the bot, as for questions. Installed before the questions feature.
 */
import { Composer, type Context } from "grammy";
import { smallTalk, smallTalkLocale } from "../../conversation/small-talk.ts";
import { isPrivateChat, isReplyToBot, mentionsBot, stripMentions } from "../addressing.ts";
import type { FeatureDeps } from "../deps.ts";
import { translator, translatorFor } from "../i18n.ts";
import { libraryIdFor } from "../library-id.ts";
import { messages } from "../messages.ts";
import { replyTo } from "../reply.ts";

export function smallTalkFeature(deps: FeatureDeps): Composer<Context> {
  const { logger } = deps;
  const composer = new Composer<Context>();
  composer.on("message:text", async (ctx, next) => {
    const msg = ctx.message;
    const first = msg.entities?.[0];
    if (first?.type === "bot_command" && first.offset === 0) return next();
    const group = !isPrivateChat(ctx);
    if (group && !mentionsBot(msg, ctx.me) && !isReplyToBot(msg, ctx.me)) return next();
    const talk = smallTalk(stripMentions(msg, ctx.me));
    if (!talk) return next();
    const locale = smallTalkLocale(talk, translatorFor(ctx).locale);
    const lines = messages(translator(locale));
    logger.info({ chatId: ctx.chat.id, kind: talk.kind, locale }, "small talk");
    const text =
      talk.kind === "thanks"
        ? lines.youAreWelcome
        : lines.hello({ articles: await articleCount(deps, ctx.chat.id), group });
    await ctx.reply(text, {
      link_preview_options: { is_disabled: true },
      ...(group ? replyTo(msg.message_id) : {}),
    });
  });
  return composer;
}

/** How many articles the chat has, for the introduction; 0 (and a log line) if that cannot be read. */
async function articleCount(deps: FeatureDeps, chatId: number): Promise<number> {
  try {
    return (await deps.footnote.list(libraryIdFor(deps.config, chatId))).length;
  } catch (e) {
    deps.logger.warn({ chatId, err: e }, "could not count the chat's articles");
    return 0;
  }
}

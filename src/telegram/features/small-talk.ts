/**
 * Small talk: "Привет! Что ты умеешь?", "hi", "what can you do?" get a short introduction in the
 * user's language (conversation/small-talk.ts says what is small talk, and in which language),
 * instead of "I found nothing about that". In private chats any text; in groups a mention or a
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
  const { config, footnote, logger } = deps;
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
    let articles = 0;
    try {
      articles = (await footnote.list(libraryIdFor(config, ctx.chat.id))).length;
    } catch (e) {
      logger.warn({ chatId: ctx.chat.id, err: e }, "could not count the chat's articles");
    }
    logger.info({ chatId: ctx.chat.id, kind: talk.kind, locale }, "small talk");
    await ctx.reply(messages(translator(locale)).hello({ articles, group }), {
      link_preview_options: { is_disabled: true },
      ...(group ? replyTo(msg.message_id) : {}),
    });
  });
  return composer;
}

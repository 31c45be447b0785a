/**
 * Questions: any text in a private chat; in groups `/ask`, an @mention or a reply to the bot.
 * Each goes through the chat's conversation, so a follow-up ("what did he say?") is read
 * against the answer before it, and a reply to one of the bot's answers continues that answer.
 * Must be installed after the other features, since it takes the text they leave.
 */
import { Composer, type Context } from "grammy";
import type { ConversationKey } from "../../conversation/types.ts";
import type { Asked } from "../../conversation/conversation.ts";
import { isPrivateChat, isReplyToBot, mentionsBot, stripMentions } from "../addressing.ts";
import type { FeatureDeps } from "../deps.ts";
import { escapeHtml } from "../../text/escape-html.ts";
import { libraryIdFor } from "../library-id.ts";
import { localizedError, say } from "../messages.ts";
import { renderAnswer, renderPartial } from "../render.ts";
import { keepTyping, LiveMessage, logFailure } from "../reply.ts";

/** One conversation per private chat; in a group, one per person (and one per answer's thread). */
export function conversationKey(ctx: Context): ConversationKey {
  const chat = `chat:${ctx.chat!.id}`;
  return { chat, thread: isPrivateChat(ctx) ? "" : `user:${ctx.from?.id ?? 0}` };
}

export function askFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("ask", async (ctx) => {
    const question = String(ctx.match ?? "").trim();
    if (question === "") {
      await ctx.reply(say(ctx).askUsage);
      return;
    }
    await answer(ctx, deps, question);
  });
  composer.on("message:text", async (ctx) => {
    const msg = ctx.message;
    const first = msg.entities?.[0];
    if (first?.type === "bot_command" && first.offset === 0) {
      // In groups another bot's command is none of our business.
      if (isPrivateChat(ctx)) await ctx.reply(say(ctx).unknownCommand);
      return;
    }
    const addressed = isPrivateChat(ctx) || mentionsBot(msg, ctx.me) || isReplyToBot(msg, ctx.me);
    if (!addressed) return;
    const question = stripMentions(msg, ctx.me);
    if (question === "") {
      await ctx.reply(say(ctx).askMe(ctx.me.username));
      return;
    }
    await answer(ctx, deps, question);
  });
  // Stickers, photos and the like in a private chat: say what the bot can do rather than nothing.
  composer.chatType("private").on("message", (ctx) => ctx.reply(say(ctx).whatICanDo));
  return composer;
}

export async function answer(ctx: Context, deps: FeatureDeps, question: string): Promise<void> {
  const { config, conversations, logger, limits } = deps;
  if (question.length > config.MAX_QUESTION_CHARS) {
    await ctx.reply(say(ctx).questionTooLong(question.length, config.MAX_QUESTION_CHARS));
    return;
  }
  const limit = await limits.questions.take(ctx.from?.id ?? ctx.chat!.id);
  if (!limit.ok) {
    await ctx.reply(say(ctx).askTooFast(limits.questions.limit, limit.retryAfterMs));
    return;
  }
  const key = conversationKey(ctx);
  // A reply to one of the bot's answers carries that answer's conversation on.
  const repliedTo = ctx.message?.reply_to_message;
  const replyTo =
    repliedTo && repliedTo.from?.id === ctx.me.id
      ? await conversations.threadOf(key.chat, repliedTo.message_id)
      : undefined;
  const group = !isPrivateChat(ctx);
  const live = new LiveMessage(ctx, logger, { replyToMessageId: group ? ctx.msg?.message_id : undefined });
  const stopTyping = keepTyping(ctx, logger);
  let asked: Asked;
  try {
    asked = await conversations.ask(key, libraryIdFor(config, ctx.chat!.id), question, {
      onPartial: (text) => live.update(renderPartial(text)),
      ...(replyTo ? { replyTo } : {}),
    });
  } catch (e) {
    await stopTyping();
    await live.cancel();
    // A half-streamed answer is replaced by the apology; otherwise the error boundary replies.
    if (!live.started) throw e;
    logFailure(logger, e, "answering failed", { chatId: ctx.chat?.id });
    await live.finish([escapeHtml(localizedError(ctx, e))]);
    return;
  }
  await stopTyping();
  const { result } = asked;
  // No question text at info level: only what happened and how long it took.
  logger.info(
    {
      chatId: ctx.chat?.id,
      followUp: asked.followUp,
      thread: replyTo !== undefined,
      abstained: result.abstained,
      citations: result.citations.length,
      ms: Math.round(asked.ms),
    },
    result.abstained ? "question declined" : "question answered",
  );
  // "Not found" in the user's language: the answerer's own line is English.
  const nothing = result.abstained || result.answer.trim() === "";
  await live.finish(nothing ? [escapeHtml(say(ctx).notFound)] : renderAnswer(result, undefined, say(ctx)));
  // A reply to any part of a long answer continues it.
  for (const id of live.messageIds) await conversations.noteMessage(key, asked.turn, id);
}

/**
 * Questions: any text in a private chat; in groups `/ask`, an @mention or a reply to the bot.
 * Must be installed after the other features, since it takes the text they leave.
 */
import { Composer, type Context } from "grammy";
import { userMessage } from "../../errors.ts";
import type { AnswerResult } from "../../types.ts";
import { isPrivateChat, isReplyToBot, mentionsBot, stripMentions } from "../addressing.ts";
import type { FeatureDeps } from "../deps.ts";
import { escapeHtml } from "../html.ts";
import { libraryIdFor } from "../library-id.ts";
import { retryAfterText } from "../rate-limit.ts";
import { renderAnswer, renderPartial } from "../render.ts";
import { keepTyping, LiveMessage, logFailure } from "../reply.ts";

export function askFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("ask", async (ctx) => {
    const question = String(ctx.match ?? "").trim();
    if (question === "") {
      await ctx.reply("Send /ask followed by your question about this chat's articles.");
      return;
    }
    await answer(ctx, deps, question);
  });
  composer.on("message:text", async (ctx) => {
    const msg = ctx.message;
    const first = msg.entities?.[0];
    if (first?.type === "bot_command" && first.offset === 0) {
      // In groups another bot's command is none of our business.
      if (isPrivateChat(ctx)) await ctx.reply("I don't know that command. /help lists what I can do.");
      return;
    }
    const addressed = isPrivateChat(ctx) || mentionsBot(msg, ctx.me) || isReplyToBot(msg, ctx.me);
    if (!addressed) return;
    const question = stripMentions(msg, ctx.me);
    if (question === "") {
      await ctx.reply(
        `Ask me a question about this chat's articles, e.g. @${ctx.me.username} who was at the meeting?`,
      );
      return;
    }
    await answer(ctx, deps, question);
  });
  // Stickers, photos and the like in a private chat: say what the bot can do rather than nothing.
  composer
    .chatType("private")
    .on("message", (ctx) =>
      ctx.reply(
        "Send me a question as text, or an article with /ingest (a link, pasted text or a .txt/.html/.md/.pdf file). /help explains more.",
      ),
    );
  return composer;
}

async function answer(ctx: Context, deps: FeatureDeps, question: string): Promise<void> {
  const { config, footnote, logger, limits } = deps;
  if (question.length > config.MAX_QUESTION_CHARS) {
    await ctx.reply(
      `That question is ${question.length} characters long; the limit is ${config.MAX_QUESTION_CHARS} (MAX_QUESTION_CHARS). Please shorten it.`,
    );
    return;
  }
  const limit = await limits.questions.take(ctx.from?.id ?? ctx.chat!.id);
  if (!limit.ok) {
    await ctx.reply(
      `You are asking faster than ${limits.questions.limit} questions a minute; try again in ${retryAfterText(limit.retryAfterMs)}.`,
    );
    return;
  }
  const group = !isPrivateChat(ctx);
  const live = new LiveMessage(ctx, logger, { replyToMessageId: group ? ctx.msg?.message_id : undefined });
  const stopTyping = keepTyping(ctx, logger);
  let result: AnswerResult;
  try {
    result = await footnote.ask(libraryIdFor(config, ctx.chat!.id), question, {
      onPartial: (text) => live.update(renderPartial(text)),
    });
  } catch (e) {
    await stopTyping();
    await live.cancel();
    // A half-streamed answer is replaced by the apology; otherwise the error boundary replies.
    if (!live.started) throw e;
    logFailure(logger, e, "answering failed", { chatId: ctx.chat?.id });
    await live.finish([escapeHtml(userMessage(e))]);
    return;
  }
  await stopTyping();
  logger.debug(
    { chatId: ctx.chat?.id, abstained: result.abstained, citations: result.citations.length },
    "answered",
  );
  await live.finish(renderAnswer(result));
}

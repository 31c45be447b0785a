/**
 * Summaries: `/summary [id]`, and "tl;dr", "Summarise it", "What is this article about?" in a
 * private chat (in a group, said to the bot). Without an id the summary is of the article in
 * focus: the one the conversation last drew on, or the one added since. The reply is shaped
 * like an answer (cited sentences, the quotes under them) and becomes a turn of the
 * conversation, so "what did he say?" may follow it. Installed before the ask feature.
 */
import { Composer, type Context } from "grammy";
import { summaryInConversation } from "../../companion/in-conversation.ts";
import { isSummaryRequest } from "../../conversation/message-kind.ts";
import { isPrivateChat, isReplyToBot, mentionsBot, stripMentions } from "../addressing.ts";
import type { FeatureDeps } from "../deps.ts";
import { escapeHtml } from "../../text/escape-html.ts";
import { libraryIdFor } from "../library-id.ts";
import { say } from "../messages.ts";
import { renderAnswer } from "../render.ts";
import { keepTyping, replyTo, sendHtml } from "../reply.ts";
import { conversationKey } from "./ask.ts";

export function summaryFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("summary", (ctx) => summarize(ctx, deps, String(ctx.match ?? "").trim()));
  composer.on("message:text", async (ctx, next) => {
    const msg = ctx.message;
    const addressed = isPrivateChat(ctx) || mentionsBot(msg, ctx.me) || isReplyToBot(msg, ctx.me);
    if (!addressed || msg.forward_origin || !isSummaryRequest(stripMentions(msg, ctx.me))) return next();
    await summarize(ctx, deps, "");
  });
  return composer;
}

/** Replies with the summary of article `id`, or of the article in focus when `id` is empty. */
export async function summarize(ctx: Context, deps: FeatureDeps, id: string): Promise<void> {
  const { config, conversations, footnote, logger } = deps;
  const lines = say(ctx);
  const key = conversationKey(ctx);
  const reply = isPrivateChat(ctx) ? {} : replyTo(ctx.msg?.message_id);
  const stopTyping = keepTyping(ctx, logger);
  const started = performance.now();
  let outcome;
  try {
    outcome = await summaryInConversation(footnote, conversations, key, libraryIdFor(config, ctx.chat!.id), {
      articleId: id,
      ...(ctx.message?.text ? { asked: ctx.message.text } : {}),
    });
  } finally {
    await stopTyping();
  }
  if (outcome.kind === "no-articles") {
    await ctx.reply(lines.summaryNoArticles, reply);
    return;
  }
  if (outcome.kind === "no-such-article") {
    await sendHtml(ctx, lines.noSuchArticleHtml(escapeHtml(outcome.articleId)), logger, reply);
    return;
  }
  const { result, turn, articleId } = outcome;
  logger.info(
    {
      chatId: ctx.chat?.id,
      articleId,
      abstained: result.abstained,
      ms: Math.round(performance.now() - started),
    },
    "summary given",
  );
  if (result.abstained) {
    await ctx.reply(lines.summaryNothing, reply);
    return;
  }
  for (const [i, part] of renderAnswer(result, undefined, lines).entries()) {
    const sent = await sendHtml(ctx, part, logger, i === 0 ? reply : {});
    // A reply to the summary continues its thread, as a reply to an answer does.
    if (turn) await conversations.noteMessage(key, turn, sent.message_id);
  }
}

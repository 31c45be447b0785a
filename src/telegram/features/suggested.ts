/**
 * The suggested questions under "Added …": each is an inline button whose text is the
 * question; pressing it asks that question in the chat, and the answer arrives as any answer
 * does. The question is read back from the button itself, so nothing is kept for it.
 */
import { Composer, InlineKeyboard, type Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { FeatureDeps } from "../deps.ts";
import { escapeHtml } from "../../text/escape-html.ts";
import { say } from "../messages.ts";
import { sendHtml, telegramFailure } from "../reply.ts";
import { answer } from "./ask.ts";

/** Callback data of the button for an article's `i`-th suggested question. */
export const suggestedData = (articleId: string, i: number) => `sq:${articleId}:${i}`;

/** The suggested questions as buttons, one a row (a question is too long to share one). */
export function suggestedKeyboard(articleId: string, questions: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  questions.forEach((q, i) => kb.text(q, suggestedData(articleId, i)).row());
  return kb;
}

export function suggestedFeature(deps: FeatureDeps): Composer<Context> {
  const { logger } = deps;
  const composer = new Composer<Context>();
  composer.callbackQuery(/^sq:[\w-]{1,64}:\d{1,2}$/, async (ctx) => {
    const message = ctx.callbackQuery.message;
    const rows: InlineKeyboardButton[][] =
      (message && "reply_markup" in message ? message.reply_markup?.inline_keyboard : undefined) ?? [];
    const button = rows
      .flat()
      .find((b) => "callback_data" in b && b.callback_data === ctx.callbackQuery.data);
    await ctx
      .answerCallbackQuery(button ? {} : { text: say(ctx).suggestedGone })
      .catch((e: unknown) => logger.warn(telegramFailure(e), "answerCallbackQuery failed"));
    if (!button || !ctx.chat) return;
    // The chat shows what was asked, then the answer under it.
    await sendHtml(ctx, `❓ <i>${escapeHtml(button.text)}</i>`, logger);
    await answer(ctx, deps, button.text);
  });
  return composer;
}

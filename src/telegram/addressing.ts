/** Whether a message is meant for the bot: in groups it speaks only when spoken to. */
import type { Context } from "grammy";
import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";
import { COMMAND_NAMES } from "./commands.ts";

export const isPrivateChat = (ctx: Context): boolean => ctx.chat?.type === "private";

function entityText(text: string, e: MessageEntity): string {
  return text.slice(e.offset, e.offset + e.length);
}

function isOwnMention(text: string, e: MessageEntity, me: UserFromGetMe): boolean {
  if (e.type === "mention") return entityText(text, e).toLowerCase() === `@${me.username.toLowerCase()}`;
  if (e.type === "text_mention") return e.user.id === me.id;
  return false;
}

export function mentionsBot(msg: Message, me: UserFromGetMe): boolean {
  const text = msg.text ?? "";
  return (msg.entities ?? []).some((e) => isOwnMention(text, e, me));
}

export function isReplyToBot(msg: Message, me: UserFromGetMe): boolean {
  return msg.reply_to_message?.from?.id === me.id;
}

/** A leading /command that is ours: `/cmd@ourbot`, or a bare command from our menu. */
export function isCommandForBot(msg: Message, me: UserFromGetMe): boolean {
  const text = msg.text ?? msg.caption ?? "";
  const m = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s|$)/.exec(text);
  if (!m) return false;
  if (m[2] !== undefined) return m[2].toLowerCase() === me.username.toLowerCase();
  return COMMAND_NAMES.has((m[1] ?? "").toLowerCase());
}

/** The message text without the bot's own @mentions. */
export function stripMentions(msg: Message, me: UserFromGetMe): string {
  let text = msg.text ?? "";
  const own = (msg.entities ?? [])
    .filter((e) => isOwnMention(text, e, me))
    .sort((a, b) => b.offset - a.offset);
  for (const e of own) text = text.slice(0, e.offset) + text.slice(e.offset + e.length);
  return text
    .replace(/[ \t]{2,}/g, " ")
    .replace(/^[\s,:;]+/, "")
    .trim();
}

/** In a private chat everything is for the bot; in a group only commands, mentions and replies. */
export function isAddressedToBot(ctx: Context): boolean {
  if (ctx.callbackQuery) return true;
  const msg = ctx.message;
  if (!msg) return false;
  if (isPrivateChat(ctx)) return true;
  return isCommandForBot(msg, ctx.me) || mentionsBot(msg, ctx.me) || isReplyToBot(msg, ctx.me);
}

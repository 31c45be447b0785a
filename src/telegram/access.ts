/** Who may use the bot: allowed users or chats, and admins, who are always allowed. */
import type { Context, MiddlewareFn } from "grammy";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { isAddressedToBot, isPrivateChat } from "./addressing.ts";
import { messages } from "./messages.ts";
import { translatorFor, translator, DEFAULT_LOCALE, type Translator } from "./i18n.ts";
import { SlidingWindowLimiter } from "../replicas/sliding-window.ts";

type AccessConfig = Pick<Config, "ALLOWED_USER_IDS" | "ALLOWED_CHAT_IDS" | "ADMIN_USER_IDS" | "INGEST">;
type IdList = number[] | "*";

const inList = (list: IdList, id: number | undefined) =>
  list === "*" || (id !== undefined && list.includes(id));

export function isAdmin(config: AccessConfig, userId: number | undefined): boolean {
  return inList(config.ADMIN_USER_IDS, userId);
}

/** A message passes if its sender is allowed or its chat is; both lists empty lets nobody in. */
export function isAllowed(
  config: AccessConfig,
  userId: number | undefined,
  chatId: number | undefined,
): boolean {
  return (
    isAdmin(config, userId) ||
    inList(config.ALLOWED_USER_IDS, userId) ||
    inList(config.ALLOWED_CHAT_IDS, chatId)
  );
}

/** Adding and removing articles: everyone allowed in, or only admins when INGEST=admins. */
export function canChangeLibrary(config: AccessConfig, userId: number | undefined): boolean {
  return config.INGEST === "everyone" || isAdmin(config, userId);
}

export function nobodyAllowed(config: AccessConfig): boolean {
  const empty = (l: IdList) => l !== "*" && l.length === 0;
  return empty(config.ALLOWED_USER_IDS) && empty(config.ALLOWED_CHAT_IDS) && empty(config.ADMIN_USER_IDS);
}

export function strangerLine(
  userId: number,
  chatId: number | undefined,
  isGroup: boolean,
  tr: Translator = translator(DEFAULT_LOCALE),
): string {
  return messages(tr).stranger(userId, isGroup ? chatId : undefined);
}

/**
 * Lets allowed updates through. A stranger who addresses the bot gets one line with their id
 * (at most twice a minute, so a stranger cannot make it spam a group); anything else is dropped.
 */
export function accessGuard(config: AccessConfig, logger: Logger): MiddlewareFn<Context> {
  const refusals = new SlidingWindowLimiter(2, 60_000);
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    const chatId = ctx.chat?.id;
    if (isAllowed(config, userId, chatId)) return next();
    if (userId === undefined || !isAddressedToBot(ctx)) return;
    logger.info({ userId, chatId }, "refused a user who is not allowed");
    if (!refusals.take(userId).ok) return;
    const line = strangerLine(userId, chatId, !isPrivateChat(ctx), translatorFor(ctx));
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: line.slice(0, 200), show_alert: true });
    else await ctx.reply(line, { link_preview_options: { is_disabled: true } });
  };
}

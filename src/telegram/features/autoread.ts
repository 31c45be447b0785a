/**
 * A group that reads its own links: after an admin's `/autoread on`, every link posted in the
 * group is read and stored without anyone addressing the bot; `/autoread off` stops it. The
 * setting is the chat's (conversation/chat-settings.ts), so it survives a restart and every
 * replica sees it.
 *
 * The bot stays quiet about it: the switch is confirmed with a reaction, a link read gets a
 * reaction, and a link that cannot be read is skipped with one log line and nothing said to the
 * group. Reading goes through the same guards as /ingest: who may add articles, the fetcher's
 * address check and size limits, and the ingest rate limit (here the chat's, so a busy group
 * cannot keep the bot reading). A link the chat already has is not fetched again.
 */
import { Composer, type Context } from "grammy";
import type { Message, ReactionTypeEmoji } from "grammy/types";
import { isFootnoteError } from "../../errors.ts";
import { findLinks, onlyLink } from "../../ingest/find-link.ts";
import { canChangeLibrary, isAdmin } from "../access.ts";
import { isCommandForBot, isPrivateChat, isReplyToBot, mentionsBot } from "../addressing.ts";
import type { FeatureDeps } from "../deps.ts";
import { libraryIdFor } from "../library-id.ts";
import { say } from "../messages.ts";
import { replyTo, telegramFailure } from "../reply.ts";

/** At most this many links of one message are read. */
const LINKS_PER_MESSAGE = 3;
/** The switch took. */
const SWITCHED: ReactionTypeEmoji["emoji"] = "👌";
/** A link was read and stored. */
const READ: ReactionTypeEmoji["emoji"] = "✍";

/** The chat's settings key: the same `chat:<id>` its conversations use. */
export const settingsKey = (chatId: number) => `chat:${chatId}`;

export function autoreadFeature(deps: FeatureDeps): Composer<Context> {
  const { logger } = deps;
  const settings = deps.conversations.store;
  const recent = new RecentLinks();
  const composer = new Composer<Context>();

  composer.command("autoread", async (ctx) => {
    const lines = say(ctx);
    const chatId = ctx.chat.id;
    const quiet = { link_preview_options: { is_disabled: true }, ...replyTo(ctx.msg.message_id) };
    if (isPrivateChat(ctx)) {
      await ctx.reply(lines.autoreadPrivate);
      return;
    }
    const arg = String(ctx.match ?? "")
      .trim()
      .toLowerCase();
    const on = ["on", "yes", "true", "1"].includes(arg);
    const off = ["off", "no", "false", "0"].includes(arg);
    if (!on && !off) {
      const current = (await settings.chatSettings(settingsKey(chatId))).autoread;
      await ctx.reply(lines.autoreadState(current), quiet);
      return;
    }
    if (!(await maySwitch(ctx, deps))) {
      await ctx.reply(lines.autoreadOnlyAdmins, quiet);
      return;
    }
    await settings.setChatSetting(settingsKey(chatId), "autoread", on);
    logger.info({ chatId, userId: ctx.from?.id, autoread: on }, "autoread switched");
    if (on && (await privacyHidesMessages(ctx, deps))) {
      await ctx.reply(lines.autoreadPrivacy(ctx.me.username), quiet);
      return;
    }
    if (!(await react(ctx, ctx.msg.message_id, SWITCHED, deps)))
      await ctx.reply(on ? lines.autoreadOn : lines.autoreadOff, quiet);
  });

  composer.on(["message:text", "message:caption"], async (ctx, next) => {
    const msg = ctx.message;
    if (isPrivateChat(ctx)) return next();
    // Commands (anyone's) and messages for the bot are its other features' business.
    const first = (msg.entities ?? msg.caption_entities)?.[0];
    if (first?.type === "bot_command" && first.offset === 0) return next();
    if (isCommandForBot(msg, ctx.me) || mentionsBot(msg, ctx.me) || isReplyToBot(msg, ctx.me)) return next();
    const links = linksIn(msg);
    if (links.length === 0) return next();
    // Nobody addressed the bot: whatever goes wrong here is a log line, never a word to the group.
    try {
      if (!(await settings.chatSettings(settingsKey(ctx.chat.id))).autoread) return next();
      await readLinks(ctx, deps, msg, links, recent);
    } catch (e) {
      logger.error({ chatId: ctx.chat.id, err: e }, "autoread failed; the message is skipped");
    }
  });

  return composer;
}

/** Bot admins, and the group's own admins (an anonymous admin writes as the group itself). */
async function maySwitch(ctx: Context, deps: FeatureDeps): Promise<boolean> {
  const userId = ctx.from?.id;
  if (!canChangeLibrary(deps.config, userId)) return false;
  if (isAdmin(deps.config, userId)) return true;
  if (ctx.msg?.sender_chat?.id === ctx.chat?.id) return true;
  if (userId === undefined) return false;
  try {
    const member = await ctx.getChatMember(userId);
    return member.status === "creator" || member.status === "administrator";
  } catch (e) {
    deps.logger.warn(
      { chatId: ctx.chat?.id, ...telegramFailure(e) },
      "could not tell whether the user is a group admin (getChatMember)",
    );
    return false;
  }
}

/**
 * Whether Telegram keeps the group's plain messages from the bot: privacy mode on (asked afresh,
 * since it may have changed in BotFather since the start) and the bot not an admin of the group
 * (admins see every message whatever the mode).
 */
async function privacyHidesMessages(ctx: Context, deps: FeatureDeps): Promise<boolean> {
  const me = await ctx.api.getMe().catch(() => ctx.me);
  if (me.can_read_all_group_messages) return false;
  try {
    const member = await ctx.getChatMember(me.id);
    return member.status !== "administrator" && member.status !== "creator";
  } catch (e) {
    deps.logger.warn(
      { chatId: ctx.chat?.id, ...telegramFailure(e) },
      "could not read the bot's own membership",
    );
    return true;
  }
}

/** Sets one reaction on a message; false (and a log line) when Telegram refuses it. */
async function react(
  ctx: Context,
  messageId: number,
  emoji: ReactionTypeEmoji["emoji"],
  deps: FeatureDeps,
): Promise<boolean> {
  try {
    await ctx.api.setMessageReaction(ctx.chat!.id, messageId, [{ type: "emoji", emoji }]);
    return true;
  } catch (e) {
    deps.logger.warn({ chatId: ctx.chat?.id, ...telegramFailure(e) }, "could not react (setMessageReaction)");
    return false;
  }
}

/** The web links of a message, in order, without repeats and without Telegram's own post links. */
export function linksIn(msg: Message): string[] {
  const text = msg.text ?? msg.caption ?? "";
  const found: string[] = [];
  for (const e of msg.entities ?? msg.caption_entities ?? []) {
    let url: string | undefined;
    if (e.type === "text_link") url = e.url;
    else if (e.type === "url") url = text.slice(e.offset, e.offset + e.length);
    if (!url) continue;
    found.push(/^https?:\/\//i.test(url) ? url : (onlyLink(url) ?? url));
  }
  for (const l of findLinks(text)) found.push(l.url);
  const seen = new Set<string>();
  return found.filter((url) => {
    if (!/^https?:\/\//i.test(url) || /^https?:\/\/(t\.me|telegram\.me)\//i.test(url)) return false;
    const key = sameLinkKey(url);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Query parameters that only say where a link was shared from. */
const TRACKING = /^(utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|igshid|si|ref_src)$/i;

/** What two spellings of one link share: no scheme, "www.", fragment, trailing slash or tracking parameters. */
export function sameLinkKey(url: string): string {
  try {
    const u = new URL(url);
    for (const name of [...u.searchParams.keys()]) if (TRACKING.test(name)) u.searchParams.delete(name);
    return `${u.host.replace(/^www\./i, "").toLowerCase()}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * Links this process has read (or found stored) lately, per chat: a page's stored URL is its
 * canonical one, which may not be the link people post, so a link posted again is known here
 * without fetching it a second time. Bounded; forgotten at a restart, when the store's URLs remain.
 */
class RecentLinks {
  private readonly keys = new Set<string>();
  constructor(private readonly max = 2000) {}

  has(chatId: number, url: string): boolean {
    return this.keys.has(`${chatId} ${sameLinkKey(url)}`);
  }

  add(chatId: number, url: string): void {
    const key = `${chatId} ${sameLinkKey(url)}`;
    this.keys.delete(key);
    this.keys.add(key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value!);
  }
}

async function readLinks(
  ctx: Context,
  deps: FeatureDeps,
  msg: Message,
  links: string[],
  recent: RecentLinks,
): Promise<void> {
  const { config, footnote, logger, limits } = deps;
  const chatId = ctx.chat!.id;
  if (!canChangeLibrary(config, ctx.from?.id)) {
    logger.debug({ chatId, userId: ctx.from?.id }, "autoread: the sender may not add articles; skipped");
    return;
  }
  const libraryId = libraryIdFor(config, chatId);
  const stored = new Set(
    (await footnote.list(libraryId)).flatMap((a) => (a.url ? [sameLinkKey(a.url)] : [])),
  );
  let read = 0;
  for (const url of links.slice(0, LINKS_PER_MESSAGE)) {
    const host = hostOf(url);
    if (stored.has(sameLinkKey(url)) || recent.has(chatId, url)) {
      logger.debug({ chatId, host }, "autoread: the chat already has that link; skipped");
      continue;
    }
    const limit = await limits.ingests.take(chatId);
    if (!limit.ok) {
      logger.info(
        { chatId, host, retryAfterMs: limit.retryAfterMs },
        "autoread: over the ingest rate limit; link skipped",
      );
      return;
    }
    const started = performance.now();
    try {
      const result = await footnote.ingest(libraryId, { kind: "url", url });
      logger.info(
        {
          chatId,
          source: "autoread",
          articleId: result.id,
          chunks: result.chunks,
          duplicate: result.duplicate,
          ms: Math.round(performance.now() - started),
        },
        "ingested",
      );
      recent.add(chatId, url);
      if (!result.duplicate) read++;
    } catch (e) {
      // One line, and nothing to the group: nobody asked for this link to be read.
      const why = isFootnoteError(e) ? { code: e.code, reason: e.message } : { err: e };
      logger.warn({ chatId, host, ...why }, "autoread: could not read a link; skipped");
    }
  }
  if (read > 0) await react(ctx, msg.message_id, READ, deps);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

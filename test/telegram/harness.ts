/**
 * Drives a bot built by createBot through `handleUpdate`, with an API transformer that
 * records every call and answers like Telegram (checking HTML the way Telegram does).
 */
import { Writable } from "node:stream";
import type { Transformer } from "grammy";
import type { Message, Update } from "grammy/types";
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createBot } from "../../src/telegram/bot.ts";
import type { Footnote } from "../../src/types.ts";
import {
  botInfoFixture,
  buildUserMessage,
  checkMessageText,
  FAKE_TOKEN,
  type ApiError,
  type UserMessageOptions,
} from "../helpers/fake-bot-api.ts";
import { FakeFootnote } from "./fake-footnote.ts";

export const OWNER = 42;
export const botInfo = botInfoFixture();

type Prev = Parameters<Transformer>[0];
type Respond = (method: string, payload: Record<string, unknown>, prev: Prev) => unknown;

export interface Sent {
  chatId: number;
  messageId: number;
  text: string;
  plain: string;
  payload: Record<string, unknown>;
  history: string[];
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    ALLOWED_USER_IDS: String(OWNER),
    LOG_LEVEL: "debug",
    ...env,
  });
}

export function makeTestBot(
  opts: { env?: Record<string, string>; footnote?: Footnote; respond?: Respond } = {},
) {
  const config = testConfig(opts.env);
  const logs: string[] = [];
  const logger = createLogger(
    config,
    new Writable({ write: (chunk, _enc, cb) => (logs.push(String(chunk)), cb()) }),
  );
  const footnote = opts.footnote ?? new FakeFootnote();
  const bot = createBot({ config, footnote, logger, botInfo });
  const calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  const sent: Sent[] = [];
  let nextId = 1;
  let nextBotMessageId = 9000;

  bot.api.config.use(async (prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: p });
    const custom = await opts.respond?.(method, p, prev);
    if (custom !== undefined) return custom as never;
    if (method === "sendMessage" || method === "editMessageText") {
      const checked = checkMessageText(String(p.text ?? ""), p.parse_mode as string | undefined);
      if ("error" in checked) return { ok: false, ...checked.error } as never;
      if (method === "sendMessage") {
        const message = {
          message_id: nextBotMessageId++,
          date: 0,
          chat: { id: Number(p.chat_id), type: "private" },
          from: botInfo,
          text: checked.plain,
        };
        sent.push({
          chatId: Number(p.chat_id),
          messageId: message.message_id,
          text: String(p.text),
          plain: checked.plain,
          payload: p,
          history: [String(p.text)],
        });
        return { ok: true, result: message } as never;
      }
      const target = sent.find((s) => s.chatId === Number(p.chat_id) && s.messageId === Number(p.message_id));
      if (!target)
        return { ok: false, error_code: 400, description: "Bad Request: message to edit not found" } as never;
      if (
        target.text === String(p.text) &&
        JSON.stringify(target.payload.reply_markup ?? null) === JSON.stringify(p.reply_markup ?? null)
      ) {
        return { ok: false, error_code: 400, description: "Bad Request: message is not modified" } as never;
      }
      Object.assign(target, {
        text: String(p.text),
        plain: checked.plain,
        payload: { ...target.payload, ...p },
      });
      target.history.push(String(p.text));
      return {
        ok: true,
        result: {
          message_id: target.messageId,
          date: 0,
          chat: { id: target.chatId, type: "private" },
          text: checked.plain,
        },
      } as never;
    }
    if (method === "getMe") return { ok: true, result: botInfo } as never;
    return { ok: true, result: true } as never;
  });

  const handle = (update: Omit<Update, "update_id">) => bot.handleUpdate({ ...update, update_id: nextId++ });

  /** A user message; defaults: the owner, in a private chat. */
  const send = async (o: Partial<UserMessageOptions> & { text?: string }): Promise<Message> => {
    const userId = o.userId ?? OWNER;
    const message = buildUserMessage({ chatId: o.chatId ?? userId, userId, ...o }, 100 + nextId);
    await handle({ message } as Omit<Update, "update_id">);
    return message;
  };

  return {
    bot,
    config,
    footnote: footnote as FakeFootnote,
    calls,
    sent,
    logs,
    handle,
    send,
    /** Messages the bot sent to a chat (latest text). */
    to: (chatId: number) => sent.filter((s) => s.chatId === chatId),
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    /** A message from the bot, to reply to. */
    botMessage: (chatId: number, text = "an earlier answer"): Message =>
      ({
        message_id: 7000 + nextId++,
        date: 0,
        chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
        from: botInfo,
        text,
      }) as unknown as Message,
  };
}

export const apiError = (e: ApiError) => ({ ok: false, ...e });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

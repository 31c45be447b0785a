/**
 * A local HTTP server speaking enough of the Telegram Bot API for the bot to run against it:
 * `POST|GET /bot<token>/<method>` and `/file/bot<token>/<path>` downloads. Tests push updates
 * in (`sendUserMessage`, `pushUpdate`) and read what the bot sent (`waitForMessage`).
 * HTML messages are checked the way Telegram checks them (tags, entities, 4,096 characters),
 * so markup the real API would refuse fails here too.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  Chat,
  Document,
  Message,
  MessageEntity,
  MessageOrigin,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";

export const FAKE_TOKEN = "123456789:TEST-fake-token-abcdefghijklmnopqrstuvw";

export function botInfoFixture(overrides: Partial<UserFromGetMe> = {}): UserFromGetMe {
  return {
    id: 123456789,
    is_bot: true,
    first_name: "Footnote",
    username: "footnote_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Telegram's HTML rules

const TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export interface ParsedHtml {
  text: string;
  error?: string;
}

/** Parses parse_mode=HTML text as Telegram does; `error` says what Telegram would refuse. */
export function parseTelegramHtml(html: string): ParsedHtml {
  let text = "";
  const stack: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>/.exec(html.slice(i, i + 4096));
      if (!m) return { text, error: `can't parse entities: unsupported start tag at byte offset ${i}` };
      const [raw, slash, nameRaw, attrs] = m;
      const name = nameRaw!.toLowerCase();
      if (!TAGS.has(name))
        return { text, error: `can't parse entities: unsupported start tag "${name}" at byte offset ${i}` };
      if (slash) {
        if (stack[stack.length - 1] !== name)
          return {
            text,
            error: `can't parse entities: can't find end tag corresponding to start tag "${stack[stack.length - 1] ?? ""}" (got </${name}>)`,
          };
        stack.pop();
      } else {
        if (name === "blockquote" && stack.includes("blockquote"))
          return { text, error: "can't parse entities: nested blockquotes" };
        if (name === "a" && !/\bhref="[^"]*"/.test(attrs ?? ""))
          return { text, error: "can't parse entities: <a> without href" };
        if (name === "span" && !/class="tg-spoiler"/.test(attrs ?? ""))
          return { text, error: "can't parse entities: span without tg-spoiler class" };
        stack.push(name);
      }
      i += raw.length;
      continue;
    }
    if (ch === "&") {
      const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(html.slice(i, i + 16));
      if (!m) return { text, error: `can't parse entities: unescaped & at byte offset ${i}` };
      const e = m[1]!;
      if (e.startsWith("#x")) text += String.fromCodePoint(parseInt(e.slice(2), 16));
      else if (e.startsWith("#")) text += String.fromCodePoint(parseInt(e.slice(1), 10));
      else if (NAMED[e] !== undefined) text += NAMED[e];
      else return { text, error: `can't parse entities: unsupported entity &${e};` };
      i += m[0].length;
      continue;
    }
    if (ch === ">") return { text, error: `can't parse entities: unescaped > at byte offset ${i}` };
    text += ch;
    i++;
  }
  if (stack.length > 0)
    return {
      text,
      error: `can't parse entities: can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`,
    };
  return { text };
}

// ---------------------------------------------------------------------------------------------

export interface SentMessage {
  chatId: number;
  messageId: number;
  /** As sent (HTML when parseMode is HTML). */
  text: string;
  /** What a user would see. */
  plain: string;
  parseMode?: string;
  replyMarkup?: unknown;
  replyToMessageId?: number;
  /** Every version, the first as sent, then each edit. */
  history: string[];
  message: Message;
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export interface UserMessageOptions {
  chatId: number;
  userId: number;
  text?: string;
  chatType?: Chat["type"];
  firstName?: string;
  username?: string;
  /** The user's Telegram language (IETF tag, e.g. "ru", "pt-br"). */
  languageCode?: string;
  entities?: MessageEntity[];
  /** A message being replied to: one the bot sent, or one built by a test. */
  replyTo?: SentMessage | Message;
  document?: Document;
  caption?: string;
  forwardOrigin?: MessageOrigin;
}

type Handler = (payload: Record<string, unknown>, res: ServerResponse) => unknown;

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  readonly messages: SentMessage[] = [];
  webhook: { url: string; secretToken?: string } | undefined;
  commands: unknown;
  /** What getChatMember says of a user in a chat (the default: a plain member). */
  memberStatus: (chatId: number, userId: number) => "creator" | "administrator" | "member" = () => "member";

  private readonly events = new EventEmitter();
  private updates: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private nextFile = 1;
  private readonly chats = new Map<number, Chat>();
  /** Users' messages by chat and id, so a bot message replying to one carries it as Telegram does. */
  private readonly userMessages = new Map<string, Message>();
  private readonly files = new Map<string, { path: string; bytes: Uint8Array; size: number }>();
  private readonly failures = new Map<string, ApiError[]>();
  private readonly drops = new Map<string, number>();
  private readonly waiting = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
    readonly token: string,
    readonly botInfo: UserFromGetMe,
  ) {
    this.events.setMaxListeners(100);
  }

  static async start(opts: { token?: string; botInfo?: UserFromGetMe } = {}): Promise<FakeBotApi> {
    // The server needs the instance to route to, and the instance needs the server's port.
    const ref: { api?: FakeBotApi } = {};
    const server = createServer((req, res) => {
      ref.api!.route(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(e));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    ref.api = new FakeBotApi(
      server,
      `http://127.0.0.1:${port}`,
      opts.token ?? FAKE_TOKEN,
      opts.botInfo ?? botInfoFixture(),
    );
    return ref.api;
  }

  async close(): Promise<void> {
    for (const wake of this.waiting) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- what tests do ------------------------------------------------------------------------

  pushUpdate(update: Omit<Update, "update_id">): Update {
    const full = { ...update, update_id: this.nextUpdateId++ };
    this.updates.push(full);
    for (const wake of this.waiting) wake();
    return full;
  }

  /** A user writes in a chat; Telegram's own entities (command, mentions, links) are added. */
  sendUserMessage(o: UserMessageOptions): Message {
    const message = buildUserMessage(o, this.nextMessageId++);
    this.chats.set(o.chatId, message.chat);
    this.userMessages.set(`${o.chatId}:${message.message_id}`, message);
    this.pushUpdate({ message } as Omit<Update, "update_id">);
    return message;
  }

  /** A user presses an inline button under one of the bot's messages. */
  pressButton(o: { userId: number; message: SentMessage; data: string }): void {
    this.pushUpdate({
      callback_query: {
        id: String(this.nextUpdateId * 7),
        from: { id: o.userId, is_bot: false, first_name: `User${o.userId}` },
        chat_instance: "ci",
        message: o.message.message,
        data: o.data,
      },
    });
  }

  /** A file the bot can getFile and download; returns the Document to put in a message. */
  addFile(
    bytes: Uint8Array | string,
    opts: { fileName: string; mimeType?: string; reportedSize?: number },
  ): Document {
    const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const id = `file-${this.nextFile++}`;
    const size = opts.reportedSize ?? data.byteLength;
    this.files.set(id, { path: `documents/${id}-${encodeURIComponent(opts.fileName)}`, bytes: data, size });
    return {
      file_id: id,
      file_unique_id: `u${id}`,
      file_name: opts.fileName,
      file_size: size,
      ...(opts.mimeType ? { mime_type: opts.mimeType } : {}),
    };
  }

  /** The next `times` calls of `method` get their connection dropped, as by a network failure. */
  dropNext(method: string, times = 1): void {
    this.drops.set(method, (this.drops.get(method) ?? 0) + times);
  }

  /** The next `times` calls of `method` fail with this error. */
  failNext(method: string, error: ApiError, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(error);
    this.failures.set(method, list);
  }

  messagesTo(chatId: number): SentMessage[] {
    return this.messages.filter((m) => m.chatId === chatId);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the messages to `chatId` after message `afterId` once, together, they satisfy
   * `predicate` (their plain texts joined by newlines, and the messages). On timeout it rejects
   * with what was sent there, and `context()` (say, the bot's stderr).
   */
  async waitForReplies(
    chatId: number,
    afterId: number,
    predicate: (text: string, msgs: SentMessage[]) => boolean,
    opts: { timeoutMs?: number; context?: () => string } = {},
  ): Promise<SentMessage[]> {
    const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
    for (;;) {
      const msgs = this.messagesTo(chatId).filter((m) => m.messageId > afterId);
      const text = msgs.map((m) => m.plain).join("\n");
      if (predicate(text, msgs)) return msgs;
      if (Date.now() > deadline)
        throw new Error(
          `no matching reply in chat ${chatId}; got:\n${text || "(nothing)"}\n${opts.context?.() ?? ""}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Resolves with the first message to `chatId` (in its current, possibly edited, form) that matches. */
  waitForMessage(
    chatId: number,
    predicate: (m: SentMessage) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<SentMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messagesTo(chatId).find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.messagesTo(chatId)
          .map((m) => `  #${m.messageId}: ${m.plain.slice(0, 300)}`)
          .join("\n");
        reject(
          new Error(
            `No matching message to chat ${chatId} within ${timeoutMs} ms. Sent there:\n${seen || "  (nothing)"}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("message", check);
      };
      if (!check()) this.events.on("message", check);
    });
  }

  /** Resolves when `method` has been called `count` times in all. */
  waitForCall(method: string, count = 1, timeoutMs = 10_000): Promise<ApiCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const calls = this.callsOf(method);
        if (calls.length < count) return false;
        cleanup();
        resolve(calls[count - 1]!);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${method} was not called ${count} time(s) within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("call", check);
      };
      if (!check()) this.events.on("call", check);
    });
  }

  // ---- the server -----------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.download(file[1]!, decodeURIComponent(file[2]!), res);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m)
      return void res
        .writeHead(404)
        .end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
    const [, token, method] = m;
    const payload = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
    this.calls.push({ method: method!, payload });
    this.events.emit("call");
    if (token !== this.token) return reply(res, { error_code: 401, description: "Unauthorized" });
    const drops = this.drops.get(method!) ?? 0;
    if (drops > 0) {
      this.drops.set(method!, drops - 1);
      return void res.socket?.destroy();
    }
    const failure = this.failures.get(method!)?.shift();
    if (failure) return reply(res, failure);
    const handler = this.handlers[method!];
    if (!handler)
      return reply(res, { error_code: 404, description: `Not Found: method ${method} is not in the fake` });
    const result = await handler(payload, res);
    if (result instanceof ApiFailure) return reply(res, result.error);
    if (!res.writableEnded && !res.destroyed) reply(res, undefined, result);
  }

  private download(token: string, path: string, res: ServerResponse): void {
    const found = [...this.files.values()].find(
      (f) => f.path === path || decodeURIComponent(f.path) === path,
    );
    if (token !== this.token || !found) return void res.writeHead(404).end("Not Found");
    res
      .writeHead(200, {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(found.bytes.byteLength),
      })
      .end(found.bytes);
  }

  private readonly handlers: Record<string, Handler> = {
    getMe: () => this.botInfo,
    getUpdates: (p, res) => this.getUpdates(p, res),
    deleteWebhook: () => {
      this.webhook = undefined;
      return true;
    },
    setWebhook: (p) => {
      this.webhook = {
        url: String(p.url),
        ...(p.secret_token ? { secretToken: String(p.secret_token) } : {}),
      };
      return true;
    },
    getWebhookInfo: () => ({
      url: this.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: 0,
    }),
    setMyCommands: (p) => {
      this.commands = p.commands;
      return true;
    },
    sendChatAction: () => true,
    answerCallbackQuery: () => true,
    setMessageReaction: () => true,
    getChatMember: (p) => ({
      status: this.memberStatus(Number(p.chat_id), Number(p.user_id)),
      user: { id: Number(p.user_id), is_bot: Number(p.user_id) === this.botInfo.id, first_name: "?" },
    }),
    sendMessage: (p) => this.sendMessage(p),
    editMessageText: (p) => this.editMessageText(p),
    deleteMessage: () => true,
    getFile: (p) => {
      const f = this.files.get(String(p.file_id));
      if (!f) return new ApiFailure({ error_code: 400, description: "Bad Request: invalid file_id" });
      return {
        file_id: p.file_id,
        file_unique_id: `u${String(p.file_id)}`,
        file_size: f.size,
        file_path: f.path,
      };
    },
  };

  private async getUpdates(p: Record<string, unknown>, res: ServerResponse): Promise<Update[] | ApiFailure> {
    if (this.webhook) {
      return new ApiFailure({
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Math.max(0, Number(p.timeout ?? 0));
    // An offset confirms every update before it.
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    const ready = () => this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    if (ready().length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeout * 1000);
        this.waiting.add(wake);
        res.once("close", wake);
      });
    }
    return ready();
  }

  private sendMessage(p: Record<string, unknown>): Message | ApiFailure {
    const chatId = Number(p.chat_id);
    const checked = checkText(String(p.text ?? ""), p.parse_mode as string | undefined);
    if (checked instanceof ApiFailure) return checked;
    const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.chats.get(chatId) ?? {
        id: chatId,
        type: chatId < 0 ? "supergroup" : "private",
        first_name: "?",
      },
      from: this.botInfo,
      text: checked,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
      ...(replyTo !== undefined && this.repliedTo(chatId, replyTo)
        ? { reply_to_message: this.repliedTo(chatId, replyTo) }
        : {}),
    } as Message;
    const sent: SentMessage = {
      chatId,
      messageId: message.message_id,
      text: String(p.text),
      plain: checked,
      ...(p.parse_mode ? { parseMode: String(p.parse_mode) } : {}),
      ...(p.reply_markup ? { replyMarkup: p.reply_markup } : {}),
      ...(replyTo !== undefined ? { replyToMessageId: replyTo } : {}),
      history: [String(p.text)],
      message,
    };
    this.messages.push(sent);
    this.events.emit("message");
    return message;
  }

  /** The message a reply points at: a user's, or one the bot sent (without its own reply, as Telegram nests one level). */
  private repliedTo(chatId: number, messageId: number): Message | undefined {
    const user = this.userMessages.get(`${chatId}:${messageId}`);
    if (user) return user;
    const own = this.messages.find((m) => m.chatId === chatId && m.messageId === messageId)?.message;
    if (!own) return undefined;
    const { reply_to_message: _nested, ...flat } = own as Message & { reply_to_message?: unknown };
    return flat;
  }

  private editMessageText(p: Record<string, unknown>): Message | ApiFailure {
    const sent = this.messages.find(
      (m) => m.chatId === Number(p.chat_id) && m.messageId === Number(p.message_id),
    );
    if (!sent)
      return new ApiFailure({ error_code: 400, description: "Bad Request: message to edit not found" });
    const checked = checkText(String(p.text ?? ""), p.parse_mode as string | undefined);
    if (checked instanceof ApiFailure) return checked;
    if (
      String(p.text) === sent.text &&
      JSON.stringify(p.reply_markup ?? null) === JSON.stringify(sent.replyMarkup ?? null)
    ) {
      return new ApiFailure({
        error_code: 400,
        description:
          "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      });
    }
    sent.text = String(p.text);
    sent.plain = checked;
    sent.history.push(sent.text);
    if (p.parse_mode) sent.parseMode = String(p.parse_mode);
    else delete sent.parseMode;
    if (p.reply_markup) sent.replyMarkup = p.reply_markup;
    else delete sent.replyMarkup;
    sent.message = {
      ...sent.message,
      text: checked,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
    } as Message;
    this.events.emit("message");
    return sent.message;
  }
}

/** A message as Telegram would deliver it from a user. */
export function buildUserMessage(o: UserMessageOptions, messageId: number): Message {
  const chatType = o.chatType ?? (o.chatId < 0 ? "supergroup" : "private");
  const from: User = {
    id: o.userId,
    is_bot: false,
    first_name: o.firstName ?? `User${o.userId}`,
    ...(o.username ? { username: o.username } : {}),
    ...(o.languageCode ? { language_code: o.languageCode } : {}),
  };
  const chat = (
    chatType === "private"
      ? { id: o.chatId, type: "private", first_name: from.first_name }
      : { id: o.chatId, type: chatType, title: `Group ${o.chatId}` }
  ) as Chat;
  return {
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    chat,
    from,
    ...(o.text !== undefined ? { text: o.text, entities: o.entities ?? autoEntities(o.text) } : {}),
    ...(o.caption !== undefined ? { caption: o.caption, caption_entities: autoEntities(o.caption) } : {}),
    ...(o.document ? { document: o.document } : {}),
    ...(o.forwardOrigin ? { forward_origin: o.forwardOrigin } : {}),
    ...(o.replyTo ? { reply_to_message: "messageId" in o.replyTo ? o.replyTo.message : o.replyTo } : {}),
  } as Message;
}

class ApiFailure {
  constructor(readonly error: ApiError) {}
}

/** Telegram's checks on a message text: the text a user sees, or the error Telegram answers. */
export function checkMessageText(
  text: string,
  parseMode: string | undefined,
): { plain: string } | { error: ApiError } {
  let plain = text;
  if (parseMode === "HTML") {
    const parsed = parseTelegramHtml(text);
    if (parsed.error) return { error: { error_code: 400, description: `Bad Request: ${parsed.error}` } };
    plain = parsed.text;
  }
  if (plain.trim() === "")
    return { error: { error_code: 400, description: "Bad Request: message text is empty" } };
  if (plain.length > 4096)
    return { error: { error_code: 400, description: "Bad Request: message is too long" } };
  return { plain };
}

function checkText(text: string, parseMode: string | undefined): string | ApiFailure {
  const checked = checkMessageText(text, parseMode);
  return "error" in checked ? new ApiFailure(checked.error) : checked.plain;
}

function reply(res: ServerResponse, error?: ApiError, result?: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const body = error ? { ok: false, ...error } : { ok: true, result };
  res
    .writeHead(error ? error.error_code : 200, { "Content-Type": "application/json" })
    .end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw === "") return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  if (type.includes("x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  throw new Error(`the fake Bot API does not read ${type} bodies`);
}

/** The entities Telegram adds to a user's text: a leading command, @mentions and links. */
export function autoEntities(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (cmd) out.push({ type: "bot_command", offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{5,32}\b/g))
    out.push({ type: "mention", offset: m.index, length: m[0].length });
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s<>"]+/g))
    out.push({ type: "url", offset: m.index, length: m[0].length });
  return out.sort((a, b) => a.offset - b.offset);
}

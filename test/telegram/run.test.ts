import { createServer } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { commandMenu, COMMANDS } from "../../src/telegram/commands.ts";
import { LOCALES } from "../../src/telegram/i18n.ts";
import { runBot } from "../../src/telegram/run.ts";
import { FAKE_TOKEN, FakeBotApi } from "../helpers/fake-bot-api.ts";
import { FakeFootnote } from "./fake-footnote.ts";
import { OWNER, sleep, testConfig } from "./harness.ts";

const ARTICLE = "Viktor Babaryko, Liliya Vlasova and Vitali Shkliarov were at the meeting.";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(env: Record<string, string> = {}, footnote = new FakeFootnote()) {
  const api = await FakeBotApi.start();
  const config = testConfig({ TELEGRAM_API_ROOT: api.apiRoot, ...env });
  const logs: string[] = [];
  const logger = createLogger(config, new Writable({ write: (c, _e, cb) => (logs.push(String(c)), cb()) }));
  await footnote.ingest(`chat:${OWNER}`, { kind: "text", text: ARTICLE });
  const ac = new AbortController();
  let finished = false;
  const done = runBot({ config, logger, footnote, signal: ac.signal, shutdownTimeoutMs: 5000 }).finally(
    () => (finished = true),
  );
  cleanups.push(async () => {
    ac.abort();
    await done.catch(() => {});
    await api.close();
  });
  return { api, ac, done, logs, footnote, isFinished: () => finished };
}

describe("runBot with long polling", () => {
  it("registers the command menu, polls for messages and callback queries, answers, and stops on abort", async () => {
    const { api, ac, done } = await start();
    await api.waitForCall("getUpdates");
    expect(api.callsOf("getMe")).toHaveLength(1);
    // English for everyone, then once per translated language with its language_code.
    const menus = api.callsOf("setMyCommands").map((c) => c.payload);
    expect(menus[0]).toEqual({ commands: COMMANDS });
    expect(menus.slice(1).map((p) => p.language_code)).toEqual(LOCALES.filter((l) => l !== "en"));
    expect(menus.find((p) => p.language_code === "ru")).toEqual({
      commands: commandMenu("ru"),
      language_code: "ru",
    });
    expect(commandMenu("ru")[0]!.description).toBe("Задать вопрос о статьях этого чата");
    expect(api.callsOf("getUpdates")[0]!.payload).toMatchObject({
      allowed_updates: ["message", "callback_query"],
    });
    api.sendUserMessage({ chatId: OWNER, userId: OWNER, text: "Who was at the meeting?" });
    const answer = await api.waitForMessage(OWNER, (m) => m.plain.includes("[1]"));
    expect(answer.text).toContain(
      "<blockquote>Viktor Babaryko, Liliya Vlasova and Vitali Shkliarov were at the meeting.</blockquote>",
    );
    ac.abort();
    await done;
  });

  it("lets an answer in flight finish before it resolves", async () => {
    const footnote = new FakeFootnote();
    let asked!: () => void;
    const started = new Promise<void>((r) => (asked = r));
    footnote.askImpl = async () => {
      asked();
      await sleep(700);
      return { answer: "Late but complete.", abstained: true, citations: [] };
    };
    const { api, ac, done, isFinished } = await start({}, footnote);
    api.sendUserMessage({ chatId: OWNER, userId: OWNER, text: "slow?" });
    await started;
    ac.abort();
    await sleep(100);
    expect(isFinished()).toBe(false);
    await done;
    expect(api.messagesTo(OWNER).map((m) => m.plain)).toHaveLength(1);
  });

  it("keeps running when setMyCommands fails", async () => {
    const { api, logs } = await startWithFailure((api) =>
      api.failNext("setMyCommands", { error_code: 400, description: "Bad Request: nope" }),
    );
    api.sendUserMessage({ chatId: OWNER, userId: OWNER, text: "Who was at the meeting?" });
    await api.waitForMessage(OWNER, (m) => m.plain.includes("Babaryko"));
    expect(logs.join("")).toContain("could not register the command menu");
  });

  it("says in one line, in Telegram's words, that the menu failed in every language", async () => {
    const { api, logs } = await startWithFailure((api) =>
      api.failNext(
        "setMyCommands",
        { error_code: 400, description: "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID" },
        LOCALES.length,
      ),
    );
    await api.waitForCall("getUpdates");
    const lines = logs
      .filter((l) => l.includes("command menu"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 40,
      code: 400,
      reason: "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID",
      method: "setMyCommands",
      msg: `could not register the command menu (setMyCommands) in ${LOCALES.length} of ${LOCALES.length} languages`,
    });
    expect(lines[0]!.locales).toHaveLength(LOCALES.length);
  });

  it("honours a 429's retry_after and retries network errors", async () => {
    const { api } = await start();
    await api.waitForCall("getUpdates");
    api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const t0 = Date.now();
    api.sendUserMessage({ chatId: OWNER, userId: OWNER, text: "Who was at the meeting?" });
    await api.waitForMessage(OWNER, (m) => m.plain.includes("Babaryko"));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(api.callsOf("sendMessage")).toHaveLength(2);

    api.dropNext("sendMessage");
    api.sendUserMessage({ chatId: OWNER, userId: OWNER, text: "And who else was at the meeting?" });
    await api.waitForMessage(
      OWNER,
      (m) => m.plain.includes("Babaryko") && m.messageId !== api.messagesTo(OWNER)[0]!.messageId,
    );
    expect(api.callsOf("sendMessage")).toHaveLength(4);
  });

  it("retries Telegram's 5xx errors with backoff", async () => {
    const { api } = await start();
    await api.waitForCall("getUpdates");
    api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    api.sendUserMessage({ chatId: OWNER, userId: OWNER, text: "Who was at the meeting?" });
    await api.waitForMessage(OWNER, (m) => m.plain.includes("Babaryko"));
    expect(api.callsOf("sendMessage")).toHaveLength(2);
  });

  it("says clearly at start that nobody is allowed yet", async () => {
    const { api, logs } = await start({ ALLOWED_USER_IDS: "" });
    await api.waitForCall("getUpdates");
    expect(logs.join("")).toContain("Nobody is allowed to use this bot yet");
  });

  async function startWithFailure(prepare: (api: FakeBotApi) => void) {
    const api = await FakeBotApi.start();
    prepare(api);
    const config = testConfig({ TELEGRAM_API_ROOT: api.apiRoot });
    const logs: string[] = [];
    const logger = createLogger(config, new Writable({ write: (c, _e, cb) => (logs.push(String(c)), cb()) }));
    const footnote = new FakeFootnote();
    await footnote.ingest(`chat:${OWNER}`, { kind: "text", text: ARTICLE });
    const ac = new AbortController();
    const done = runBot({ config, logger, footnote, signal: ac.signal });
    cleanups.push(async () => {
      ac.abort();
      await done.catch(() => {});
      await api.close();
    });
    return { api, logs, done };
  }
});

describe("runBot errors", () => {
  it("names TELEGRAM_BOT_TOKEN and BotFather when the token is missing", async () => {
    const config = { ...testConfig(), TELEGRAM_BOT_TOKEN: undefined };
    await expect(
      runBot({ config, logger: createLogger(config), footnote: new FakeFootnote() }),
    ).rejects.toThrow(/TELEGRAM_BOT_TOKEN.*BotFather|BotFather.*TELEGRAM_BOT_TOKEN/s);
  });

  it("says Telegram refused the token", async () => {
    const api = await FakeBotApi.start({ token: "1:other" });
    cleanups.push(() => api.close());
    const config = testConfig({ TELEGRAM_API_ROOT: api.apiRoot });
    const err = await runBot({
      config,
      logger: createLogger({ ...config, LOG_LEVEL: "silent" }),
      footnote: new FakeFootnote(),
    }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toContain("Telegram refused TELEGRAM_BOT_TOKEN (401: Unauthorized)");
    expect(err!.message).not.toContain(FAKE_TOKEN);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe("runBot with a webhook", () => {
  it("sets the webhook with its secret, refuses requests without it (401) and handles those with it", async () => {
    const port = await freePort();
    const secret = "s3cret-Token_1";
    const { api, ac, done } = await start({
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
      WEBHOOK_SECRET: secret,
      WEBHOOK_HOST: "127.0.0.1",
      WEBHOOK_PORT: String(port),
    });
    await api.waitForCall("setWebhook");
    expect(api.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram/hook`, secretToken: secret });
    expect(api.callsOf("setWebhook")[0]!.payload).toMatchObject({
      allowed_updates: ["message", "callback_query"],
    });
    expect(api.callsOf("getUpdates")).toEqual([]);

    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: OWNER, type: "private", first_name: "O" },
        from: { id: OWNER, is_bot: false, first_name: "O" },
        text: "Who was at the meeting?",
      },
    };
    const post = (headers: Record<string, string>, path = "/telegram/hook") =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(update),
      });

    expect((await post({})).status).toBe(401);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(401);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": secret }, "/elsewhere")).status).toBe(404);
    expect(api.messagesTo(OWNER)).toEqual([]);

    const ok = await post({ "X-Telegram-Bot-Api-Secret-Token": secret });
    expect(ok.status).toBe(200);
    const answer = await api.waitForMessage(OWNER, (m) => m.plain.includes("Babaryko"));
    expect(answer.text).toContain("<blockquote>");

    ac.abort();
    await done;
    await expect(post({ "X-Telegram-Bot-Api-Secret-Token": secret })).rejects.toThrow();
  });
});

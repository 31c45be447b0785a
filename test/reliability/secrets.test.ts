/**
 * Secrets: with a bot token, an OpenAI key and a webhook secret set, the real CLI and bot
 * paths are made to fail in ways whose error messages carry those secrets (a 401 from the
 * fake OpenAI server that echoes the key, a Bot API error that echoes the URL with the token).
 * Neither the logs nor anything a user sees may contain them. The webhook refuses requests
 * without its secret header (extends the webhook test in test/telegram/run.test.ts).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config.ts";
import { FootnoteError } from "../../src/errors.ts";
import { createFootnote } from "../../src/footnote.ts";
import { createLogger } from "../../src/logger.ts";
import { createBot } from "../../src/telegram/bot.ts";
import { createWebhookServer } from "../../src/telegram/run.ts";
import type { Footnote } from "../../src/types.ts";
import { FAKE_TOKEN, FakeBotApi } from "../helpers/fake-bot-api.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.ts";
import { FakeFootnote } from "../telegram/fake-footnote.ts";
import { OWNER, testConfig } from "../telegram/harness.ts";
import { makeArticle } from "./articles.ts";

const BIN = fileURLToPath(new URL("../../bin/footnote.js", import.meta.url));
const KEY = "sk-test-secret-123456";
const TOKEN = FAKE_TOKEN;
const WEBHOOK_SECRET = "whsec_Very-Secret-4242";

/** Every form of the secrets that must never show: whole, and the token's secret half. */
const SECRETS = [KEY, TOKEN, TOKEN.split(":")[1]!, WEBHOOK_SECRET];

function expectClean(text: string, where: string): void {
  for (const s of SECRETS) expect(text, `${where} shows a secret`).not.toContain(s);
}

/** An OpenAI-style 401 whose message repeats the key and the token, as a careless proxy might. */
const ECHOING_401 = {
  status: 401,
  body: {
    error: {
      message: `Incorrect API key provided: ${KEY}. (request from bot ${TOKEN})`,
      type: "invalid_request_error",
      param: null,
      code: "invalid_api_key",
    },
  },
};

let fake: FakeOpenAI;
let api: FakeBotApi;
const dirs: string[] = [];
beforeAll(async () => {
  fake = await startFakeOpenAI({ dimensions: 32 });
  api = await FakeBotApi.start();
});
afterAll(async () => {
  await fake?.close();
  await api?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "footnote-secrets-"));
  dirs.push(d);
  return d;
}

/** The real CLI in a child process: its stderr holds both the user's messages and the logs. */
function runCli(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("the CLI", () => {
  it("a 401 that echoes the key and token: neither reaches the terminal, at LOG_LEVEL=debug", async () => {
    const dir = await tempDir();
    const a = makeArticle(600);
    await writeFile(join(dir, "a.txt"), `${a.title}\n\n${a.text}`);
    const env = {
      DATA_DIR: join(dir, "data"),
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MAX_RETRIES: "0",
      TELEGRAM_BOT_TOKEN: TOKEN,
      WEBHOOK_SECRET,
      LOG_LEVEL: "debug",
    };
    fake.setFailure(ECHOING_401);
    const seen = fake.requests.length;
    try {
      // Embeddings are asked for (and refused) when footnote starts and when it ingests.
      const ingest = await runCli(["ingest", join(dir, "a.txt")], env, dir);
      expect(ingest.code, ingest.stderr).toBe(1);
      expect(ingest.stderr).toMatch(/API key|OPENAI_API_KEY/);
      expectClean(ingest.stdout + ingest.stderr, "footnote ingest");

      // The answer model refuses: local embeddings, so the article is stored first.
      const local = { ...env, EMBEDDINGS_PROVIDER: "local", ANSWERER: "chat" };
      const stored = await runCli(["ingest", join(dir, "a.txt")], local, dir);
      expect(stored.code, stored.stderr).toBe(0);
      const ask = await runCli(["ask", a.question], local, dir);
      expect(ask.code, ask.stderr).toBe(1);
      expect(ask.stderr).toMatch(/API key|OPENAI_API_KEY/);
      expectClean(ask.stdout + ask.stderr + stored.stdout + stored.stderr, "footnote ask");
    } finally {
      fake.setFailure(null);
    }
    // The key was really in use: it went to the provider, and only there.
    const auth = fake.requests.slice(seen).map((r) => String(r.headers.authorization));
    expect(auth.length).toBeGreaterThanOrEqual(2);
    expect(auth.every((h) => h === `Bearer ${KEY}`)).toBe(true);
  }, 60_000);

  it("invalid secret settings are named, never echoed", () => {
    const error = (() => {
      try {
        loadConfig({
          TELEGRAM_BOT_TOKEN: "my-secret-token-value",
          WEBHOOK_SECRET: "has spaces and a secret!",
          OPENAI_API_KEY: " ",
        });
      } catch (e) {
        return e as FootnoteError;
      }
      throw new Error("expected INVALID_CONFIG");
    })();
    expect(error.code).toBe("INVALID_CONFIG");
    expect(error.message).toContain("TELEGRAM_BOT_TOKEN");
    expect(error.message).toContain("WEBHOOK_SECRET");
    expect(error.message).not.toContain("my-secret-token-value");
    expect(error.message).not.toContain("has spaces and a secret!");
  });

  it("a base URL with a password in it is refused at start, without echoing the password", () => {
    const e = (() => {
      try {
        loadConfig({
          OPENAI_API_KEY: KEY,
          OPENAI_BASE_URL: "http://proxyuser:pr0xy-Passw0rd@127.0.0.1:9/v1",
        });
      } catch (err) {
        return err as FootnoteError;
      }
    })();
    expect(e).toBeInstanceOf(FootnoteError);
    expect(e!.code).toBe("INVALID_CONFIG");
    expect(e!.message).toContain("OPENAI_BASE_URL");
    expect(e!.message).not.toContain("pr0xy-Passw0rd");
    expectClean(e!.message, "the error");
  });
});

describe("the bot", () => {
  let logs: string[];
  let config: Config;
  let footnote: Footnote;
  let nextUpdate = 1;
  let bot: ReturnType<typeof createBot>;
  let article: ReturnType<typeof makeArticle>;

  beforeAll(async () => {
    const dir = await tempDir();
    config = testConfig({
      DATA_DIR: dir,
      TELEGRAM_API_ROOT: api.apiRoot,
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MAX_RETRIES: "0",
      EMBEDDINGS_PROVIDER: "local",
      ANSWERER: "chat",
      WEBHOOK_SECRET,
      LOG_LEVEL: "debug",
    });
    logs = [];
    const logger = createLogger(config, new Writable({ write: (c, _e, cb) => (logs.push(String(c)), cb()) }));
    footnote = await createFootnote({ config, logger });
    article = makeArticle(602);
    await footnote.ingest(`chat:${OWNER}`, { kind: "text", text: article.text, title: article.title });
    // The real Bot API client, over HTTP to the fake server.
    bot = createBot({ config, footnote, logger, botInfo: api.botInfo });
  });
  afterAll(async () => {
    await footnote?.close();
  });

  const say = (text: string, extra: Record<string, unknown> = {}) =>
    bot.handleUpdate({
      update_id: nextUpdate++,
      message: {
        message_id: nextUpdate,
        date: 0,
        chat: { id: OWNER, type: "private", first_name: "O" },
        from: { id: OWNER, is_bot: false, first_name: "O" },
        text,
        ...extra,
      },
    });

  const shown = () =>
    api
      .messagesTo(OWNER)
      .flatMap((m) => [m.text, ...m.history])
      .join("\n");

  it("a 401 from the answer model that echoes the key: the user gets a clear line, the logs no key", async () => {
    fake.setFailure(ECHOING_401);
    try {
      await say(article.question);
    } finally {
      fake.setFailure(null);
    }
    const reply = api.messagesTo(OWNER).at(-1)!;
    expect(reply.plain).toMatch(/API key|OPENAI_API_KEY/);
    expectClean(shown(), "the chat");
    expectClean(logs.join(""), "the logs");
  });

  it("a Bot API error that echoes the URL with the token: logged without it, and the user gets the apology", async () => {
    const before = logs.length;
    api.failNext("sendMessage", {
      error_code: 400,
      description: `Bad Request: chat not found (POST ${api.apiRoot}/bot${TOKEN}/sendMessage)`,
    });
    fake.setChatReply("The guard was there [1].");
    await say(article.question);
    const newLogs = logs.slice(before).join("");
    expect(newLogs).toContain("chat not found");
    expect(newLogs).toContain("/bot[redacted]/sendMessage");
    expectClean(logs.join(""), "the logs");
    expect(api.messagesTo(OWNER).at(-1)!.plain).toBe(
      "Something went wrong on our side. Please try again; if it keeps happening, tell the bot's admin.",
    );
    expectClean(shown(), "the chat");
  });

  it("a dropped connection to the Bot API is retried and logged without the token", async () => {
    const before = logs.length;
    api.dropNext("sendMessage");
    fake.setChatReply("The guard was there [1].");
    await say(article.question);
    expect(logs.slice(before).join("")).toContain("Telegram API unreachable; retrying");
    expect(api.messagesTo(OWNER).at(-1)!.plain).toContain(article.answer);
    expectClean(logs.join(""), "the logs");
  });

  it("a file download that fails: the message names no URL, the logs no token", async () => {
    const before = logs.length;
    // getFile refused, with the token-bearing file URL in Telegram's description.
    const document = api.addFile("x", { fileName: "story.txt", mimeType: "text/plain" });
    api.failNext("getFile", {
      error_code: 400,
      description: `Bad Request: file is temporarily unavailable at ${api.apiRoot}/file/bot${TOKEN}/documents/x`,
    });
    await say("", { text: undefined, document, caption: "/ingest" });
    expect(api.messagesTo(OWNER).at(-1)!.plain).toBe(
      "Could not add that: Could not get that file from Telegram; please send it again.",
    );
    // getFile works, but the download URL (which holds the token) answers 404, echoing it.
    const gone = api.addFile("y", { fileName: "gone.txt", mimeType: "text/plain" });
    Reflect.set(api, "download", (token: string, path: string, res: ServerResponse) =>
      res.writeHead(404).end(`Not Found: /file/bot${token}/${path}`),
    );
    try {
      await say("", { text: undefined, document: gone, caption: "/ingest" });
    } finally {
      Reflect.deleteProperty(api, "download");
    }
    expect(api.messagesTo(OWNER).at(-1)!.plain).toBe(
      "Could not add that: Telegram answered 404 when the bot downloaded the file; please try again.",
    );
    expect(logs.slice(before).join("")).toContain("ingest failed");
    expectClean(shown(), "the chat");
    expectClean(logs.join(""), "the logs");
  });

  it("nothing logged at any level in this file carried a secret", () => {
    expect(logs.length).toBeGreaterThan(5);
    expectClean(logs.join(""), "the logs");
  });
});

describe("the webhook", () => {
  let server: Server;
  let url: string;
  let footnote: FakeFootnote;
  let logs: string[];

  beforeAll(async () => {
    const config = testConfig({
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: "https://bot.example.com/telegram/hook",
      WEBHOOK_SECRET,
      LOG_LEVEL: "debug",
    });
    logs = [];
    const logger = createLogger(config, new Writable({ write: (c, _e, cb) => (logs.push(String(c)), cb()) }));
    footnote = new FakeFootnote();
    await footnote.ingest(`chat:${OWNER}`, { kind: "text", text: "Viktor Babaryko was at the meeting." });
    footnote.calls.length = 0;
    const bot = createBot({ config, footnote, logger, botInfo: api.botInfo });
    server = createWebhookServer(bot, { path: "/telegram/hook", secret: WEBHOOK_SECRET, logger });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  const update = (id: number) =>
    JSON.stringify({
      update_id: id,
      message: {
        message_id: id,
        date: 0,
        chat: { id: OWNER, type: "private", first_name: "O" },
        from: { id: OWNER, is_bot: false, first_name: "O" },
        text: "Who was at the meeting?",
      },
    });
  const post = (headers: Record<string, string>, body: string | Blob = update(1), target = url) =>
    fetch(target, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("answers 401 and handles nothing without the exact secret header", async () => {
    const sent = api.messagesTo(OWNER).length;
    const attempts: Array<[string, Record<string, string>, string?]> = [
      ["no header", {}],
      ["empty header", { "X-Telegram-Bot-Api-Secret-Token": "" }],
      ["wrong case", { "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET.toUpperCase() }],
      ["a prefix", { "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET.slice(0, -1) }],
      ["with a suffix", { "X-Telegram-Bot-Api-Secret-Token": `${WEBHOOK_SECRET}x` }],
      ["as a bearer token", { Authorization: `Bearer ${WEBHOOK_SECRET}` }],
      ["in the query string", {}, `${url}?secret_token=${WEBHOOK_SECRET}`],
      ["the bot token instead", { "X-Telegram-Bot-Api-Secret-Token": TOKEN }],
    ];
    for (const [what, headers, target] of attempts) {
      const res = await post(headers, update(100), target ?? url);
      expect(res.status, what).toBe(401);
      expect(await res.text(), what).not.toContain(WEBHOOK_SECRET);
    }
    expect(footnote.calls, "no update was handled").toEqual([]);
    expect(api.messagesTo(OWNER)).toHaveLength(sent);
  });

  it("answers 401 to a request without the secret before its body has even been sent", async () => {
    // A 30 MB upload, of which only the first 64 KB is sent: the 401 must not wait for the rest.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(30 * 1024 * 1024) },
      });
      const timer = setTimeout(
        () => (req.destroy(), reject(new Error("no answer while the body was still coming"))),
        5000,
      );
      req.on("response", (res) => {
        clearTimeout(timer);
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", (e) => (clearTimeout(timer), reject(e)));
      req.write(Buffer.alloc(64 * 1024, "a"));
    });
    expect(status).toBe(401);
    expect(footnote.calls).toEqual([]);
  });

  it("other methods and paths are refused too", async () => {
    expect(
      (await fetch(url, { headers: { "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET } })).status,
    ).toBe(405);
    expect(
      (
        await post(
          { "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET },
          update(2),
          url.replace("/hook", "/other"),
        )
      ).status,
    ).toBe(404);
    expect(footnote.calls).toEqual([]);
  });

  it("with the secret, a malformed body is a 400 and the server keeps serving", async () => {
    const bad = await post({ "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET }, "{not json");
    expect(bad.status).toBe(400);
    const ok = await post({ "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET }, update(3));
    expect(ok.status).toBe(200);
    await api.waitForMessage(OWNER, (m) => m.plain.includes("Babaryko"));
    expect(footnote.calls.map((c) => c.method)).toEqual(["ask"]);
    expectClean(logs.join(""), "the webhook logs");
  });
});

/**
 * The CLI's bad inputs (cli-input.test.ts), sent to the bot: createBot + handleUpdate with the
 * recording API transformer of test/telegram/harness.ts, over a *real* Footnote (real
 * readers, SSRF guard and store) in a temporary DATA_DIR, and a fake Bot API for files.
 * Each must get one clear reply and store nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFootnote } from "../../src/footnote.ts";
import { INGEST_USAGE } from "../../src/telegram/features/ingest.ts";
import type { ArticleSummary, Footnote } from "../../src/types.ts";
import { FakeBotApi } from "../helpers/fake-bot-api.ts";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import { makeTestBot, OWNER, testConfig } from "../telegram/harness.ts";
import { makeArticle } from "./articles.ts";

const FRIEND = 77; // another allowed user, with their own private chat
const GROUP = -100_500;

let api: FakeBotApi;
let site: TestServer;
const dirs: string[] = [];
const footnotes: Footnote[] = [];

beforeAll(async () => {
  api = await FakeBotApi.start();
  site = await startServer((req, res) => {
    if (req.url === "/article") {
      const a = makeArticle(42);
      return void res
        .writeHead(200, { "content-type": "text/plain; charset=utf-8" })
        .end(`${a.title}\n\n${a.text}`);
    }
    res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  });
});

afterAll(async () => {
  for (const f of footnotes) await f.close();
  await api?.close();
  await site?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const passGetFile = (
  m: string,
  p: Record<string, unknown>,
  prev: (m: never, p: never) => Promise<unknown>,
) => (m === "getFile" ? prev(m as never, p as never) : undefined);

/** A bot over a real footnote; `env` goes to both. */
async function realBot(env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), "footnote-bot-input-"));
  dirs.push(dataDir);
  const fullEnv = {
    DATA_DIR: dataDir,
    TELEGRAM_API_ROOT: api.apiRoot,
    ALLOWED_USER_IDS: `${OWNER},${FRIEND}`,
    RATE_LIMIT_INGESTS_PER_MINUTE: "1000",
    FETCH_TIMEOUT_MS: "2000",
    ...env,
  };
  const footnote = await createFootnote({ config: testConfig(fullEnv) });
  footnotes.push(footnote);
  const h = makeTestBot({ env: fullEnv, footnote, respond: passGetFile });
  return { h, footnote };
}

type Harness = Awaited<ReturnType<typeof realBot>>;

/** Every library the bot could have written to, as listed. */
async function snapshot(footnote: Footnote): Promise<Record<string, ArticleSummary[]>> {
  return Object.fromEntries(
    await Promise.all(
      [`chat:${OWNER}`, `chat:${FRIEND}`, `chat:${GROUP}`].map(async (id) => [id, await footnote.list(id)]),
    ),
  );
}

/** Sends one message and returns the one reply, checking nothing was stored. */
async function oneReply(
  { h, footnote }: Harness,
  message: Parameters<Harness["h"]["send"]>[0],
  chatId = message.chatId ?? OWNER,
) {
  const before = await snapshot(footnote);
  const sentBefore = h.to(chatId).length;
  await h.send(message);
  const replies = h.to(chatId).slice(sentBefore);
  expect(
    replies.map((r) => r.plain),
    "exactly one reply",
  ).toHaveLength(1);
  expect(await snapshot(footnote), "nothing stored").toEqual(before);
  return replies[0]!;
}

describe("bad /ingest input in a private chat", () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await realBot({ ALLOW_PRIVATE_URLS: "true" });
  });

  it("/ingest with nothing", async () => {
    const reply = await oneReply(bot, { text: "/ingest" });
    expect(reply.plain).toBe(INGEST_USAGE);
  });

  it("/ingest with only white space", async () => {
    const reply = await oneReply(bot, { text: "/ingest   \n\t  " });
    expect(reply.plain).toBe(INGEST_USAGE);
  });

  it("/ingest of text that is only invisible characters", async () => {
    const reply = await oneReply(bot, { text: "/ingest \u200b\u200b\u2060\ufeff" });
    expect(reply.plain).toMatch(
      /^I found no link in that, and 0 words is too short to be an article, so I stored nothing/,
    );
  });

  it("/ingest in reply to a message with no text", async () => {
    const sticker = {
      message_id: 5,
      date: 0,
      chat: { id: OWNER, type: "private", first_name: "O" },
      from: { id: OWNER, is_bot: false, first_name: "O" },
      sticker: { file_id: "s" },
    };
    const reply = await oneReply(bot, { text: "/ingest", replyTo: sticker as never });
    expect(reply.plain).toBe(`That message has no text to read. ${INGEST_USAGE}`);
  });

  it("/ingest of a link that is not a valid URL", async () => {
    const reply = await oneReply(bot, { text: "/ingest http://999.999.999.999/story" });
    expect(reply.plain).toMatch(
      /^Could not add that: "http:\/\/999\.999\.999\.999\/story" is not a valid link/,
    );
  });

  it("/ingest of a 404", async () => {
    const reply = await oneReply(bot, { text: `/ingest ${site.url}/missing` });
    expect(reply.plain).toMatch(/^Could not add that: The page answered 404 Not Found: check the link/);
  });

  it("/ingest of a link with credentials", async () => {
    const seen = site.requests;
    const reply = await oneReply(bot, { text: `/ingest http://bob:pa55word@127.0.0.1:${site.port}/article` });
    expect(reply.plain).toMatch(
      /Links with a user name or password in them \(user:pass@host\) are not fetched/,
    );
    expect(site.requests).toBe(seen);
  });

  it("a binary document with a readable name (data.txt) is downloaded, then refused", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const reply = await oneReply(bot, {
      document: api.addFile(bytes, { fileName: "data.txt", mimeType: "text/plain" }),
    });
    expect(reply.history[0]).toContain("Reading data.txt");
    expect(reply.plain).toBe(
      "Could not add that: This looks like a binary file (not text); send text, HTML, Markdown or PDF.",
    );
  });

  it("an image or a .docx is refused by its name, without downloading it", async () => {
    const calls = bot.h.callsOf("getFile").length;
    const png = await oneReply(bot, {
      document: api.addFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), {
        fileName: "photo.png",
        mimeType: "image/png",
      }),
    });
    expect(png.plain).toBe("I can read .txt, .html, .md and .pdf files; photo.png is not one of those.");
    const docx = await oneReply(bot, {
      document: api.addFile(new Uint8Array([0x50, 0x4b, 3, 4, 1, 1]), { fileName: "report.docx" }),
    });
    expect(docx.plain).toBe("I can read .txt, .html, .md and .pdf files; report.docx is not one of those.");
    expect(bot.h.callsOf("getFile")).toHaveLength(calls);
  });

  it("a .txt file in Windows-1251 (not UTF-8)", async () => {
    const russian = "Совет города обсудил бюджет на дороги и школы. ".repeat(30);
    const bytes = new Uint8Array(
      [...russian].map((ch) =>
        ch.charCodeAt(0) >= 0x410 && ch.charCodeAt(0) <= 0x44f ? ch.charCodeAt(0) - 0x350 : ch.charCodeAt(0),
      ),
    );
    const reply = await oneReply(bot, { document: api.addFile(bytes, { fileName: "sovet.txt" }) });
    expect(reply.plain).toMatch(/^Could not add that: This file is not valid UTF-8 text/);
  });

  it("a file over Telegram's 20 MB download limit is refused without downloading", async () => {
    const reply = await oneReply(bot, {
      document: api.addFile("x", { fileName: "huge.txt", reportedSize: 30 * 1024 * 1024 }),
    });
    expect(reply.plain).toMatch(/That file is 30\.0 MB; the bot can read files up to 20\.0 MB/);
  });

  it("and a good link still works afterwards", async () => {
    await bot.h.send({ text: `/ingest ${site.url}/article` });
    expect(bot.h.to(OWNER).at(-1)!.plain).toMatch(/^Added Dispatch 42: .*: \d+ passages \(id /);
    expect(await bot.footnote.list(`chat:${OWNER}`)).toHaveLength(1);
  });
});

describe("private addresses with ALLOW_PRIVATE_URLS=false", () => {
  it("refuses a loopback link, and the server there sees no request", async () => {
    const bot = await realBot({ ALLOW_PRIVATE_URLS: "false" });
    const seen = site.requests;
    const reply = await oneReply(bot, { text: `/ingest ${site.url}/article` });
    expect(reply.plain).toMatch(
      /^Could not add that: I won't fetch 127\.0\.0\.1: it is a loopback \(this machine\) address/,
    );
    const mapped = await oneReply(bot, { text: `/ingest http://[::ffff:127.0.0.1]:${site.port}/article` });
    expect(mapped.plain).toMatch(/^Could not add that: I won't fetch/);
    const localhost = await oneReply(bot, { text: `/ingest http://localhost:${site.port}/article` });
    expect(localhost.plain).toMatch(/^Could not add that: I won't fetch/);
    expect(site.requests).toBe(seen);
  });
});

describe("another chat's articles", () => {
  it("/forget of another chat's article id is refused, revealing no title, and removes nothing", async () => {
    const bot = await realBot({ ALLOW_PRIVATE_URLS: "true" });
    const secret = makeArticle(43);
    const theirs = await bot.footnote.ingest(`chat:${FRIEND}`, {
      kind: "text",
      text: secret.text,
      title: secret.title,
    });
    const mine = makeArticle(44);
    await bot.footnote.ingest(`chat:${OWNER}`, { kind: "text", text: mine.text, title: mine.title });

    const reply = await oneReply(bot, { text: `/forget ${theirs.id}` });
    expect(reply.plain).toBe(`No article ${theirs.id} in this chat. /list shows them.`);
    expect(reply.plain).not.toContain(secret.title);
    // The same from a group the owner is in.
    const inGroup = await oneReply(
      bot,
      { chatId: GROUP, chatType: "supergroup", text: `/forget ${theirs.id}` },
      GROUP,
    );
    expect(inGroup.plain).toBe(`No article ${theirs.id} in this chat. /list shows them.`);
    expect((await bot.footnote.list(`chat:${FRIEND}`)).map((a) => a.id)).toEqual([theirs.id]);

    // Their article does not answer questions here, nor show in /list.
    const before = bot.h.to(OWNER).length;
    await bot.h.send({ text: secret.question });
    const answer = bot.h
      .to(OWNER)
      .slice(before)
      .map((m) => m.plain)
      .join("\n");
    expect(answer).not.toContain(secret.answer);
    expect(answer).not.toContain(secret.title);
    await bot.h.send({ text: "/list" });
    expect(bot.h.to(OWNER).at(-1)!.plain).toContain(mine.title);
    expect(bot.h.to(OWNER).at(-1)!.plain).not.toContain(secret.title);
    // …while in its own chat it does.
    await bot.h.send({ userId: FRIEND, text: secret.question });
    expect(bot.h.to(FRIEND).at(-1)!.plain).toContain(secret.answer);
  });
});

/**
 * End to end: the real CLI (`node bin/footnote.js bot`) against a fake Bot API on 127.0.0.1,
 * with real ingestion, index, store and the offline answerer.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { NOTHING_FOUND } from "../../src/telegram/render.ts";
import { startBotProcess, type BotProcess } from "../helpers/bot-process.ts";
import { FakeBotApi, type SentMessage } from "../helpers/fake-bot-api.ts";
import { SHARED_ARTICLE, SHARED_PRESENT } from "../helpers/footnote.ts";

const PASTER = 42;
const LINKER = 43;
const EMPTY = 44;
const STRANGER = 99;

let api: FakeBotApi;
let site: Server;
let siteUrl: string;
let dataDir: string;
let bot: BotProcess;
let article: string;

beforeAll(async () => {
  // The shared article is served as the link: without ../shared the test is skipped (shared-notice.ts).
  if (!SHARED_PRESENT) return;
  article = await readFile(SHARED_ARTICLE, "utf8");
  api = await FakeBotApi.start();
  site = createServer((req, res) => {
    if (req.url !== "/belarus.txt") return void res.writeHead(404).end("not found");
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(article);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/belarus.txt`;
  dataDir = await mkdtemp(join(tmpdir(), "footnote-bot-e2e-"));
  bot = await startBotProcess({
    api,
    dir: dataDir,
    env: { ALLOWED_USER_IDS: [PASTER, LINKER, EMPTY].join(","), ALLOW_PRIVATE_URLS: "true" },
  });
}, 60_000);

afterAll(async () => {
  if (!SHARED_PRESENT) return;
  bot?.kill();
  await api?.close();
  await new Promise((r) => site?.close(r));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Waits until the messages sent to a chat after `afterId` together satisfy `predicate`. */
const waitForReply = (
  chatId: number,
  afterId: number,
  predicate: (text: string, msgs: SentMessage[]) => boolean,
  timeoutMs = 30_000,
) =>
  api.waitForReplies(chatId, afterId, predicate, {
    timeoutMs,
    context: () => `bot stderr:\n${bot.stderr()}`,
  });

const lastId = (chatId: number) => Math.max(0, ...api.messagesTo(chatId).map((m) => m.messageId));

it.runIf(SHARED_PRESENT)(
  "ingests pasted text and a URL, answers with quotes per chat, refuses a stranger and stops on SIGTERM",
  async () => {
    // Pasted text in one chat, the same article by URL in another.
    let mark = lastId(PASTER);
    api.sendUserMessage({ chatId: PASTER, userId: PASTER, text: `/ingest ${article}` });
    await waitForReply(
      PASTER,
      mark,
      (t) => /^(Added|I already have)/m.test(t) || /Could not add/.test(t),
      60_000,
    );
    expect(api.messagesTo(PASTER).at(-1)!.plain).toMatch(/^Added .*: \d+ passages? \(id /);

    mark = lastId(LINKER);
    api.sendUserMessage({ chatId: LINKER, userId: LINKER, text: `/ingest ${siteUrl}` });
    await waitForReply(LINKER, mark, (t) => /^(Added|I already have|Could not add)/m.test(t), 60_000);
    expect(api.messagesTo(LINKER).at(-1)!.plain).toMatch(/^Added .*: \d+ passages? \(id /);

    // The question in the private chat with the pasted article.
    mark = lastId(PASTER);
    api.sendUserMessage({ chatId: PASTER, userId: PASTER, text: "Who was at the meeting?" });
    await waitForReply(PASTER, mark, (t) => /\[1\]/.test(t) || t.includes(NOTHING_FOUND));
    // A long answer arrives in several messages, one after the other.
    await new Promise((r) => setTimeout(r, 1000));
    const html = api
      .messagesTo(PASTER)
      .filter((m) => m.messageId > mark)
      .map((m) => m.text)
      .join("\n");
    expect(html).toMatch(/\[1\]/);
    expect(html).toMatch(/<blockquote( expandable)?>/);
    expect(html).not.toMatch(/READ MORE|Recommended|SOURCE:/);
    // The people at the meeting, named in the answer and in a quote under it.
    for (const name of ["Viktor Babaryko", "Liliya Vlasova", "Vitali Shkliarov"]) {
      expect(html, name).toContain(name);
      expect(html, name).toMatch(new RegExp(`<blockquote( expandable)?>[^<]*${name}`));
    }

    // The same question from a chat with no articles finds nothing.
    mark = lastId(EMPTY);
    api.sendUserMessage({ chatId: EMPTY, userId: EMPTY, text: "Who was at the meeting?" });
    const none = await waitForReply(EMPTY, mark, (t) => t.length > 0);
    expect(none.map((m) => m.plain)).toEqual([NOTHING_FOUND]);

    // A stranger gets their id and nothing else.
    api.sendUserMessage({ chatId: STRANGER, userId: STRANGER, text: "Who was at the meeting?" });
    const refusal = await waitForReply(STRANGER, 0, (t) => t.length > 0);
    expect(refusal.map((m) => m.plain)).toEqual([
      `Sorry, this bot is private. Your Telegram user id is ${STRANGER}; its owner can let you in by setting ALLOWED_USER_IDS=${STRANGER}.`,
    ]);

    expect(await bot.stop(), bot.stderr()).toBe(0);
  },
  120_000,
);

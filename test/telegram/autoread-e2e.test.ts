/**
 * End to end: the real `footnote bot` process against the fake Bot API, a group with
 * `/autoread on` (a link posted there is read, also after a restart) and off (a link is left
 * alone), and a greeting in a private chat answered with an introduction in its language.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { translator } from "../../src/telegram/i18n.ts";
import { startBotProcess, type BotProcess } from "../helpers/bot-process.ts";
import { botInfoFixture, FakeBotApi } from "../helpers/fake-bot-api.ts";
import { syntheticArticle } from "../helpers/footnote.ts";

const ADMIN = 42;
const MEMBER = 43;
const GROUP = -100123;

const PAGES: Record<string, string> = {
  "/harbour.html": page("The harbour reopens", syntheticArticle("harbour")),
  "/ferry.html": page("A new ferry", syntheticArticle("ferry")),
  "/lighthouse.html": page("The lighthouse", syntheticArticle("lighthouse")),
};

function page(title: string, text: string): string {
  const body = text
    .split("\n\n")
    .map((p) => `<p>${p}</p>`)
    .join("\n");
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

let api: FakeBotApi;
let site: Server;
let origin: string;
const fetched: string[] = [];
let dataDir: string;
let bot: BotProcess | undefined;

const env = () => ({
  ALLOWED_USER_IDS: `${ADMIN},${MEMBER}`,
  ALLOW_PRIVATE_URLS: "true",
  LOG_LEVEL: "info",
});

beforeAll(async () => {
  // Privacy mode off, so Telegram gives the bot every message of the group.
  api = await FakeBotApi.start({ botInfo: botInfoFixture({ can_read_all_group_messages: true }) });
  api.memberStatus = (_chat, user) => (user === ADMIN ? "administrator" : "member");
  site = createServer((req, res) => {
    fetched.push(req.url ?? "");
    const html = PAGES[req.url ?? ""];
    if (!html) return void res.writeHead(404).end("not found");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  // host:port with no scheme, as people paste a local link.
  origin = `127.0.0.1:${(site.address() as AddressInfo).port}`;
  dataDir = await mkdtemp(join(tmpdir(), "footnote-autoread-e2e-"));
  bot = await startBotProcess({ api, dir: dataDir, env: env() });
}, 60_000);

afterAll(async () => {
  bot?.kill();
  await api?.close();
  await new Promise((r) => site?.close(r));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const reactions = () =>
  api.callsOf("setMessageReaction").map((c) => ({
    messageId: Number(c.payload.message_id),
    emoji: (c.payload.reaction as Array<{ emoji: string }>)[0]?.emoji,
  }));

/** /list in the group, and its answer: the chat's updates are handled in order, so all before it are done. */
async function listGroup(): Promise<string> {
  const before = api.messagesTo(GROUP).length;
  api.sendUserMessage({ chatId: GROUP, userId: ADMIN, text: "/list" });
  await api.waitForMessage(GROUP, (m) => api.messagesTo(GROUP).indexOf(m) >= before, 30_000);
  return api.messagesTo(GROUP).at(-1)!.plain;
}

it("reads links posted in a group with autoread on, also after a restart; leaves them alone when off; greets", async () => {
  // On: a reaction, no message.
  const on = api.sendUserMessage({ chatId: GROUP, userId: ADMIN, text: "/autoread on" });
  await api.waitForCall("setMessageReaction", 1, 30_000);
  expect(reactions()).toEqual([{ messageId: on.message_id, emoji: "👌" }]);
  expect(api.messagesTo(GROUP)).toEqual([]);

  // A member posts a link in passing: it is read, and the post gets a reaction.
  const post = api.sendUserMessage({
    chatId: GROUP,
    userId: MEMBER,
    text: `the harbour story: ${origin}/harbour.html`,
  });
  await api.waitForCall("setMessageReaction", 2, 60_000);
  expect(reactions()[1]).toEqual({ messageId: post.message_id, emoji: "✍" });
  expect(fetched).toContain("/harbour.html");
  expect(await listGroup()).toContain("The harbour reopens");

  // The setting survives a restart.
  expect(await bot!.stop(), bot!.stderr()).toBe(0);
  bot = await startBotProcess({ api, dir: dataDir, env: env() });
  api.sendUserMessage({ chatId: GROUP, userId: MEMBER, text: `http://${origin}/ferry.html` });
  await api.waitForCall("setMessageReaction", 3, 60_000);
  expect(await listGroup()).toContain("A new ferry");

  // Off: a link is not fetched, and nothing is said.
  api.sendUserMessage({ chatId: GROUP, userId: ADMIN, text: "/autoread off" });
  await api.waitForCall("setMessageReaction", 4, 30_000);
  const said = api.messagesTo(GROUP).length;
  api.sendUserMessage({ chatId: GROUP, userId: MEMBER, text: `${origin}/lighthouse.html` });
  const list = await listGroup();
  expect(list).not.toContain("The lighthouse");
  expect(fetched).not.toContain("/lighthouse.html");
  expect(api.messagesTo(GROUP)).toHaveLength(said + 1);
  expect(reactions()).toHaveLength(4);

  // A greeting in Russian gets the introduction in Russian, not "I found nothing".
  api.sendUserMessage({ chatId: ADMIN, userId: ADMIN, text: "Привет! Что ты умеешь?", languageCode: "en" });
  const hello = await api.waitForMessage(ADMIN, () => true, 30_000);
  const ru = translator("ru");
  expect(hello.plain).toBe(`${ru.t("hello")} ${ru.t("hello-start-private")}`);

  // One info line per link read; no warnings.
  expect(bot.stderr()).not.toMatch(/"level":(40|50)/);
  expect(await bot.stop(), bot.stderr()).toBe(0);
}, 180_000);

/**
 * End to end, the article companion: the real `footnote bot` process against the local Bot API
 * server, offline. An article added by paste comes back with its gist and suggested questions
 * as buttons; pressing one gets its answer, cited from that article; /summary and "tl;dr" give
 * the article's summary, shaped like an answer.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../helpers/bot-process.ts";
import { FakeBotApi, type SentMessage } from "../helpers/fake-bot-api.ts";

const USER = 42;

let api: FakeBotApi;
let dataDir: string;
let bot: BotProcess;
let article: string;

beforeAll(async () => {
  article = await readFile(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url), "utf8");
  api = await FakeBotApi.start();
  dataDir = await mkdtemp(join(tmpdir(), "footnote-companion-e2e-"));
  bot = await startBotProcess({ api, dir: dataDir, env: { ALLOWED_USER_IDS: String(USER) } });
}, 60_000);

afterAll(async () => {
  bot?.kill();
  await api?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const lastId = () => Math.max(0, ...api.messagesTo(USER).map((m) => m.messageId));

/** The bot's replies to the user after message `afterId`, once they satisfy `predicate`. */
const waitFor = (
  afterId: number,
  predicate: (text: string, msgs: SentMessage[]) => boolean,
  timeoutMs = 30_000,
) =>
  api.waitForReplies(USER, afterId, predicate, { timeoutMs, context: () => `bot stderr:\n${bot.stderr()}` });

type Button = { text: string; callback_data?: string };
const buttonsOf = (m: SentMessage) =>
  ((m.replyMarkup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();

it("adds an article with its gist and suggested questions, answers a pressed one, and summarises", async () => {
  let mark = lastId();
  api.sendUserMessage({ chatId: USER, userId: USER, text: `/ingest ${article}` });
  const [added] = await waitFor(mark, (t) => /^Added /m.test(t) || /Could not add/.test(t), 60_000);
  // Under "Added …": what the article is about, then the questions as buttons.
  expect(added!.plain).toMatch(/^Added Harbour council and ferry crews .*: 5 passages \(id [0-9a-f]+\)/);
  expect(added!.plain).toContain("agreed on Monday night to reopen talks");
  expect(added!.plain).toMatch(/Try asking:$/);
  const questions = buttonsOf(added!).filter((b) => b.callback_data?.startsWith("sq:"));
  expect(questions.length).toBeGreaterThanOrEqual(2);
  expect(questions.length).toBeLessThanOrEqual(3);
  for (const q of questions) expect(q.text).toMatch(/^(Who|When|How many|How old) .+\?$/);
  const vote = questions.find((q) => q.text === "When will the council vote on the ferry's future?");
  expect(vote, JSON.stringify(questions)).toBeDefined();

  // Pressing it asks it: the question is shown, then its answer, cited from the article.
  mark = lastId();
  api.pressButton({ userId: USER, message: added!, data: vote!.callback_data! });
  const answered = await waitFor(mark, (t) => /\[1\]/.test(t));
  const text = answered.map((m) => m.plain).join("\n");
  expect(text).toContain("❓ When will the council vote on the ferry's future?");
  expect(text).toMatch(/9 December/);
  expect(answered.map((m) => m.text).join("\n")).toMatch(/<blockquote( expandable)?>/);

  // /summary: the article in focus, cited like an answer, every sentence from the article.
  mark = lastId();
  api.sendUserMessage({ chatId: USER, userId: USER, text: "/summary" });
  const summary = await waitFor(mark, (t) => /\[1\]/.test(t));
  const first = summary[0]!.plain;
  expect(first).toContain("agreed on Monday night to reopen talks over the planned sale of the island ferry");
  const sentences = first
    .split("\n")[0]!
    .split(/\s*\[\d+\]\s*/)
    .filter(Boolean);
  expect(sentences.length).toBeGreaterThanOrEqual(2);
  for (const s of sentences) expect(article).toContain(s);

  // "tl;dr" in the chat asks for the same.
  mark = lastId();
  api.sendUserMessage({ chatId: USER, userId: USER, text: "tl;dr" });
  const tldr = await waitFor(mark, (t) => /\[1\]/.test(t));
  expect(tldr[0]!.plain.split("\n")[0]).toBe(first.split("\n")[0]);

  expect(await bot.stop(), bot.stderr()).toBe(0);
}, 120_000);

/**
 * The scripted conversation of issue 14, through the real `footnote bot` process against the
 * fake Bot API on 127.0.0.1, with real ingestion, store, retrieval and the offline answerer:
 * a link sent bare, a pasted article offered and accepted, a question, two follow-ups (with a
 * restart between them), /new, and a question that needs no context. docs/telegram.md shows it.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../helpers/bot-process.ts";
import { FakeBotApi, type SentMessage } from "../helpers/fake-bot-api.ts";
import { SHARED_ARTICLE, SHARED_PRESENT } from "../helpers/footnote.ts";

const EXAMPLE = new URL("../../examples/harbour-ferry-talks.txt", import.meta.url);
const USER = 42;
const HARBOUR = "Harbour council and ferry crews agree to talks after night of protest";
const BELARUS = "Belarus' Lukashenko holds talks with jailed rivals";

let api: FakeBotApi;
let site: Server;
let siteUrl: string;
let dataDir: string;
let example: string;

const bots: BotProcess[] = [];

async function startBot(): Promise<BotProcess> {
  // Logs at info: the test reads the start-up and per-question lines.
  const bot = await startBotProcess({
    api,
    dir: dataDir,
    env: { ALLOWED_USER_IDS: String(USER), ALLOW_PRIVATE_URLS: "true", LOG_LEVEL: "info" },
  });
  bots.push(bot);
  return bot;
}

async function stopBot(bot: BotProcess): Promise<void> {
  expect(await bot.stop(), bot.stderr()).toBe(0);
}

beforeAll(async () => {
  // The shared article is one of the two: without ../shared the test is skipped (shared-notice.ts).
  if (!SHARED_PRESENT) return;
  example = await readFile(EXAMPLE, "utf8");
  const belarus = await readFile(SHARED_ARTICLE, "utf8");
  api = await FakeBotApi.start();
  site = createServer((req, res) => {
    if (req.url !== "/belarus.txt") return void res.writeHead(404).end("not found");
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(belarus);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/belarus.txt`;
  dataDir = await mkdtemp(join(tmpdir(), "footnote-conversation-e2e-"));
}, 60_000);

afterAll(async () => {
  if (!SHARED_PRESENT) return;
  for (const b of bots) b.kill();
  await api?.close();
  await new Promise((r) => site?.close(r));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const lastId = () => Math.max(0, ...api.messagesTo(USER).map((m) => m.messageId));

/** Sends a message and waits for the bot's reply (edits included) to satisfy `done`. */
async function exchange(
  text: string,
  done: (plain: string) => boolean,
  bot: BotProcess,
): Promise<SentMessage[]> {
  const mark = lastId();
  api.sendUserMessage({ chatId: USER, userId: USER, text });
  return waitFor(mark, done, bot);
}

async function waitFor(mark: number, done: (plain: string) => boolean, bot: BotProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const msgs = api.messagesTo(USER).filter((m) => m.messageId > mark);
    if (done(msgs.map((m) => m.plain).join("\n"))) {
      // A long answer comes in several messages, one after the other.
      await new Promise((r) => setTimeout(r, 300));
      return api.messagesTo(USER).filter((m) => m.messageId > mark);
    }
    if (Date.now() > deadline)
      throw new Error(`no matching reply; got:\n${msgs.map((m) => m.plain).join("\n")}\n${bot.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const answered = (t: string) => /\[1\]/.test(t) || /I found nothing/.test(t);
/** The titles of the cited articles, as a user sees them: "[1] Title" above each quote. */
const titlesOf = (msgs: SentMessage[]) =>
  [
    ...msgs
      .map((m) => m.plain)
      .join("\n")
      .matchAll(/^\[\d+\] (.+)$/gm),
  ]
    .map((m) => m[1])
    // A second quote from the same article does not repeat its title.
    .filter((t) => t !== "same article");

it.runIf(SHARED_PRESENT)(
  "a link, a paste, a question, two follow-ups across a restart, /new, and a question on its own",
  async () => {
    let bot = await startBot();
    // The operator's start-up line.
    expect(bot.stdout()).toMatch(
      /footnote: running as @footnote_test_bot, long polling, 0 libraries, answerer extractive, local embeddings "footnote-hash-v1" \(256 dimensions\)/,
    );

    // 1. A link sent bare is read and stored, with an Undo button.
    const link = await exchange(siteUrl, (t) => /^(Added|Could not add)/m.test(t), bot);
    const added = link.at(-1)!;
    expect(added.plain).toMatch(/^Added .*: \d+ passages? \(id /);
    expect(JSON.stringify(added.replyMarkup)).toContain('"callback_data":"undo:');

    // 2. A pasted article is offered with a button, not refused as a long question; pressing it stores it.
    const offer = (await exchange(example, (t) => /looks like an article/.test(t), bot)).at(-1)!;
    expect(offer.plain).toMatch(/^That looks like an article \(\d+ words\)/);
    // The offer itself becomes the result, rather than staying "Adding it…".
    const mark = lastId();
    api.pressButton({ userId: USER, message: offer, data: "paste:add" });
    const stored = await api.waitForMessage(
      USER,
      (m) => m.messageId === offer.messageId && /^Added /.test(m.plain),
      60_000,
    );
    expect(stored.plain).toContain(`Added ${HARBOUR}`);
    expect(lastId()).toBe(mark);

    // 3. A question.
    const q = await exchange("Who is acting as a go-between for the council and the crews?", answered, bot);
    expect(q[0]!.plain).toContain("Osvald Brekke");
    expect(titlesOf(q)).toEqual([HARBOUR]);

    // 4. A follow-up: "he" is Brekke, and the answer is his words, from the same article.
    const said = await exchange("What did he say?", answered, bot);
    expect(said[0]!.plain).toContain("Nobody leaves this building");
    expect(new Set(titlesOf(said))).toEqual(new Set([HARBOUR]));

    // A restart does not forget the conversation.
    await stopBot(bot);
    bot = await startBot();
    expect(bot.stdout()).toMatch(/long polling, 1 library,/);

    // 5. A second follow-up, after the restart.
    const when = await exchange("And when will they vote?", answered, bot);
    expect(when[0]!.plain).toContain("9 December");
    expect(new Set(titlesOf(when))).toEqual(new Set([HARBOUR]));

    // 6. /new.
    const fresh = await exchange("/new", (t) => t.length > 0, bot);
    expect(fresh[0]!.plain).toMatch(/^Started afresh/);

    // 7. A question that needs no context, answered from the other article.
    const other = await exchange("Who sat at the table with Lukashenko?", answered, bot);
    expect(other[0]!.plain).toContain("Babaryko");
    expect(new Set(titlesOf(other))).toEqual(new Set([BELARUS]));

    await stopBot(bot);

    // The operator's log: info lines per ingest and question, JSON (not a terminal), without the text.
    const log = bots.map((b) => b.stderr()).join("");
    const lines = log
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.msg === "ingested")).toHaveLength(2);
    const questions = lines.filter((l) => l.msg === "question answered" || l.msg === "question declined");
    expect(questions.map((l) => l.followUp)).toEqual([false, true, true, false]);
    expect(log).not.toContain("What did he say");
    expect(log).not.toContain("go-between");
    expect(log).not.toContain('"stack"');
  },
  180_000,
);

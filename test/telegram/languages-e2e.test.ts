/**
 * End to end in the user's language: the real `footnote bot` process against a fake Bot API on
 * 127.0.0.1, with the built-in defaults. A Russian user and a Chinese user each store an article
 * in their language and ask about it in that language; the bot's own lines come in their
 * language and the answer quotes their article. A user whose language has no translation gets
 * English.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { translator } from "../../src/telegram/i18n.ts";
import { startBotProcess, type BotProcess } from "../helpers/bot-process.ts";
import { FakeBotApi, type SentMessage } from "../helpers/fake-bot-api.ts";

const RU_USER = 51;
const ZH_USER = 52;
const SW_USER = 53;

const RU = [
  "Министры транспорта двух стран встретились в Казани во вторник, чтобы обсудить новую железную дорогу.",
  "Переговоры продолжались семь часов и закончились поздно вечером.",
  "После встречи министры сообщили журналистам, что строительство дороги обойдётся в двенадцать миллиардов рублей.",
  "Первый поезд должен пройти по новой линии через четыре года, а следующая встреча назначена на осень.",
  "Жители города встретили новость с осторожным интересом: многие помнят, как прошлый проект так и не был завершён.",
].join("\n\n");

const ZH = [
  "本周二，两国交通部长在杭州会面，讨论修建一条新的跨境铁路。",
  "会谈持续了七个小时，一直到深夜才结束。",
  "会后，部长们告诉记者，这条铁路的建设费用约为一百二十亿元。",
  "第一列火车预计将在四年后通车，下一次会面定于秋季举行。",
  "当地居民对这一消息反应谨慎，许多人还记得上一个项目从未完工。",
].join("\n\n");

let api: FakeBotApi;
let dataDir: string;
let bot: BotProcess;

beforeAll(async () => {
  api = await FakeBotApi.start();
  dataDir = await mkdtemp(join(tmpdir(), "footnote-languages-e2e-"));
  bot = await startBotProcess({
    api,
    dir: dataDir,
    env: { ALLOWED_USER_IDS: [RU_USER, ZH_USER, SW_USER].join(",") },
  });
}, 60_000);

afterAll(async () => {
  bot?.kill();
  await api?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const lastId = (chatId: number) => Math.max(0, ...api.messagesTo(chatId).map((m) => m.messageId));

/** Sends a message and waits until the bot's replies after it satisfy `done`. */
async function exchange(
  userId: number,
  languageCode: string,
  text: string,
  done: (plain: string) => boolean,
): Promise<SentMessage[]> {
  const mark = lastId(userId);
  api.sendUserMessage({ chatId: userId, userId, text, languageCode });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const msgs = api.messagesTo(userId).filter((m) => m.messageId > mark);
    if (done(msgs.map((m) => m.plain).join("\n"))) return msgs;
    if (Date.now() > deadline)
      throw new Error(`no reply to ${JSON.stringify(text)}; got ${JSON.stringify(msgs)}\n${bot.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("a Russian user stores a Russian article, asks in Russian and gets a Russian reply quoting it", async () => {
  const added = await exchange(RU_USER, "ru", `/ingest ${RU}`, (t) => /^Добавил/m.test(t));
  expect(added.at(-1)!.plain).toMatch(/^Добавил .*фрагмент/);

  // Inflected forms the article does not use: "продолжалась", "переговоров".
  const reply = await exchange(RU_USER, "ru", "Сколько часов продолжались переговоры?", (t) =>
    /\[1\]|Я ничего не нашёл/.test(t),
  );
  const html = reply.map((m) => m.text).join("\n");
  expect(html).toContain("семь часов");
  expect(html).toMatch(/<blockquote( expandable)?>[^<]*семь часов/);

  // Nothing about it: the "not found" line is Russian, not the answerer's English.
  const none = await exchange(RU_USER, "ru", "Какой высоты вулканы на Марсе?", (t) => t.length > 0);
  expect(none.map((m) => m.plain)).toEqual([translator("ru").t("not-found")]);
}, 120_000);

it("a Chinese user stores a Chinese article, asks in Chinese and gets a Chinese reply quoting it", async () => {
  const added = await exchange(ZH_USER, "zh-hans", `/ingest ${ZH}`, (t) => /^已添加/m.test(t));
  expect(added.at(-1)!.plain).toMatch(/^已添加/);

  const reply = await exchange(ZH_USER, "zh-hans", "会谈持续了几个小时？", (t) => /\[1\]|没有找到/.test(t));
  const html = reply.map((m) => m.text).join("\n");
  expect(html).toContain("七个小时");
  expect(html).toMatch(/<blockquote( expandable)?>[^<]*七个小时/);
}, 120_000);

it("a user whose language has no translation gets English", async () => {
  const help = await exchange(SW_USER, "sw", "/help", (t) => t.length > 0);
  expect(help[0]!.plain).toMatch(/^I answer questions about the articles you give me/);
}, 60_000);

/** "127.0.0.1:8000/x.html" with no scheme is a link in the bot, read over http, whatever Telegram marks. */
import { describe, expect, it } from "vitest";
import type { MessageEntity } from "grammy/types";
import { linksIn } from "../../src/telegram/features/autoread.ts";
import { buildUserMessage } from "../helpers/fake-bot-api.ts";
import { makeTestBot, OWNER } from "./harness.ts";

const urlEntity = (text: string, part: string): MessageEntity => ({
  type: "url",
  offset: text.indexOf(part),
  length: part.length,
});

const ingested = (h: ReturnType<typeof makeTestBot>) =>
  h.footnote.calls.filter((c) => c.method === "ingest").map((c) => c.arg);

describe("a host with a port, typed without a scheme", () => {
  it("is read as a link in a private chat, not asked as a question", async () => {
    const h = makeTestBot();
    await h.send({ text: "127.0.0.1:8000/x.html" });
    expect(ingested(h)).toEqual([{ kind: "url", url: "http://127.0.0.1:8000/x.html" }]);
    expect(h.footnote.calls.some((c) => c.method === "ask")).toBe(false);
  });

  it("is read by /ingest when Telegram marks it as a link, or does not", async () => {
    const h = makeTestBot();
    const text = "/ingest localhost:3000/report";
    await h.send({
      text,
      entities: [{ type: "bot_command", offset: 0, length: 7 }, urlEntity(text, "localhost:3000/report")],
    });
    await h.send({ text: "/ingest 127.0.0.1:8000/x.html" });
    expect(ingested(h)).toEqual([
      { kind: "url", url: "http://localhost:3000/report" },
      { kind: "url", url: "http://127.0.0.1:8000/x.html" },
    ]);
  });

  it("is one link to autoread, however Telegram marks it", () => {
    const text = "see localhost:3000/report and bbc.com/news";
    const msg = buildUserMessage(
      {
        chatId: -1,
        userId: OWNER,
        text,
        entities: [urlEntity(text, "localhost:3000/report"), urlEntity(text, "bbc.com/news")],
      },
      1,
    );
    expect(linksIn(msg)).toEqual(["http://localhost:3000/report", "https://bbc.com/news"]);
  });
});

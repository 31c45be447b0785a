/** What a message is in a private chat (link, paste, question), /ingest's link finding, /new, threads. */
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { botInfo, makeTestBot, OWNER } from "./harness.ts";

const ARTICLE =
  "The town council of Port Elden met the ferry crews on Monday night. " +
  "Retired judge Osvald Brekke is acting as a go-between for the council and the crews. " +
  '"Nobody leaves this building until we have something," Brekke told reporters. ' +
  "The council will vote on the ferry's future on 9 December. " +
  "The union has called off the strike it had planned for Friday, and the harbour keeps six crossings a day. " +
  "About 150 people had gathered outside the town hall by nine o'clock.";

type Harness = ReturnType<typeof makeTestBot>;
type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

const buttons = (s: { payload: Record<string, unknown> }) =>
  ((s.payload.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();

function press(h: Harness, data: string, message: Partial<Message> & { message_id: number }, userId = OWNER) {
  return h.handle({
    callback_query: {
      id: `cb-${data}`,
      from: { id: userId, is_bot: false, first_name: "U" },
      chat_instance: "c",
      data,
      message: { date: 0, chat: { id: OWNER, type: "private", first_name: "U" }, from: botInfo, ...message },
    },
  });
}

const sources = (h: Harness) =>
  h.footnote.calls.filter((c) => c.method === "ingest").map((c) => c.arg as { kind: string; url?: string });

describe("a message in a private chat", () => {
  it("that is a bare link is read and stored, with an Undo button that removes it", async () => {
    const h = makeTestBot();
    h.footnote.pages.set("https://example.org/ferry", { title: "Ferry talks", text: ARTICLE });
    await h.send({ text: "https://example.org/ferry" });
    expect(sources(h)).toEqual([{ kind: "url", url: "https://example.org/ferry" }]);
    const [added] = h.to(OWNER);
    expect(added!.plain).toMatch(/^Added Ferry talks: \d+ passages? \(id a1\)/);
    expect(buttons(added!).map((b) => b.callback_data)).toEqual(["undo:a1"]);
    await press(h, "undo:a1", { message_id: added!.messageId });
    expect(await h.footnote.list(`chat:${OWNER}`)).toEqual([]);
    expect(added!.plain).toMatch(/^Removed Ferry talks again/);
    expect(buttons(added!)).toEqual([]);
  });

  it("that is mostly a link, without a scheme, is read too", async () => {
    const h = makeTestBot();
    await h.send({ text: "have a look at this www.example.org/ferry" });
    expect(sources(h)).toEqual([{ kind: "url", url: "https://www.example.org/ferry" }]);
  });

  it("that is a pasted article is offered, not refused; Add stores it", async () => {
    const h = makeTestBot({ env: { MAX_QUESTION_CHARS: "100" } });
    const paste = await h.send({ text: ARTICLE });
    expect(h.footnote.calls).toEqual([]);
    const [offer] = h.to(OWNER);
    expect(offer!.plain).toMatch(/^That looks like an article \(\d+ words\)/);
    expect(offer!.payload.reply_parameters).toMatchObject({ message_id: paste.message_id });
    expect(buttons(offer!).map((b) => b.callback_data)).toEqual(["paste:add", "paste:ask"]);
    await press(h, "paste:add", { message_id: offer!.messageId, reply_to_message: paste } as never);
    expect(sources(h)).toEqual([{ kind: "text", text: ARTICLE }]);
    expect(buttons(offer!)).toEqual([]);
    // The offer becomes the result: no message left saying "Adding it…", and none more sent.
    expect(h.to(OWNER)).toHaveLength(1);
    expect(offer!.plain).toMatch(/^Added /);
    expect(offer!.history.map((t) => t.replace(/ \(.*/s, ""))).toEqual([
      expect.stringMatching(/^That looks like an article/),
      "Adding it…",
      expect.stringMatching(/^📖 Reading your text/),
      expect.stringMatching(/^Added /),
    ]);
  });

  it("that is short is a question", async () => {
    const h = makeTestBot();
    await h.send({ text: "Who is the go-between?" });
    expect(h.footnote.calls.map((c) => c.method)).toEqual(["ask"]);
  });
});

describe("/ingest finds the link in its text", () => {
  it("with or without a scheme, inside a sentence", async () => {
    const h = makeTestBot();
    await h.send({ text: "/ingest www.bbc.com/news/world-123" });
    await h.send({ text: "/ingest bbc.com/news/world-456" });
    await h.send({ text: "/ingest have a look at this http://example.org/story" });
    expect(sources(h)).toEqual([
      { kind: "url", url: "https://www.bbc.com/news/world-123" },
      { kind: "url", url: "https://bbc.com/news/world-456" },
      { kind: "url", url: "http://example.org/story" },
    ]);
  });

  it("and stores nothing from text that is neither a link nor an article", async () => {
    const h = makeTestBot();
    await h.send({ text: "/ingest have a look at this" });
    expect(h.footnote.calls).toEqual([]);
    expect(h.to(OWNER)[0]!.plain).toMatch(
      /^I found no link in that, and 5 words is too short to be an article/,
    );
  });
});

describe("conversation", () => {
  it("/new starts afresh", async () => {
    const h = makeTestBot();
    await h.send({ text: "/new" });
    expect(h.to(OWNER)[0]!.plain).toMatch(/^Started afresh/);
  });

  it("hands a follow-up the resolved question, the history and the article that answered", async () => {
    const h = makeTestBot();
    await h.send({ text: `/ingest ${ARTICLE}` });
    await h.send({ text: "Who is acting as a go-between?" });
    const seen: unknown[] = [];
    h.footnote.askImpl = async (_lib, q, opts) => {
      seen.push({ q, ...opts });
      return { answer: "", abstained: true, citations: [] };
    };
    await h.send({ text: "What did he say?" });
    expect(seen[0]).toMatchObject({
      q: "What did he say?",
      resolved: "What did Brekke said?",
      articleIds: ["a1"],
      history: [{ question: "Who is acting as a go-between?" }],
    });
    const line = h.logs.find((l) => l.includes("question declined"))!;
    expect(line).toContain('"followUp":true');
    // The log line carries no question text.
    expect(line).not.toContain("What did he say");
  });

  it("in a group, a reply to an answer continues that answer's thread", async () => {
    const h = makeTestBot({ env: { ALLOWED_CHAT_IDS: "-100" } });
    const group = { chatId: -100, userId: 7, chatType: "supergroup" as const };
    await h.send({ ...group, text: `/ingest ${ARTICLE}` });
    await h.send({ ...group, text: "/ask Who is acting as a go-between?" });
    const answer = h.to(-100).at(-1)!;
    await h.send({ ...group, text: "/ask How many people gathered outside?" });
    const seen: Array<{ resolved?: string }> = [];
    h.footnote.askImpl = async (_lib, _q, opts) => {
      seen.push(opts ?? {});
      return { answer: "", abstained: true, citations: [] };
    };
    const replyTo = { ...h.botMessage(-100, answer.plain), message_id: answer.messageId };
    await h.send({ ...group, text: "What did he say?", replyTo });
    expect(seen[0]?.resolved).toBe("What did Brekke said?");
  });
});

describe("/help for admins", () => {
  it("adds the last day's questions, answered and declined, and the p95 time", async () => {
    const h = makeTestBot({ env: { ADMIN_USER_IDS: String(OWNER) } });
    await h.send({ text: `/ingest ${ARTICLE}` });
    await h.send({ text: "Who is acting as a go-between?" });
    await h.send({ text: "What is the price of tea in Lima?" });
    await h.send({ text: "/help" });
    expect(h.to(OWNER).at(-1)!.plain).toMatch(
      /Admin: in the last 24 hours 1 question answered, 1 declined \(0 follow-ups\), p95 answer time \d+ ms/,
    );
  });

  it("is not shown to others", async () => {
    const h = makeTestBot();
    await h.send({ text: "/help" });
    expect(h.to(OWNER)[0]!.plain).not.toContain("Admin:");
  });
});

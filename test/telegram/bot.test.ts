import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FootnoteError } from "../../src/errors.ts";
import { NOTHING_FOUND } from "../../src/telegram/render.ts";
import { escapeHtml } from "../../src/text/escape-html.ts";
import type { AnswerResult } from "../../src/types.ts";
import { buildUserMessage, FAKE_TOKEN, FakeBotApi } from "../helpers/fake-bot-api.ts";
import { FakeFootnote } from "./fake-footnote.ts";
import { apiError, botInfo, makeTestBot, OWNER, sleep } from "./harness.ts";

const ARTICLE = [
  "Lukashenko meets jailed rivals",
  "A photo showed Lukashenko at an oval table with prisoners including Viktor Babaryko, a banker.",
  "Others in the picture include Liliya Vlasova, a lawyer, and Vitali Shkliarov, a strategist.",
  "The opposition described the visit as a sign of weakness.",
].join("\n");

const GROUP = -1001;

async function withArticle(h: ReturnType<typeof makeTestBot>, libraryId = `chat:${OWNER}`, text = ARTICLE) {
  return h.footnote.ingest(libraryId, { kind: "text", text });
}

describe("questions in a private chat", () => {
  it("answers with markers, then the cited passages quoted under linked titles", async () => {
    const h = makeTestBot();
    await withArticle(h);
    await h.send({ text: "Who was in the picture with Vlasova?" });
    expect(h.footnote.calls.find((c) => c.method === "ask")).toMatchObject({
      libraryId: `chat:${OWNER}`,
      arg: "Who was in the picture with Vlasova?",
    });
    const [reply, ...more] = h.to(OWNER);
    expect(more).toEqual([]);
    expect(reply!.payload.parse_mode).toBe("HTML");
    expect(reply!.text).toMatch(/\[1\]/);
    expect(reply!.text).toContain(
      "<b>[1]</b> <b>Lukashenko meets jailed rivals</b>\n<blockquote>Others in the picture include Liliya Vlasova",
    );
    expect(h.callsOf("sendChatAction")[0]?.payload).toMatchObject({ chat_id: OWNER, action: "typing" });
  });

  it("escapes everything the answerer and the articles say, and links titles to their URL", async () => {
    const footnote = new FakeFootnote();
    footnote.askImpl = async () => ({
      answer: `<script>alert("x")</script> & <b>unclosed [1]`,
      abstained: false,
      citations: [
        {
          n: 1,
          articleId: "a1",
          title: "A <i>title</i> & co",
          url: "https://example.com/a?x=1&y=<2>",
          quote: "</blockquote><b>quote & more",
          start: 0,
          end: 5,
          passageId: 1,
        },
      ],
    });
    const h = makeTestBot({ footnote });
    await h.send({ text: "hostile?" });
    const [reply] = h.to(OWNER);
    expect(reply!.text).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;unclosed [1]",
    );
    expect(reply!.text).toContain(
      '<a href="https://example.com/a?x=1&amp;y=%3C2%3E">A &lt;i&gt;title&lt;/i&gt; &amp; co</a>',
    );
    expect(reply!.plain).toContain("</blockquote><b>quote & more");
  });

  it("says in one line that nothing was found, suggesting /ingest", async () => {
    const h = makeTestBot();
    await h.send({ text: "What is the capital of Peru?" });
    expect(h.to(OWNER).map((m) => m.plain)).toEqual([NOTHING_FOUND]);
  });

  it("refuses a question over MAX_QUESTION_CHARS, naming the limit", async () => {
    const h = makeTestBot({ env: { MAX_QUESTION_CHARS: "20" } });
    await h.send({ text: "x".repeat(21) });
    expect(h.to(OWNER)[0]!.plain).toContain("more than I take for a question (20)");
    expect(h.footnote.calls).toEqual([]);
  });

  it("limits questions per user and says when to try again", async () => {
    const h = makeTestBot({ env: { RATE_LIMIT_QUESTIONS_PER_MINUTE: "2" } });
    for (let i = 0; i < 3; i++) await h.send({ text: `question ${i}` });
    expect(h.footnote.calls.filter((c) => c.method === "ask")).toHaveLength(2);
    expect(h.to(OWNER)[2]!.plain).toMatch(/faster than 2 questions a minute; try again in \d+ s/);
  });

  it("delivers the answer even when sendChatAction fails", async () => {
    const h = makeTestBot({
      respond: (m) =>
        m === "sendChatAction"
          ? apiError({ error_code: 400, description: "Bad Request: chat not found" })
          : undefined,
    });
    await withArticle(h);
    await h.send({ text: "Who was with Babaryko?" });
    expect(h.to(OWNER)[0]!.text).toContain("Babaryko");
    // One short warning with Telegram's reason, not a stack trace.
    const typing = h.logs.filter((l) => l.includes("could not show typing"));
    expect(typing.length).toBeGreaterThan(0);
    expect(typing[0]).toContain("chat not found");
    expect(typing.join("")).not.toContain("stack");
  });

  it("ends a failing handler in one short apology and a log line without the token", async () => {
    const footnote = new FakeFootnote();
    footnote.askImpl = async () => {
      throw new Error(`socket hang up at https://api.telegram.org/bot${FAKE_TOKEN}/x`);
    };
    const h = makeTestBot({ footnote });
    await h.send({ text: "anything?" });
    expect(h.to(OWNER).map((m) => m.plain)).toEqual([
      "Something went wrong on our side. Please try again; if it keeps happening, tell the bot's admin.",
    ]);
    const logs = h.logs.join("");
    expect(logs).toContain("handler failed");
    expect(logs).not.toContain(FAKE_TOKEN);
    expect(logs).not.toContain(FAKE_TOKEN.split(":")[1]);
  });

  it("shows a FootnoteError's own message", async () => {
    const footnote = new FakeFootnote();
    footnote.askImpl = async () => {
      throw new FootnoteError("PROVIDER_RATE_LIMIT", "The answer model is busy; try again in a minute.");
    };
    const h = makeTestBot({ footnote });
    await h.send({ text: "anything?" });
    expect(h.to(OWNER).map((m) => m.plain)).toEqual(["The answer model is busy; try again in a minute."]);
  });

  it("streams a chat model's answer into one message, at most about once a second", async () => {
    const footnote = new FakeFootnote();
    const final: AnswerResult = {
      answer: "Babaryko and Vlasova were there [1].",
      abstained: false,
      citations: [
        {
          n: 1,
          articleId: "a1",
          title: "T",
          url: null,
          quote: "Babaryko, Vlasova.",
          start: 0,
          end: 5,
          passageId: 1,
        },
      ],
    };
    footnote.askImpl = async (_lib, _q, opts) => {
      let text = "";
      for (const word of "Babaryko and Vlasova were there [1].".split(" ").concat(Array(12).fill(""))) {
        text += `${word} `;
        opts?.onPartial?.(text);
        await sleep(100);
      }
      return final;
    };
    const h = makeTestBot({ footnote });
    await h.send({ text: "who?" });
    const sent = h.to(OWNER);
    expect(sent).toHaveLength(1);
    const edits = h.callsOf("editMessageText").length;
    expect(edits).toBeGreaterThanOrEqual(1);
    expect(edits).toBeLessThanOrEqual(3);
    expect(sent[0]!.history[0]).toMatch(/ …$/);
    expect(sent[0]!.text).toContain("<blockquote>Babaryko, Vlasova.</blockquote>");
  });

  it("edits the streamed message into the first part of a long answer and sends the rest", async () => {
    const footnote = new FakeFootnote();
    footnote.askImpl = async (_lib, _q, opts) => {
      opts?.onPartial?.("Long");
      await sleep(50);
      return {
        answer: "Long answer [1] [2].",
        abstained: false,
        citations: [1, 2].map((n) => ({
          n,
          articleId: "a",
          title: `T${n}`,
          url: null,
          quote: `${n} ${"long quote ".repeat(350)}`,
          start: 0,
          end: 1,
          passageId: n,
        })),
      };
    };
    const h = makeTestBot({ footnote });
    await h.send({ text: "long?" });
    const sent = h.to(OWNER);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[0]!.history).toHaveLength(2);
    expect(sent[0]!.text).toContain("Long answer [1] [2].");
    expect(sent.every((m) => m.text.length <= 4096)).toBe(true);
  });

  it("resends as plain text if Telegram refuses the markup", async () => {
    let refused = false;
    const h = makeTestBot({
      respond: (m, p) => {
        if (m !== "sendMessage" || p.parse_mode !== "HTML" || refused) return undefined;
        refused = true;
        return apiError({
          error_code: 400,
          description: "Bad Request: can't parse entities: unsupported start tag",
        });
      },
    });
    await withArticle(h);
    await h.send({ text: "Who was with Babaryko?" });
    const [reply] = h.to(OWNER);
    expect(reply!.payload.parse_mode).toBeUndefined();
    expect(reply!.text).toContain("[1] Lukashenko meets jailed rivals");
  });

  it("tells the user about unknown commands and explains itself on /help and /start", async () => {
    const h = makeTestBot();
    await h.send({ text: "/frobnicate" });
    await h.send({ text: "/help" });
    await h.send({ text: "/start" });
    const [unknown, help, start] = h.to(OWNER);
    expect(unknown!.plain).toContain("/help");
    expect(help!.plain).toContain("/ingest");
    expect(start!.plain).toBe(help!.plain);
    expect(h.footnote.calls).toEqual([]);
  });

  it("uses one shared library when LIBRARY_SCOPE=shared", async () => {
    const h = makeTestBot({ env: { LIBRARY_SCOPE: "shared" } });
    await h.send({ text: "a question" });
    expect(h.footnote.calls[0]).toMatchObject({ method: "ask", libraryId: "shared" });
  });
});

describe("/ingest", () => {
  it("reads a URL, showing that it is reading, then what it stored", async () => {
    const h = makeTestBot();
    h.footnote.pages.set("https://example.com/story", { title: "A <story>", text: ARTICLE });
    await h.send({ text: "/ingest https://example.com/story" });
    expect(h.footnote.calls[0]).toMatchObject({
      method: "ingest",
      libraryId: `chat:${OWNER}`,
      arg: { kind: "url", url: "https://example.com/story" },
    });
    const [msg, ...more] = h.to(OWNER);
    expect(more).toEqual([]);
    expect(msg!.history[0]).toContain("Reading https://example.com/story");
    expect(msg!.text).toMatch(
      /^Added <a href="https:\/\/example.com\/story">A &lt;story&gt;<\/a>: 1 passage \(id <code>a1<\/code>\)/,
    );
  });

  it("reads pasted text, and says when it already has it", async () => {
    const h = makeTestBot();
    await h.send({ text: `/ingest\n${ARTICLE}` });
    expect(h.footnote.calls[0]!.arg).toEqual({ kind: "text", text: ARTICLE });
    expect(h.to(OWNER)[0]!.history[0]).toContain(`Reading your text (${ARTICLE.length} characters)`);
    await h.send({ text: `/ingest ${ARTICLE}` });
    expect(h.to(OWNER)[1]!.plain).toMatch(/^I already have Lukashenko meets jailed rivals \(id a1\)/);
  });

  it("says why it could not add an article", async () => {
    const h = makeTestBot();
    await h.send({ text: "/ingest https://example.com/missing" });
    expect(h.to(OWNER)[0]!.plain).toBe(
      "Could not add that: Could not fetch https://example.com/missing: the server answered 404 Not Found.",
    );
  });

  it("explains itself when given nothing to read", async () => {
    const h = makeTestBot();
    await h.send({ text: "/ingest" });
    expect(h.to(OWNER)[0]!.plain).toMatch(/^Send \/ingest followed by a link/);
    expect(h.footnote.calls).toEqual([]);
  });

  it("shows progress by editing the message at most about once a second", async () => {
    const h = makeTestBot();
    h.footnote.beforeIngest = async (_s, onProgress) => {
      for (let i = 0; i <= 30; i++) {
        onProgress?.({ stage: "embedding", done: i, total: 30 });
        await sleep(50);
      }
    };
    await h.send({ text: `/ingest ${ARTICLE}` });
    const [msg] = h.to(OWNER);
    expect(msg!.history.some((t) => /Indexing passages: \d+ of 30/.test(t))).toBe(true);
    expect(msg!.history.length).toBeLessThanOrEqual(4);
    expect(msg!.text).toMatch(/^Added/);
  });

  it("ingests a forwarded article's linked URL when its text is short", async () => {
    const h = makeTestBot();
    h.footnote.pages.set("https://news.example/long-read", { title: "Long read", text: ARTICLE });
    const text = "Read our long read about the meeting";
    await h.send({
      text,
      entities: [
        { type: "text_link", offset: 5, length: 8, url: "https://t.me/channel/5" },
        { type: "text_link", offset: 9, length: 9, url: "https://news.example/long-read" },
      ],
      forwardOrigin: {
        type: "channel",
        date: 0,
        chat: { id: -100500, type: "channel", title: "News" },
        message_id: 5,
      },
    });
    expect(h.footnote.calls[0]!.arg).toEqual({ kind: "url", url: "https://news.example/long-read" });
    expect(h.to(OWNER)[0]!.plain).toMatch(/^Added Long read/);
  });

  it("ingests a long forwarded message as text", async () => {
    const h = makeTestBot();
    const text = `${ARTICLE}\n${"More paragraphs. ".repeat(40)}`;
    await h.send({ text, forwardOrigin: { type: "hidden_user", date: 0, sender_user_name: "Someone" } });
    expect(h.footnote.calls[0]!.arg).toEqual({ kind: "text", text: text.trim() });
  });

  it("refuses non-admins when INGEST=admins, and lets admins in even if not on the allow list", async () => {
    const h = makeTestBot({ env: { INGEST: "admins", ADMIN_USER_IDS: "7" } });
    await h.send({ text: `/ingest ${ARTICLE}` });
    expect(h.to(OWNER)[0]!.plain).toBe("Only the bot's admins can add articles here.");
    await h.send({ userId: 7, text: `/ingest ${ARTICLE}` });
    expect(h.footnote.calls).toHaveLength(1);
    expect(h.to(7)[0]!.plain).toMatch(/^Added/);
  });

  it("limits ingests per user", async () => {
    const h = makeTestBot({ env: { RATE_LIMIT_INGESTS_PER_MINUTE: "1" } });
    const text = (n: string) =>
      `/ingest ${n}: ${"A council met on Monday and agreed to talk again. ".repeat(4)}`;
    await h.send({ text: text("first") });
    await h.send({ text: text("second") });
    expect(h.footnote.calls).toHaveLength(1);
    expect(h.to(OWNER)[1]!.plain).toMatch(/faster than 1 a minute; try again in \d+ s/);
  });

  describe("files", () => {
    let api: FakeBotApi;
    beforeAll(async () => {
      api = await FakeBotApi.start();
    });
    afterAll(async () => {
      await api.close();
    });
    const passGetFile = (
      m: string,
      p: Record<string, unknown>,
      prev: (m: never, p: never) => Promise<unknown>,
    ) => (m === "getFile" ? prev(m as never, p as never) : undefined);

    it("downloads a document replied to with /ingest, through getFile and the file URL", async () => {
      const h = makeTestBot({ env: { TELEGRAM_API_ROOT: api.apiRoot }, respond: passGetFile });
      const document = api.addFile(ARTICLE, { fileName: "story.txt", mimeType: "text/plain" });
      const doc = buildUserMessage({ chatId: OWNER, userId: OWNER, document }, 1);
      await h.send({ text: "/ingest", replyTo: doc });
      expect(h.callsOf("getFile")[0]!.payload).toMatchObject({ file_id: document.file_id });
      const arg = h.footnote.calls[0]!.arg as {
        kind: string;
        bytes: Uint8Array;
        filename: string;
        contentType: string;
      };
      expect(arg).toMatchObject({ kind: "file", filename: "story.txt", contentType: "text/plain" });
      expect(new TextDecoder().decode(arg.bytes)).toBe(ARTICLE);
      const [msg] = h.to(OWNER);
      expect(msg!.history[0]).toContain("Reading story.txt");
      expect(msg!.plain).toMatch(/^Added story.txt/);
    });

    it("reads a document captioned /ingest in a group, and any document in a private chat", async () => {
      const h = makeTestBot({ env: { TELEGRAM_API_ROOT: api.apiRoot }, respond: passGetFile });
      const document = api.addFile("<html><body><p>Hello</p></body></html>", { fileName: "page.html" });
      await h.send({ chatId: GROUP, document, caption: "/ingest" });
      expect(h.footnote.calls[0]).toMatchObject({
        libraryId: `chat:${GROUP}`,
        arg: { kind: "file", filename: "page.html" },
      });
      await h.send({ chatId: GROUP, document: api.addFile("other", { fileName: "b.md" }) });
      expect(h.footnote.calls).toHaveLength(1);
      await h.send({ document: api.addFile("private text", { fileName: "c.md" }) });
      expect(h.footnote.calls[1]).toMatchObject({
        libraryId: `chat:${OWNER}`,
        arg: { kind: "file", filename: "c.md" },
      });
    });

    it("refuses files over Telegram's 20 MB download limit and unreadable types without downloading", async () => {
      const h = makeTestBot({ env: { TELEGRAM_API_ROOT: api.apiRoot }, respond: passGetFile });
      await h.send({ document: api.addFile("x", { fileName: "huge.pdf", reportedSize: 30 * 1024 * 1024 }) });
      await h.send({ document: api.addFile("x", { fileName: "song.mp3", mimeType: "audio/mpeg" }) });
      expect(h.callsOf("getFile")).toEqual([]);
      const [big, mp3] = h.to(OWNER);
      expect(big!.plain).toBe("That file is 30.0 MB; the bot can read files up to 20.0 MB.");
      expect(mp3!.plain).toContain("I can read .txt, .html, .md and .pdf files");
    });

    it("reports a failed download clearly", async () => {
      const h = makeTestBot({
        env: { TELEGRAM_API_ROOT: api.apiRoot },
        respond: (m) =>
          m === "getFile"
            ? { ok: true, result: { file_id: "x", file_unique_id: "x", file_path: "documents/gone.txt" } }
            : undefined,
      });
      await h.send({ document: { file_id: "x", file_unique_id: "x", file_name: "gone.txt" } });
      expect(h.to(OWNER)[0]!.plain).toBe(
        "Could not add that: Telegram answered 404 when the bot downloaded the file; please try again.",
      );
      expect(h.logs.join("")).not.toContain(FAKE_TOKEN);
    });
  });
});

describe("/list and /forget", () => {
  it("pages a long list with Prev/Next buttons and answers the button presses", async () => {
    const h = makeTestBot();
    for (let i = 0; i < 23; i++) await withArticle(h, `chat:${OWNER}`, `Article ${i}\nbody ${i}`);
    await h.send({ text: "/list" });
    const [list] = h.to(OWNER);
    expect(list!.text).toContain("Articles in this chat (23)</b> — page 1 of 3");
    expect(list!.text.match(/<code>/g)).toHaveLength(10);
    const keyboard = (
      list!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard;
    expect(keyboard[0]!.map((b) => [b.text, b.callback_data])).toEqual([["Next ›", "list:1"]]);

    const press = (data: string, userId = OWNER) =>
      h.handle({
        callback_query: {
          id: `cb-${data}`,
          from: { id: userId, is_bot: false, first_name: "U" },
          chat_instance: "c",
          data,
          message: {
            message_id: list!.messageId,
            date: 0,
            chat: { id: OWNER, type: "private", first_name: "U" },
            text: "x",
          },
        },
      });
    await press("list:1");
    expect(list!.text).toContain("page 2 of 3");
    const kb2 = (list!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> })
      .inline_keyboard;
    expect(kb2[0]!.map((b) => b.text)).toEqual(["‹ Prev", "Next ›"]);
    expect(h.callsOf("answerCallbackQuery")).toHaveLength(1);
    await press("list:2");
    expect(list!.text).toContain("page 3 of 3");
    expect(list!.text.match(/<code>/g)).toHaveLength(3);
    expect(h.callsOf("answerCallbackQuery")).toHaveLength(2);
  });

  it("says there is no such article for an unknown id or another chat's id, revealing nothing", async () => {
    const h = makeTestBot();
    const other = await withArticle(h, "chat:555", "Secret article of another chat");
    await h.send({ text: "/forget nope<b>" });
    await h.send({ text: `/forget ${other.id}` });
    const [unknown, foreign] = h.to(OWNER);
    expect(unknown!.text).toBe("No article <code>nope&lt;b&gt;</code> in this chat. /list shows them.");
    expect(foreign!.plain).toBe(`No article ${other.id} in this chat. /list shows them.`);
    expect(await h.footnote.list("chat:555")).toHaveLength(1);
  });

  it("forgets an article of this chat", async () => {
    const h = makeTestBot();
    const mine = await withArticle(h);
    await h.send({ text: `/forget ${mine.id}` });
    expect(h.to(OWNER)[0]!.plain).toBe(`Forgot Lukashenko meets jailed rivals (${mine.id}).`);
    expect(await h.footnote.list(`chat:${OWNER}`)).toEqual([]);
  });

  it("lets only admins forget when INGEST=admins", async () => {
    const h = makeTestBot({ env: { INGEST: "admins", ADMIN_USER_IDS: "7" } });
    const mine = await withArticle(h);
    await h.send({ text: `/forget ${mine.id}` });
    expect(h.to(OWNER)[0]!.plain).toBe("Only the bot's admins can remove articles here.");
    expect(await h.footnote.list(`chat:${OWNER}`)).toHaveLength(1);
  });
});

describe("groups", () => {
  it("stays quiet on messages not addressed to it", async () => {
    const h = makeTestBot();
    await withArticle(h, `chat:${GROUP}`);
    await h.send({ chatId: GROUP, text: "Who was with Babaryko?" });
    await h.send({ chatId: GROUP, text: "/ask@some_other_bot who?" });
    await h.send({ chatId: GROUP, text: "/unknowncommand" });
    expect(h.calls).toEqual([]);
  });

  it("answers when mentioned, with the mention stripped, in reply to the question", async () => {
    const h = makeTestBot();
    await withArticle(h, `chat:${GROUP}`);
    const q = await h.send({ chatId: GROUP, text: `@${botInfo.username} who was with Babaryko?` });
    expect(h.footnote.calls.at(-1)).toMatchObject({
      method: "ask",
      libraryId: `chat:${GROUP}`,
      arg: "who was with Babaryko?",
    });
    const [answer] = h.to(GROUP);
    expect(answer!.text).toContain("Babaryko");
    expect(answer!.payload.reply_parameters).toMatchObject({ message_id: q.message_id });
  });

  it("answers a reply to one of its messages, and /ask", async () => {
    const h = makeTestBot();
    await withArticle(h, `chat:${GROUP}`);
    await h.send({ chatId: GROUP, text: "and Vlasova?", replyTo: h.botMessage(GROUP) });
    await h.send({ chatId: GROUP, text: `/ask@${botInfo.username} who is Shkliarov?` });
    await h.send({ chatId: GROUP, text: "/ask" });
    const asks = h.footnote.calls.filter((c) => c.method === "ask").map((c) => c.arg);
    expect(asks).toEqual(["and Vlasova?", "who is Shkliarov?"]);
    expect(h.to(GROUP).at(-1)!.plain).toBe("Send /ask followed by your question about this chat's articles.");
  });

  it("ingests in groups too", async () => {
    const h = makeTestBot();
    await h.send({ chatId: GROUP, text: `/ingest@${botInfo.username} ${ARTICLE}` });
    expect(await h.footnote.list(`chat:${GROUP}`)).toHaveLength(1);
  });
});

describe("access", () => {
  it("refuses a stranger in one line with their id and how to allow them", async () => {
    const h = makeTestBot();
    await h.send({ userId: 99, text: "hello?" });
    expect(h.to(99).map((m) => m.plain)).toEqual([
      "Sorry, this bot is private. Your Telegram user id is 99; its owner can let you in by setting ALLOWED_USER_IDS=99.",
    ]);
    expect(h.footnote.calls).toEqual([]);
  });

  it("ignores strangers in groups unless they address the bot", async () => {
    const h = makeTestBot();
    await h.send({ chatId: GROUP, userId: 99, text: "chatting" });
    expect(h.calls).toEqual([]);
    await h.send({ chatId: GROUP, userId: 99, text: `@${botInfo.username} hi` });
    expect(h.to(GROUP).map((m) => m.plain)).toEqual([
      `Sorry, this bot is private. Your Telegram user id is 99; its owner can let you in by setting ALLOWED_USER_IDS=99, or this whole group with ALLOWED_CHAT_IDS=${GROUP}.`,
    ]);
  });

  it("lets anyone in an allowed chat use the bot", async () => {
    const h = makeTestBot({ env: { ALLOWED_USER_IDS: "", ALLOWED_CHAT_IDS: String(GROUP) } });
    await h.send({ chatId: GROUP, userId: 99, text: "/ask who?" });
    expect(h.footnote.calls).toHaveLength(1);
    await h.send({ userId: 99, text: "who?" });
    expect(h.footnote.calls).toHaveLength(1);
  });

  it("lets nobody in when both lists are empty", async () => {
    const h = makeTestBot({ env: { ALLOWED_USER_IDS: "" } });
    await h.send({ text: "who?" });
    expect(h.footnote.calls).toEqual([]);
    expect(h.to(OWNER)[0]!.plain).toContain(`ALLOWED_USER_IDS=${OWNER}`);
  });

  it("lets everyone in with *", async () => {
    const h = makeTestBot({ env: { ALLOWED_USER_IDS: "*" } });
    await h.send({ userId: 12345, text: "who?" });
    expect(h.footnote.calls).toHaveLength(1);
  });
});

it("escapes a hostile list and forget reply", async () => {
  const h = makeTestBot();
  await withArticle(h, `chat:${OWNER}`, `<b>unclosed & </blockquote> title 😀\nbody`);
  await h.send({ text: "/list" });
  expect(h.to(OWNER)[0]!.text).toContain(escapeHtml("<b>unclosed & </blockquote> title 😀"));
});

it("answers other kinds of private messages with a hint rather than silence", async () => {
  const h = makeTestBot();
  await h.handle({
    message: {
      message_id: 1,
      date: 0,
      chat: { id: OWNER, type: "private", first_name: "O" },
      from: { id: OWNER, is_bot: false, first_name: "O" },
      sticker: {
        file_id: "s",
        file_unique_id: "s",
        type: "regular",
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    },
  });
  expect(h.to(OWNER)[0]!.plain).toMatch(/^Send me a question as text/);
});

it("replaces a half-streamed answer with the apology when the model fails mid-way", async () => {
  const footnote = new FakeFootnote();
  footnote.askImpl = async (_l, _q, opts) => {
    opts?.onPartial?.("Babaryko and");
    await sleep(30);
    opts?.onPartial?.("Babaryko and Vlasova");
    throw new FootnoteError("PROVIDER_UNAVAILABLE", "The answer model is unreachable; try again later.");
  };
  const h = makeTestBot({ footnote });
  await h.send({ text: "who?" });
  await sleep(1200);
  const sent = h.to(OWNER);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.plain).toBe("The answer model is unreachable; try again later.");
});

it("handles one chat's updates in order, so a question waits for the ingest before it", async () => {
  const h = makeTestBot();
  const events: string[] = [];
  h.footnote.beforeIngest = async () => {
    events.push("ingest start");
    await sleep(200);
    events.push("ingest end");
  };
  h.footnote.askImpl = async (libraryId) => {
    events.push(`ask ${libraryId}`);
    return { answer: "", abstained: true, citations: [] };
  };
  await Promise.all([
    h.send({ text: `/ingest ${ARTICLE}` }),
    h.send({ text: "who?" }),
    h.send({ chatId: -5, text: `/ask@${botInfo.username} elsewhere?` }),
  ]);
  // This chat's question waited for its ingest (and, declined by the article just added, was
  // asked of the whole library); the other chat's did not wait.
  expect(events.slice(events.indexOf("ingest end"))).toEqual([
    "ingest end",
    `ask chat:${OWNER}`,
    `ask chat:${OWNER}`,
  ]);
  expect(events.indexOf("ask chat:-5")).toBeLessThan(events.indexOf("ingest end"));
});

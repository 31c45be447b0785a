/**
 * The article a conversation is on: a question asked right after sharing one article is asked
 * of that article first, and the conversation stays on it while it answers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleToAskFirst, askWithFocus } from "../../src/conversation/article-focus.ts";
import { Conversations } from "../../src/conversation/conversation.ts";
import { SqliteConversationStore } from "../../src/conversation/sqlite-store.ts";
import { silentLogger } from "../../src/logger.ts";
import type { AnswerResult, ArticleSummary, AskOptions, Citation } from "../../src/types.ts";
import { tempDir, testFootnote } from "../helpers/footnote.ts";
import { turn } from "../helpers/turn.ts";

const EXAMPLE = new URL("../../examples/harbour-ferry-talks.txt", import.meta.url);
const BOARD = new URL("../fixtures/answer/board-meeting.txt", import.meta.url);

const article = (id: string, at: number) => ({ id, createdAt: new Date(at).toISOString() }) as ArticleSummary;
const listing = (...articles: ArticleSummary[]) => ({ list: () => Promise.resolve(articles) });

describe("articleToAskFirst", () => {
  const horizon = 1_000;

  it("is the one article added since the last turn, within the conversation's window", async () => {
    const lib = listing(article("old", 2_000), article("new", 5_000));
    expect(await articleToAskFirst(lib, "l", turn({ at: 3_000 }), horizon)).toBe("new");
    expect(await articleToAskFirst(lib, "l", undefined, 4_000)).toBe("new");
    // Before the window began, it is no longer what the conversation is about.
    expect(await articleToAskFirst(lib, "l", undefined, 6_000)).toBeUndefined();
  });

  it("is none when several were added at once", async () => {
    const lib = listing(article("a", 5_000), article("b", 5_001));
    expect(await articleToAskFirst(lib, "l", turn({ at: 3_000 }), horizon)).toBeUndefined();
  });

  it("stays on the article while the last turn was answered from it", async () => {
    const lib = listing(article("a", 2_000));
    const onIt = turn({ at: 3_000, focus: "a", articleIds: ["a"] });
    expect(await articleToAskFirst(lib, "l", onIt, horizon)).toBe("a");
    expect(await articleToAskFirst(lib, "l", { ...onIt, abstained: true }, horizon)).toBeUndefined();
    expect(await articleToAskFirst(lib, "l", { ...onIt, focus: undefined }, horizon)).toBeUndefined();
  });
});

describe("articleToAskFirst, on a library", () => {
  it("reads what was added since the last turn without listing the library", async () => {
    const { footnote } = await testFootnote();
    try {
      const before = Date.now() - 1;
      const { id } = await footnote.ingest("l", { kind: "text", text: readFileSync(EXAMPLE, "utf8") });
      // Listing every article on each question is what this avoids: a library of thousands.
      const noListing = {
        addedSince: footnote.addedSince!.bind(footnote),
        list: () => Promise.reject(new Error("listed")),
      };
      expect(await articleToAskFirst(noListing, "l", turn({ at: before }), 0)).toBe(id);
      expect(await articleToAskFirst(noListing, "l", turn({ at: Date.now() + 1_000 }), 0)).toBeUndefined();
    } finally {
      await footnote.close();
    }
  });
});

describe("askWithFocus", () => {
  const answered: AnswerResult = { answer: "Yes [1].", abstained: false, citations: [] };
  const declined: AnswerResult = { answer: "No.", abstained: true, citations: [] };
  const recorder = (first: AnswerResult) => {
    const calls: AskOptions[] = [];
    return {
      calls,
      ask: (_l: string, _q: string, opts: AskOptions = {}) => {
        calls.push(opts);
        return Promise.resolve(calls.length === 1 ? first : answered);
      },
    };
  };

  it("asks the article in focus, without streaming, and stops there when it answers", async () => {
    const r = recorder(answered);
    const got = await askWithFocus(r, "l", "q?", { onPartial: () => {} }, "a");
    expect(got).toEqual({ result: answered, focus: "a" });
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]!.articleIds).toEqual(["a"]);
    expect(r.calls[0]!.onPartial).toBeUndefined();
  });

  it("takes the library's answer from another article only when it is more confident", async () => {
    const cite = (articleId: string): Citation[] => [
      { n: 1, articleId, passageId: 1, title: "", url: null, quote: "", start: 0, end: 0 },
    ];
    const fromFocus: AnswerResult = {
      answer: "A [1].",
      abstained: false,
      citations: cite("a"),
      confidence: 0.6,
    };
    const run = async (library: AnswerResult) => {
      const calls: AskOptions[] = [];
      const ask = (_l: string, _q: string, opts: AskOptions = {}) => {
        calls.push(opts);
        return Promise.resolve(calls.length === 1 ? fromFocus : library);
      };
      return { got: await askWithFocus({ ask }, "l", "q?", {}, "a"), calls };
    };
    const surer: AnswerResult = { answer: "B [1].", abstained: false, citations: cite("b"), confidence: 0.8 };
    expect(await run(surer)).toMatchObject({ got: { result: surer }, calls: [{ articleIds: ["a"] }, {}] });
    expect((await run({ ...surer, confidence: 0.5 })).got).toEqual({ result: fromFocus, focus: "a" });
    expect((await run({ ...surer, citations: cite("a") })).got).toEqual({ result: fromFocus, focus: "a" });
  });

  it("asks the whole library when the article declines, or when there is none", async () => {
    const r = recorder(declined);
    expect(await askWithFocus(r, "l", "q?", {}, "a")).toEqual({ result: answered });
    expect(r.calls.map((c) => c.articleIds)).toEqual([["a"], undefined]);
    const none = recorder(answered);
    await askWithFocus(none, "l", "q?", {}, undefined);
    expect(none.calls.map((c) => c.articleIds)).toEqual([undefined]);
  });
});

describe("a conversation over a library", () => {
  it("answers a question right after sharing an article from that article, and leaves it when it declines", async () => {
    const { footnote } = await testFootnote();
    const talk = new Conversations(
      footnote,
      new SqliteConversationStore(path.join(tempDir(), "c.db"), { maxTurns: 8, ttlMs: 3_600_000 }),
      silentLogger(),
    );
    try {
      await footnote.ingest("l", { kind: "text", text: readFileSync(EXAMPLE, "utf8") });
      const key = { chat: "chat:1", thread: "" };
      await talk.ask(key, "l", "Who is acting as a go-between for the council and the crews?");
      await new Promise((r) => setTimeout(r, 5));
      const board = await footnote.ingest("l", { kind: "text", text: readFileSync(BOARD, "utf8") });
      // Asked of the whole library, it does not find the board's chairman: the question names
      // nothing of the board's (it is declined, or answered from the ferry crews' words).
      expect((await footnote.ask("l", "What did the chairman say?")).answer).not.toContain("Howard Pell");

      const chairman = await talk.ask(key, "l", "What did the chairman say?");
      expect(chairman.result.abstained).toBe(false);
      expect(chairman.result.citations.map((c) => c.articleId)).toEqual([board.id]);
      expect(chairman.turn.focus).toBe(board.id);
      expect(chairman.result.answer).toContain("Howard Pell");

      const staff = await talk.ask(key, "l", "How many people do the two companies employ?");
      expect(staff.turn.focus).toBe(board.id);

      // About the other article: answered from it, though the board's article answers too.
      const vote = await talk.ask(key, "l", "When will the council vote?");
      expect(vote.result.citations[0]!.articleId).not.toBe(board.id);
      expect(vote.turn.focus).toBeUndefined();

      // And declined by the board's article: answered from the library.
      const brekke = await talk.ask(key, "l", "Who is Osvald Brekke?");
      expect(brekke.result.abstained).toBe(false);
      expect(brekke.result.citations[0]!.articleId).not.toBe(board.id);
      expect(brekke.turn.focus).toBeUndefined();
    } finally {
      await talk.close();
      await footnote.close();
    }
  });
});

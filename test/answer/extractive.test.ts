import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { SHARED_ARTICLE, testFootnote } from "../helpers/footnote.ts";

describe("extractive answerer, through the library", () => {
  let ctx: Awaited<ReturnType<typeof testFootnote>>;
  let id: string;
  beforeAll(async () => {
    ctx = await testFootnote();
    const text = fs.readFileSync(SHARED_ARTICLE, "utf8");
    id = (await ctx.footnote.ingest("default", { kind: "text", text })).id;
  });
  afterAll(() => ctx.footnote.close());

  it("quotes exact substrings of the stored article, with markers that match its citations", async () => {
    const stored = ctx.footnote.library("default")!.store.articleText(id)!;
    for (const q of ["Who was at the meeting?", "Where has Tikhanovskaya taken refuge?", "What did Pavel Latushko write?"]) {
      const r = await ctx.footnote.ask("default", q);
      expect(r.abstained, q).toBe(false);
      for (const c of r.citations) {
        expect(stored.slice(c.start, c.end)).toBe(c.quote);
        expect(c.articleId).toBe(id);
      }
      const markers = new Set([...r.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect([...markers].sort()).toEqual(r.citations.map((c) => c.n));
    }
  });

  it("answers a where-question with the sentence that holds the place", async () => {
    const r = await ctx.footnote.ask("default", "Where has Tikhanovskaya taken refuge?");
    expect(r.answer).toContain("Lithuania");
  });

  it("says it found nothing when no sentence covers the question", async () => {
    const r = await ctx.footnote.ask("default", "What is the capital of Australia's wine industry?");
    expect(r).toEqual({ answer: "I couldn't find that in your articles.", abstained: true, citations: [] });
  });
});

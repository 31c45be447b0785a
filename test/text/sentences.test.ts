import { describe, expect, it } from "vitest";
import { sentenceSpans } from "../../src/text/sentences.ts";

const texts = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe("sentenceSpans", () => {
  it("splits at full stops and always at line breaks", () => {
    expect(texts("First one. Second one.\nA heading\nThird one.")).toEqual([
      "First one.",
      "Second one.",
      "A heading",
      "Third one.",
    ]);
  });

  it("does not end a sentence inside a quotation", () => {
    const text =
      'He wrote that the meeting "showed we are on the right track. Lukashenko was forced to sit down." Then he left.';
    expect(texts(text)).toEqual([
      'He wrote that the meeting "showed we are on the right track. Lukashenko was forced to sit down."',
      "Then he left.",
    ]);
    expect(texts("She said \u201cNo. Never.\u201d It ended.")).toEqual([
      "She said \u201cNo. Never.\u201d",
      "It ended.",
    ]);
  });

  it("gives up on a quotation that never closes, instead of swallowing the paragraph", () => {
    const text = `An "open quote. ${"Another sentence here. ".repeat(40)}`;
    const spans = texts(text);
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) expect(s.length).toBeLessThan(700);
  });
});

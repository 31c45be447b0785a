import { describe, expect, it } from "vitest";
import { superlativeQuestions } from "../../src/companion/superlatives.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string) =>
  superlativeQuestions(text, sentenceSpans(text)).map((c) => [c.question, c.holds]);

describe("what a superlative names", () => {
  it("asks what or who the superlative phrase is, holding the name it gives", () => {
    expect(
      ask(
        "The most privacy-preserving modern browser is the Tor Browser, which everyone should have. " +
          "The first woman to lead the agency was Janet Yellen. The largest lake in Siberia is Lake Baikal.",
      ),
    ).toEqual([
      ["What is the most privacy-preserving modern browser?", "Tor Browser"],
      ["Who was the first woman to lead the agency?", "Janet Yellen"],
      ["What is the largest lake in Siberia?", "Lake Baikal"],
    ]);
  });

  it("asks nothing of a phrase that only looks superlative, or of one that names no name", () => {
    expect(
      ask(
        "The interest rate is Fed policy. The rest was History. The biggest problem is that nobody came. " +
          "The best way to start is small.",
      ),
    ).toEqual([]);
  });
});

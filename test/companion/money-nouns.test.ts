import { describe, expect, it } from "vitest";
import { moneyNounQuestions } from "../../src/companion/money-nouns.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string) =>
  moneyNounQuestions(text, sentenceSpans(text)).map((c) => [c.question, c.expect]);

describe("how much a sum's noun is", () => {
  it("asks how much a fee, an offer or a bill is, with the sum before or after it", () => {
    expect(
      ask(
        "Yahoo may accept a superior offer by paying a $144 million breakup fee to Verizon. " +
          "There is a so-called naked no-vote termination fee of $15 million payable to Verizon.",
      ),
    ).toEqual([
      ["How much is the breakup fee?", "144 million"],
      ["How much is the termination fee?", "15 million"],
    ]);
  });

  it("asks nothing of a sum with no money noun, or of a noun the phrase goes on from", () => {
    expect(
      ask(
        "The $0 people pay is nothing. Yahoo’s $4.8 billion sale is a beast. A $2 trillion tax plan passed.",
      ),
    ).toEqual([]);
  });
});

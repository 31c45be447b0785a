import { describe, expect, it } from "vitest";
import { glossedTermQuestions } from "../../src/companion/glossed-terms.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string) =>
  glossedTermQuestions(text, sentenceSpans(text)).map((c) => [c.question, c.holds]);

describe("what a glossed term is", () => {
  it("asks what a term in quotation marks is when a dash glosses it", () => {
    expect(
      ask(
        'The ranking was due to the ineffectiveness of its "safety net" -- social programs aimed at reducing poverty.',
      ),
    ).toEqual([["What is the safety net?", "social programs aimed"]]);
    expect(
      ask(
        "Providers must store so-called “metadata” — the who, where, when and how of a call, but not its content — for two years.",
      ),
    ).toEqual([["What is metadata?", "the who, where"]]);
  });

  it("asks nothing when the dash goes on with the sentence", () => {
    expect(
      ask(
        'Yahoo is not “substantially all” – the Alibaba shares are worth more. They call it "consent" — that they harvest. ' +
          'The technique called "mental chronometry" - that is, after they decided, they moved the clock.',
      ),
    ).toEqual([]);
  });
});

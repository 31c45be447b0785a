import { describe, expect, it } from "vitest";
import { madeOfQuestions } from "../../src/companion/made-of.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string) => madeOfQuestions(text, sentenceSpans(text)).map((c) => [c.question, c.expect]);

describe("how many things something is made of", () => {
  it("asks how many of the counted noun the thing is made of, across a tabloid's ellipsis", () => {
    expect(
      ask(
        "The dress is made of pearls ... 6,000 white Akoya pearls. It's valued at $150,000. " +
          "The roof was covered in 1,200 solar panels.",
      ),
    ).toEqual([
      ["How many pearls is the dress made of?", "6,000"],
      ["How many panels was the roof covered in?", "1,200"],
    ]);
  });

  it("asks nothing without a count of a plural noun, or past a full stop", () => {
    expect(
      ask("The dress is made of silk. The bridge was built from steel in 1932. It took 3 years."),
    ).toEqual([]);
  });
});

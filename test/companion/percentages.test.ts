import { describe, expect, it } from "vitest";
import { percentageQuestions } from "../../src/companion/percentages.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string) =>
  percentageQuestions(text, sentenceSpans(text)).map((c) => [c.question, c.expect]);

describe("what share of a group a percentage is", () => {
  it("asks what percentage of the group did what the sentence says, or was the subject", () => {
    expect(
      ask(
        "In our 2013 research we found that almost 50% of student newsrooms had created roles specifically for the web. " +
          "Writers made up 95% of the personnel. About 40 percent of voters said they would stay home.",
      ),
    ).toEqual([
      ["What percentage of student newsrooms had created roles specifically for the web?", "50"],
      ["What percentage of the personnel were writers?", "95"],
      ["What percentage of voters said they would stay home?", "40"],
    ]);
  });

  it("asks nothing of a percentage with no group, a pronoun subject or a figure after the verb", () => {
    expect(
      ask(
        "Prices rose 5% last year. They made up 20% of the staff. 30% of users had 2 accounts. " +
          "Shares fell 3% on Monday.",
      ),
    ).toEqual([]);
  });
});

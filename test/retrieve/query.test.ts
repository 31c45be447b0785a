import { describe, expect, it } from "vitest";
import { analyseQuery, type TermStatsSource } from "../../src/retrieve/query.ts";
import { scoreSentences } from "../../src/retrieve/sentence-match.ts";

/** A store of 100 passages in which every word is in one: every stem has the same IDF. */
const store: TermStatsSource = {
  termStats: async (stems) => ({ passages: 100, df: new Map(stems.map((s) => [s, 1])) }),
};

describe("analyseQuery: phrases that only say what kind of answer is wanted", () => {
  it("searches 'What does PII stand for?' for PII, which the article spells out without 'stand for'", async () => {
    const q = await analyseQuery("What does PII stand for?", store);
    expect(q.stems).toEqual(["pii"]);
    const text =
      'The profiles do not include so-called "personally identifiable information" (PII) like names.';
    expect(scoreSentences(text, q)[0]!.coverage).toBeCloseTo(1);
  });

  it("searches an event's question for the event, and keeps 'stand' where it is a word of its own", async () => {
    expect((await analyseQuery("When did the meeting take place?", store)).stems).toEqual(["meet"]);
    expect((await analyseQuery("Where does the old castle stand?", store)).stems).toContain("stand");
  });
});

import { describe, expect, it } from "vitest";
import { irregularForms } from "../../src/text/verb-forms.ts";
import { analyseQuery, type TermStatsSource } from "../../src/retrieve/query.ts";
import { scoreSentences } from "../../src/retrieve/sentence-match.ts";

describe("irregularForms (english-verbs-irregular)", () => {
  it("joins an irregular past to its verb, both ways", () => {
    expect(irregularForms("sold")).toEqual(["sell"]);
    expect(irregularForms("sell")).toEqual(["sold"]);
    expect(irregularForms("rise")).toEqual(expect.arrayContaining(["rose", "risen"]));
    expect(irregularForms("Built")).toEqual(["build"]);
  });

  it("has nothing for a regular verb, another word, or a stop word", () => {
    expect(irregularForms("opened")).toEqual([]);
    expect(irregularForms("table")).toEqual([]);
    expect(irregularForms("was")).toEqual([]);
  });
});

describe("irregular verbs in sentence matching", () => {
  /** A store of 100 passages in which every word is in one: every stem has the same IDF. */
  const store: TermStatsSource = {
    termStats: async (stems) => ({ passages: 100, df: new Map(stems.map((s) => [s, 1])) }),
  };

  it("matches a question's verb in an article's irregular past, as the word itself", async () => {
    const text = "The council wants to sell the ferry for 2.4 million crowns. The ferry was sold in 1990.";
    const q = await analyseQuery("How much will the ferry be sold for?", store);
    const [present, past] = scoreSentences(text, q);
    expect(past!.coverage).toBeCloseTo(1);
    expect(present!.coverage).toBeCloseTo(1);
    expect(present!.matched).toEqual(expect.arrayContaining(["ferri", "sold"]));
  });
});

describe("simplePast", () => {
  it("gives an irregular verb's simple past, and nothing for a regular one", async () => {
    const { simplePast } = await import("../../src/text/verb-forms.ts");
    expect(simplePast("say")).toBe("said");
    expect(simplePast("meet")).toBe("met");
    expect(simplePast("Sell")).toBe("sold");
    expect(simplePast("open")).toBeUndefined();
    expect(simplePast("be")).toBeUndefined();
  });
});

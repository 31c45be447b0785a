import { describe, expect, it } from "vitest";
import { nameVariants, readsWordNet, synonyms } from "../../src/text/wordnet.ts";
import { scoreSentences, SYNONYM_WEIGHT } from "../../src/retrieve/sentence-match.ts";
import { analyseQuery, type TermStatsSource } from "../../src/retrieve/query.ts";

/** A store of 100 passages in which every word is in one: every stem has the same IDF. */
const store: TermStatsSource = {
  termStats: async (stems) => ({ passages: 100, df: new Map(stems.map((s) => [s, 1])) }),
};

describe("synonyms (WordNet, offline)", () => {
  it("knows the paraphrases readers use, both ways, phrases included", () => {
    expect(synonyms("movie_theater")).toContain("cinema");
    expect(synonyms("cinema")).toContain("movie theater");
    expect(synonyms("prime_minister")).toContain("pm");
    expect(synonyms("phone")).toContain("telephone");
    expect(synonyms("slain")).toContain("dead");
    expect(synonyms("ousted")).toContain("expel");
    expect(synonyms("theaters")).toContain("theatre");
    expect(synonyms("qwertyuiop")).toEqual([]);
  });

  it("lets a sentence match a question in other words, for less than the same words", async () => {
    const text = "The cinema on Main Street closed. The movie theater on Main Street closed.";
    const q = await analyseQuery("When did the movie theater on Main Street close?", store);
    const [other, same] = scoreSentences(text, q);
    expect(same!.coverage).toBeCloseTo(1);
    expect(other!.coverage).toBeLessThan(same!.coverage);
    // "movie" and "theater" (2 of the 5 stems) are found as "cinema", at SYNONYM_WEIGHT.
    expect(other!.coverage).toBeCloseTo((3 + 2 * SYNONYM_WEIGHT) / 5);
    expect(other!.matched).toEqual(expect.arrayContaining(["movi", "theater"]));
  });
});

describe("nameVariants (WordNet, every sense)", () => {
  it("gives the other names a name goes by, rare senses included", () => {
    expect(nameVariants("America")).toEqual(expect.arrayContaining(["United States", "U.S.", "USA"]));
    // An acronym takes a common noun; a proper name only proper names ("Bush" is no "shrub").
    expect(nameVariants("PM")).toContain("Prime Minister");
    expect(nameVariants("Bush")).not.toContain("shrub");
    expect(nameVariants("Qwertyuiop")).toEqual([]);
    expect(readsWordNet("en")).toBe(true);
    expect(readsWordNet("de")).toBe(false);
  });
});

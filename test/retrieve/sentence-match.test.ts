import { describe, expect, it } from "vitest";
import { PARTIAL_WEIGHT, scoreSentences } from "../../src/retrieve/sentence-match.ts";
import type { QueryTerms } from "../../src/retrieve/query.ts";
import { stem } from "../../src/text/tokens.ts";

/** A one-word question in `lang`, with the word's full weight. */
function query(word: string, lang: string): QueryTerms {
  const s = stem(word, lang);
  return {
    words: [word],
    stems: [s],
    idf: new Map([[s, 2]]),
    pairs: new Set(),
    totalIdf: 2,
    passages: 10,
    alternatives: [],
    lang,
  };
}

describe("sentence matching, across a word's forms", () => {
  it("counts a form the stemmer leaves apart (German genitive -s) for part of the word's weight", () => {
    const q = query("südamerika", "de");
    const text =
      "Der Wald liegt in Südamerika. Er bedeckt große Teile Südamerikas. Er liegt nicht in Südafrika.";
    const [exact, inflected, other] = scoreSentences(text, q);
    expect(exact!.coverage).toBe(1);
    expect(inflected!.coverage).toBeCloseTo(PARTIAL_WEIGHT);
    expect(inflected!.matched).toEqual([stem("südamerika", "de")]);
    // A shared beginning shorter than a word's stem ("südа-") is another word.
    expect(other!.coverage).toBe(0);
  });

  it("matches a Russian word in a form whose stem Snowball cuts differently", () => {
    const q = query("классифицировать", "ru");
    const [s] = scoreSentences("Задачи классифицируются по трудности.", q);
    expect(stem("классифицируются", "ru")).not.toBe(stem("классифицировать", "ru"));
    expect(s!.coverage).toBeCloseTo(PARTIAL_WEIGHT);
  });

  it("does not take a short stem for the start of a longer word", () => {
    const q = query("port", "en");
    const [s] = scoreSentences("The portrait hangs in the hall.", q);
    expect(s!.coverage).toBe(0);
  });
});

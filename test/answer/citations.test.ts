import { describe, expect, it } from "vitest";
import { buildCitations } from "../../src/answer/citations.ts";
import type { RetrievedPassage } from "../../src/types.ts";

function passage(id: number): RetrievedPassage {
  const text = `Passage text number ${id}.`;
  return {
    id: 100 + id,
    articleId: `art-${id}`,
    index: id,
    start: id * 50,
    end: id * 50 + text.length,
    text,
    title: `Title ${id}`,
    url: null,
    score: 0.5,
  };
}
const four = [passage(1), passage(2), passage(3), passage(4)];

const cited = (text: string, passages = four) => {
  const r = buildCitations(text, passages);
  return { answer: r.answer, ids: r.citations.map((c) => c.passageId), ns: r.citations.map((c) => c.n) };
};

describe("buildCitations", () => {
  it("keeps valid markers in order of first appearance, renumbered from 1", () => {
    expect(cited("A [3]. B [1]. C [3].")).toEqual({
      answer: "A [1]. B [2]. C [1].",
      ids: [103, 101],
      ns: [1, 2],
    });
  });

  it("parses grouped, adjacent and full-width markers", () => {
    expect(cited("A [2, 4].").answer).toBe("A [1, 2].");
    expect(cited("A [2,4].").answer).toBe("A [1, 2].");
    expect(cited("A [4][2].")).toMatchObject({ answer: "A [1][2].", ids: [104, 102] });
    expect(cited("A【3】.")).toMatchObject({ answer: "A[1].", ids: [103] });
    expect(cited("A 【2, 3】.").answer).toBe("A [1, 2].");
  });

  it("parses ranges, footnote carets and named markers", () => {
    expect(cited("A [2-4].")).toMatchObject({ answer: "A [1, 2, 3].", ids: [102, 103, 104] });
    expect(cited("A [^2].").answer).toBe("A [1].");
    expect(cited("A [Passage 3] and [passages 1 and 2].")).toMatchObject({
      answer: "A [1] and [2, 3].",
      ids: [103, 101, 102],
    });
  });

  it("sorts and dedupes numbers within a group after renumbering", () => {
    expect(cited("A [3]. B [1, 3, 3].").answer).toBe("A [1]. B [1, 2].");
  });

  it("drops markers pointing at passages that were not given, and tidies the space they leave", () => {
    expect(cited("Babaryko was there [1] and Vlasova too [3]. [7]", four.slice(0, 3))).toEqual({
      answer: "Babaryko was there [1] and Vlasova too [2].",
      ids: [101, 103],
      ns: [1, 2],
    });
    expect(cited("A [0] and B [5].").answer).toBe("A and B.");
    expect(cited("[9] Starts here [2].").answer).toBe("Starts here [1].");
    expect(cited("Mixed [2, 9].").answer).toBe("Mixed [1].");
    expect(cited("Paren ([8]) here [1].").answer).toBe("Paren here [1].");
  });

  it("leaves the model's own spacing alone", () => {
    expect(cited("Oui ! C'est vrai [1] : voilà [9].").answer).toBe("Oui ! C'est vrai [1] : voilà.");
    expect(cited("Line one [1].\n\nLine two [2].").answer).toBe("Line one [1].\n\nLine two [2].");
  });

  it("attaches nothing when no marker is valid", () => {
    expect(cited("Lima is the capital of Peru.")).toEqual({
      answer: "Lima is the capital of Peru.",
      ids: [],
      ns: [],
    });
    expect(cited("Lima [12].")).toEqual({ answer: "Lima.", ids: [], ns: [] });
    expect(cited("Anything [1].", [])).toEqual({ answer: "Anything.", ids: [], ns: [] });
  });

  it("does not take other bracketed text for markers", () => {
    expect(cited("See [the report] and [a1] [1].").answer).toBe("See [the report] and [a1] [1].");
  });

  it("quotes the passage exactly, with its position and article", () => {
    const p = passage(2);
    const { citations } = buildCitations("It is so [1].", [p]);
    expect(citations).toEqual([
      {
        n: 1,
        articleId: "art-2",
        title: "Title 2",
        url: null,
        quote: p.text,
        start: p.start,
        end: p.end,
        passageId: 102,
      },
    ]);
  });
});

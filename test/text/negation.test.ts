import { describe, expect, it } from "vitest";
import { asksReason, isNegated } from "../../src/text/negation.ts";
import { LANGUAGES, language } from "../../src/text/languages.ts";

describe("isNegated", () => {
  it("finds a negation word, or English's -n't, as a whole word", () => {
    expect(isNegated("What can not solve the knapsack problem?", "en")).toBe(true);
    expect(isNegated("Why didn't the council vote?", "en")).toBe(true);
    expect(isNegated("Why didn’t the council vote?", "en")).toBe(true);
    expect(isNegated("What did the notice say about Nottingham?", "en")).toBe(false);
  });

  it("ignores a negation that negates nothing", () => {
    expect(isNegated("Can we tell whether or not a problem is solvable?", "en")).toBe(false);
    expect(isNegated("What did not only the mayor but also the council want?", "en")).toBe(false);
  });

  it("says nothing in a language without a list rather than guess", () => {
    // Lists for other languages cost more than they showed (languages.ts says why).
    expect(isNegated("Was kann das Problem nicht lösen?", "de")).toBe(false);
    // "不同" (different) holds 不 (not): a substring match would misfire.
    expect(isNegated("这两个有什么不同?", "zh")).toBe(false);
    expect(isNegated("Who did not vote?", "xx")).toBe(false);
  });

  it("keeps every list lower-cased and every idle phrase holding one of its words", () => {
    for (const code of LANGUAGES) {
      const e = language(code)!;
      for (const w of e.negations ?? []) expect(w, code).toBe(w.toLowerCase());
      for (const p of e.idleNegations ?? []) {
        const own = p.split(/[\s?]+/).filter((w) => e.negations!.includes(w));
        expect(own.length, `${code} "${p}"`).toBeGreaterThan(0);
        // Idle on its own, but a negation beside it still counts.
        expect(isNegated(p, code), `${code} "${p}"`).toBe(false);
        expect(isNegated(`${p} ${own[0]}`, code), `${code} "${p}"`).toBe(true);
      }
    }
  });
});

describe("asksReason", () => {
  it("reads a question that asks why, by its opening word", () => {
    expect(asksReason("Why won't Yahoo shareholders get appraisal rights?", "en")).toBe(true);
    expect(asksReason("How come the sewers don't freeze?", "en")).toBe(true);
    expect(asksReason("Whyalla is where?", "en")).toBe(false);
    expect(asksReason("Who did not vote?", "en")).toBe(false);
    expect(asksReason("Warum nicht?", "de")).toBe(false);
  });
});

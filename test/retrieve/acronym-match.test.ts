import { describe, expect, it } from "vitest";
import { spelledNames, writesNameOtherwise, writesOtherwise } from "../../src/retrieve/acronym-match.ts";
import { scoreSentences } from "../../src/retrieve/sentence-match.ts";
import { analyseQuery } from "../../src/retrieve/query.ts";

/** Term statistics of a library where every stem is in one passage of ten. */
const stats = {
  termStats: async (stems: string[]) => ({ passages: 10, df: new Map(stems.map((s) => [s, 1])) }),
};

describe("a name written as an acronym or spelled out", () => {
  it("reads the question's acronyms and spelled-out names, with their letters", () => {
    expect(spelledNames("When do the Palestinians join the ICC?", "en")).toEqual([
      { stems: ["icc"], letters: "ICC", written: "acronym" },
    ]);
    const [fbi] = spelledNames("Who heads the Federal Bureau of Investigation?", "en");
    expect(fbi).toMatchObject({ letters: "FBI", written: "spelled" });
  });

  it("finds the other spelling in a sentence, and not a run of other initials", () => {
    const icc = { stems: ["icc"], letters: "ICC", written: "acronym" as const };
    expect(writesOtherwise("It joins the International Criminal Court at The Hague on April 1.", icc)).toBe(
      true,
    );
    expect(writesOtherwise("The International Cricket Council met.", icc)).toBe(true);
    expect(writesOtherwise("The International Court of Justice ruled.", icc)).toBe(false);
    expect(writesNameOtherwise("Federal Bureau of Investigation", "The FBI said so.")).toBe(true);
    expect(writesNameOtherwise("NATO", "The North Atlantic Treaty Organization met.")).toBe(true);
    expect(writesNameOtherwise("NATO", "The North Atlantic summit met.")).toBe(false);
  });

  it("finds a role's acronym spelled out in lower case, and not in stop words", () => {
    const vp = { stems: ["vp"], letters: "VP", written: "acronym" as const };
    expect(writesOtherwise("said Patrick McHugh, vice president of electrical engineering", vp)).toBe(true);
    expect(writesOtherwise("The chief executive officer resigned.", { ...vp, letters: "CEO" })).toBe(true);
    expect(writesOtherwise("He said it and it stuck.", { ...vp, letters: "AI" })).toBe(false);
    // "very" is a stop word: "a very popular view" holds no "VP".
    expect(writesOtherwise("A very popular view.", vp)).toBe(false);
    // Four letters or more are spelled with capitals only.
    expect(writesOtherwise("the north atlantic treaty organization", { ...vp, letters: "NATO" })).toBe(false);
  });

  it("counts a sentence that spells out the question's acronym as holding it", async () => {
    const q = await analyseQuery("When do the Palestinians join the ICC?", stats);
    const text =
      "The Palestinian Authority has said that after it joins the International Criminal Court on April 1, it will press charges. " +
      "The Palestinians have joined other bodies.";
    const [spelled, other] = scoreSentences(text, q);
    expect(spelled!.matched).toContain("icc");
    expect(other!.matched).not.toContain("icc");
    expect(spelled!.coverage).toBeGreaterThan(other!.coverage);
  });
});

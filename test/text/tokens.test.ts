import { describe, expect, it } from "vitest";
import { stem, words } from "../../src/text/tokens.ts";

describe("words", () => {
  it("gives the same words on the ASCII fast path as the Unicode path would", () => {
    const ascii = "Emma's brother — “Duke Richard II” — ruled in 1066, didn't he? It’s the 10th-century.";
    // A non-ASCII letter sends the whole text down the Unicode path; the words must agree.
    expect(words(ascii)).toEqual(words(`${ascii} é`).slice(0, -1));
    expect(words("Café Zürich")).toEqual(["cafe", "zurich"]);
  });

  it("stems keep their word's first letter (the sentence scorer relies on it)", () => {
    for (const w of ["meetings", "running", "yearly", "ies", "agreed", "1066", "emma's"])
      expect(stem(w)[0]).toBe(w[0]);
  });
});

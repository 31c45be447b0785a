import { describe, expect, it } from "vitest";
import { irregularForms } from "../../src/text/verb-forms.ts";

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

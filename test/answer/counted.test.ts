import { describe, expect, it } from "vitest";
import { countedNoun, countsIt } from "../../src/answer/counted.ts";

describe("whether a sentence counts what a how-many question counts", () => {
  it("reads the counted noun of an English how-many question", () => {
    expect(countedNoun("How many strandings has Parata overseen?")).toBe("strand");
    expect(countedNoun("How much does it cost?")).toBeUndefined();
  });

  it("finds a number with the counted noun a few words after it", () => {
    expect(countsIt("Parata has overseen more than 500 strandings.", "strand")).toBe(true);
    expect(
      countsIt("The dress is made of 6,000 white Akoya pearls.", countedNoun("How many pearls …?")!),
    ).toBe(true);
    expect(countsIt("Nine nations share the Amazon basin.", countedNoun("How many nations …?")!)).toBe(true);
  });

  it("finds none when the number counts something else", () => {
    const kids = countedNoun("How many kids were in the peanut study?")!;
    expect(countsIt("Overall, about 3% of kids who ate peanut butter got an allergy.", kids)).toBe(false);
    expect(countsIt("The study followed kids for 5 years.", kids)).toBe(false);
  });
});

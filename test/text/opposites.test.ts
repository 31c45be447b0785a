import { describe, expect, it } from "vitest";
import { antonyms } from "../../src/text/wordnet.ts";
import { opposedWords } from "../../src/text/opposites.ts";

describe("antonyms (WordNet, offline)", () => {
  it("finds a word's opposites through its inflections and its adjective cluster", () => {
    expect(antonyms("open")).toContain("close");
    expect(antonyms("opened")).toContain("close");
    expect(antonyms("largest")).toContain("small");
    expect(antonyms("increase")).toContain("decrease");
    expect(antonyms("north")).toContain("south");
    // A satellite adjective has its head's opposites: "soggy" is a kind of "wet".
    expect(antonyms("soggy")).toContain("dry");
    expect(antonyms("qwertyuiop")).toEqual([]);
  });
});

describe("opposedWords", () => {
  it("names the question's word whose opposite the sentence says instead", () => {
    const sentence = "Holden announced that it will close its Victoria plant in 2017.";
    expect(
      opposedWords("When did Holden announce that it will open its Victoria plant?", sentence, "en"),
    ).toEqual(["open"]);
    expect(opposedWords("When did Holden announce that it will close its plant?", sentence, "en")).toEqual(
      [],
    );
  });

  it("reads inflected forms on both sides", () => {
    expect(
      opposedWords("When did the population increase?", "The population decreased in 1990.", "en"),
    ).toEqual(["increase"]);
  });

  it("leaves a question alone that names both sides, or a sentence that holds the word itself", () => {
    const sentence = "An instance of this problem is a rather concrete utterance.";
    expect(opposedWords("Is a problem instance abstract or concrete?", sentence, "en")).toEqual([]);
    expect(opposedWords("Which doors open and close?", "The doors open and close at noon.", "en")).toEqual(
      [],
    );
  });

  it("says nothing in a language WordNet does not cover", () => {
    expect(opposedWords("Wann wurde das Werk geöffnet?", "Das Werk wurde 1990 geschlossen.", "de")).toEqual(
      [],
    );
  });
});

describe("opposedWords, through irregular verbs", () => {
  it("reads an irregular past as its verb", () => {
    expect(
      opposedWords("How much did the shares fall?", "Shares in Coastline Dairy rose 4% on the news.", "en"),
    ).toEqual(["fall"]);
    expect(
      opposedWords("How much did the shares rise?", "Shares in Coastline Dairy rose 4% on the news.", "en"),
    ).toEqual([]);
  });
});

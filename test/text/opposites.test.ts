import { describe, expect, it } from "vitest";
import { antonyms as tagged } from "../../src/text/wordnet.ts";

const antonyms = (word: string) => tagged(word).map((a) => a.word);
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

  it("says which part of speech each opposite is", () => {
    expect(tagged("leader")).toContainEqual({ word: "follower", pos: "noun" });
    expect(tagged("opened")).toContainEqual({ word: "close", pos: "verb" });
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

  it("takes the opposite only as a form of itself, not negated, and not where the word is said another way", () => {
    // "follower" and "followed" stem alike, but a verb is no form of the noun.
    const followed = "Lefevre published the New Testament in 1523, followed by the whole Bible.";
    expect(opposedWords("When did this leader publish a French Bible?", followed, "en")).toEqual([]);
    // "not solved" says "unsolved".
    const solved = "Because the problem P = NP is not solved, being able to reduce it would help.";
    expect(opposedWords("If P = NP is unsolved, what follows?", solved, "en")).toEqual([]);
    expect(opposedWords("If P = NP is unsolved, what follows?", "P = NP was solved in 2030.", "en")).toEqual([
      "unsolved",
    ]);
    // "centre" is "center": the word is there, in British spelling.
    const centre = "The centre-left Labor Party and the centre-right Liberal Party.";
    expect(opposedWords("Which party is in the center?", centre, "en")).toEqual([]);
  });

  it("reads no opposite inside a compound or a name, and finds one past a negated occurrence", () => {
    const banker = "Jane Whitcombe, a 52-year-old former investment banker, was named chief executive.";
    expect(opposedWords("Who is the new chief executive of Harbour Bank?", banker, "en")).toEqual([]);
    expect(opposedWords("How old was the victim?", "The victim was a man from New Jersey.", "en")).toEqual(
      [],
    );
    const both = "It did not close in 2010 but closed in 2015.";
    expect(opposedWords("When did the plant open?", both, "en")).toEqual(["open"]);
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

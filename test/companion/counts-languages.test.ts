import { describe, expect, it } from "vitest";
import { countQuestionsIn } from "../../src/companion/counts-languages.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string, lang: string) =>
  countQuestionsIn(text, sentenceSpans(text), lang).map((c) => [c.question, c.expect]);

describe("how many, in French and German", () => {
  it("asks how many of a subject a sentence opens by counting, its clause cut at a conjunction", () => {
    expect(
      ask(
        "2 209 Français ont été localisés sains et saufs tandis que 393 n’ont pas encore pu être joints. " +
          "Environ 12 enfants sont arrivés à Roissy, selon le Quai d’Orsay.",
        "fr",
      ),
    ).toEqual([
      ["Combien de Français ont été localisés sains et saufs ?", "2 209"],
      ["Combien d’enfants sont arrivés à Roissy ?", "12"],
    ]);
    expect(ask("Rund 5.500 Menschen wurden in Nepal getötet, während andere fliehen.", "de")).toEqual([
      ["Wie viele Menschen wurden in Nepal getötet?", "5.500"],
    ]);
  });

  it("asks nothing of a count inside a sentence, one with no verb after it, or in another language", () => {
    expect(
      ask("Le séisme a fait près de 5 500 morts. 28 millions d’habitants. 2015 est une année.", "fr"),
    ).toEqual([]);
    expect(ask("About 1,200 people live on the island.", "en")).toEqual([]);
  });
});

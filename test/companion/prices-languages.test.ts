import { describe, expect, it } from "vitest";
import { priceQuestionsIn } from "../../src/companion/prices-languages.ts";

const ask = (text: string, lang: string) => priceQuestionsIn(text, lang).map((c) => [c.question, c.expect]);

describe("what a thing costs, in other languages", () => {
  it("asks what a named thing or a noun phrase costs, in the language's phrase", () => {
    expect(ask("1Password kostet aktuell knapp 50 Euro im Mac App Store.", "de")).toEqual([
      ["Wie viel kostet 1Password?", "50"],
    ]);
    expect(ask("Il est sorti lundi. La Switch coûte 299 euros en France.", "fr")).toEqual([
      ["Combien coûte la Switch ?", "299"],
    ]);
    expect(ask("El iPhone llega hoy. El Galaxy cuesta $999 en Estados Unidos.", "es")).toEqual([
      ["¿Cuánto cuesta el Galaxy?", "999"],
    ]);
  });

  it("asks nothing without money, of a pronoun, or in a language with no phrase", () => {
    expect(ask("Das Update kostet nichts. Er kostet 5 Euro.", "de")).toEqual([]);
    expect(ask("The One X costs $500.", "en")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { quotesInAnyLanguage, speakerQuestionsIn } from "../../src/companion/speakers-languages.ts";

const ask = (text: string, lang: string) => speakerQuestionsIn(text, lang).map((c) => c.question);

describe("what someone said, in other languages", () => {
  it("asks what a person named in full said, in the language's phrase", () => {
    expect(
      ask(
        "«Pour certains on est très interrogatif», a ajouté Laurent Fabius. Il accueillait un avion.",
        "fr",
      ),
    ).toEqual(["Qu'a dit Laurent Fabius ?"]);
    expect(ask("Juan Pérez dijo que el acuerdo llegará en marzo.", "es")).toEqual(["¿Qué dijo Juan Pérez?"]);
    expect(ask("Das sei ein guter Tag, sagte Angela Merkel am Montag.", "de")).toEqual([
      "Was sagte Angela Merkel?",
    ]);
  });

  it("asks nothing of a country, a surname alone, a role, or a language with no phrase", () => {
    expect(
      ask("La France a déclaré la guerre. Fabius a ajouté un mot. Le ministre a dit non.", "fr"),
    ).toEqual([]);
    expect(ask("Ivan Petrov said hello.", "ru")).toEqual([]);
  });

  it("takes an answer only when it has the person speak", () => {
    expect(quotesInAnyLanguage("Laurent Fabius", "«Nous restons mobilisés», a ajouté Fabius.")).toBe(true);
    expect(quotesInAnyLanguage("Laurent Fabius", "Laurent Fabius accueillait à Roissy un avion.")).toBe(
      false,
    );
  });
});

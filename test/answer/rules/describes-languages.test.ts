import { describe, expect, it } from "vitest";
import { readQuestion } from "../../../src/answer/question.ts";
import { holdsForm } from "../../../src/answer/rules/index.ts";

const holds = (question: string, lang: string, text: string) =>
  holdsForm(readQuestion(question, lang), { text });

describe("describes: who is X, in other languages", () => {
  it("takes an apposition after the name", () => {
    expect(
      holds(
        "¿Quién es Abdullah Ocalan?",
        "es",
        "Abdullah Ocalan, el líder independentista kurdo, desembarcó en Italia en noviembre de 1998.",
      ),
    ).toBe(true);
    expect(
      holds(
        "Qui est Pouria Amirshahi ?",
        "fr",
        "Pouria Amirshahi, député socialiste des Français de l'étranger, a annoncé qu'il transmettrait un mémorandum.",
      ),
    ).toBe(true);
    expect(
      holds(
        "Kdo je Emile Heskey?",
        "cs",
        "„Nenapadá mě jediný důvod,“ přidává se Emile Heskey, někdejší útočník Liverpoolu.",
      ),
    ).toBe(true);
  });
  it("takes a role before the name, after an article, and a copula with a role", () => {
    expect(
      holds(
        "Quem é Jair Bolsonaro?",
        "pt",
        "Após rechaçar um encontro da seleção com o presidente eleito Jair Bolsonaro, o técnico Tite declarou que errou.",
      ),
    ).toBe(true);
    expect(
      holds(
        "Qui est Christiane Taubira ?",
        "fr",
        "La ministre de la justice, Christiane Taubira, était défavorable à cette disposition.",
      ),
    ).toBe(true);
    expect(holds("Qui est Sergio Coronado ?", "fr", "comme l'écologiste Sergio Coronado, mais aussi")).toBe(
      true,
    );
    expect(holds("¿Quién es Andrés Malamud?", "es", "Andrés Malamud es politólogo e investigador.")).toBe(
      true,
    );
    expect(
      holds("Wer ist Horst Seehofer?", "de", "Das sagte der Bundesinnenminister Horst Seehofer am Montag."),
    ).toBe(true);
  });
  it("does not take a name merely named, a reporting verb, a preposition or a passive", () => {
    expect(
      holds(
        "Qui est Laurent Fabius ?",
        "fr",
        "«Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius.",
      ),
    ).toBe(false);
    expect(
      holds("Qui est Laurent Fabius ?", "fr", "Laurent Fabius, a déclaré le ministère, est à Roissy."),
    ).toBe(false);
    expect(
      holds("Qui est Aurélie Filipetti ?", "fr", "On trouve parmi les opposants au texte Aurélie Filipetti."),
    ).toBe(false);
    expect(
      holds("¿Quién es Abdullah Ocalan?", "es", "Abdullah Ocalan fue capturado por agentes turcos en Kenia."),
    ).toBe(false);
    expect(holds("¿Quién es Abdullah Ocalan?", "es", "Abdullah Ocalan, en 1999, fue capturado.")).toBe(false);
    // Czech "je" is also "them": no copula is read.
    expect(holds("Kdo je David Moyes?", "cs", "David Moyes je neskutečně oživil.")).toBe(false);
  });
});

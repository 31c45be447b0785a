import { describe, expect, it } from "vitest";
import { headingQuestions } from "../../src/companion/heading-questions.ts";

const ask = (text: string, lang: string) => headingQuestions(text, lang);

describe("the questions an article asks itself", () => {
  const page = [
    "On Tech",
    "¿Qué tienen que ver los videojuegos con el metaverso?",
    "Las compañías tecnológicas creen que los videojuegos son el camino.",
    "Por Shira Ovide",
    "¿Ómicron puede causar covid prolongada?",
    "Los científicos dicen que aún es muy pronto para saber.",
  ].join("\n\n");

  it("offers each question line followed by prose, as written, with the section it heads", () => {
    const found = ask(page, "es");
    expect(found.map((c) => c.question)).toEqual([
      "¿Qué tienen que ver los videojuegos con el metaverso?",
      "¿Ómicron puede causar covid prolongada?",
    ]);
    const [first, second] = found;
    // The first section ends at the byline, a line with no full stop; the second at the text's end.
    expect(page.slice(first!.within!.start, first!.within!.end).trim()).toBe(
      "Las compañías tecnológicas creen que los videojuegos son el camino.",
    );
    expect(second!.within!.end).toBe(page.length);
  });

  it("drops a lead-in that the question does not need, and keeps one it does", () => {
    const text =
      "A train or light at the end of the tunnel: are student newsrooms changing for the better?\n\nAlmost half have web roles.\n\n" +
      "Bebidas con beneficios: ¿de verdad funcionan?\n\nNinguno de esos efectos ha sido respaldado.";
    expect(ask(text, "en").map((c) => c.question)).toEqual([
      "Are student newsrooms changing for the better?",
    ]);
    expect(ask(text, "es").map((c) => c.question)).toContain("Bebidas con beneficios: ¿de verdad funcionan?");
  });

  it("skips titles with a question mark, quoted and pronoun questions, and questions inside paragraphs", () => {
    const text = [
      "A Change in Guidelines?",
      "The panel changed its advice.",
      "“Why would anyone do that?”",
      "Nobody knew.",
      "Why does it matter?",
      "Because it does.",
      "We asked. How do newsrooms change? Slowly, it seems.",
      "What should students learn first?",
      "Related",
    ].join("\n");
    expect(ask(text, "en").map((c) => c.question)).toEqual(["Why does it matter?"]);
  });
});

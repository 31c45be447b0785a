/** Counts read right in every language: "1 question", "5 questions"; "1 символ", "5 символов". */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/telegram/i18n.ts";
import { adminStatsLine, messages } from "../../src/telegram/messages.ts";

const stats = (answered: number, followUps: number, declined = 0) => ({
  answered,
  declined,
  followUps,
  p50Ms: 10,
  p95Ms: 40,
});

describe("plural forms in the bot's lines", () => {
  it("English: one question, one character, one follow-up", () => {
    const en = messages(translator("en"));
    expect(en.askTooFast(1, 5000)).toContain("faster than 1 question a minute");
    expect(en.askTooFast(20, 5000)).toContain("faster than 20 questions a minute");
    expect(en.questionTooLong(1, 500)).toContain("That is 1 character,");
    expect(en.questionTooLong(501, 500)).toContain("That is 501 characters,");
    expect(adminStatsLine(translator("en"), stats(1, 1))).toContain(
      "1 question answered, 0 declined (1 follow-up)",
    );
    expect(adminStatsLine(translator("en"), stats(2, 3))).toContain(
      "2 questions answered, 0 declined (3 follow-ups)",
    );
  });

  it("Russian, Ukrainian and Arabic: their own forms for few and many", () => {
    const ru = messages(translator("ru"));
    expect(ru.questionTooLong(1, 500)).toContain("1 символ ");
    expect(ru.questionTooLong(3, 500)).toContain("3 символа ");
    expect(ru.questionTooLong(11, 500)).toContain("11 символов ");
    expect(messages(translator("uk")).questionTooLong(5, 500)).toContain("5 символів ");
    const ar = messages(translator("ar"));
    expect(ar.questionTooLong(2, 500)).toContain("حرفان");
    expect(ar.questionTooLong(3, 500)).toContain("3 أحرف");
  });

  it("Romance languages and German: singular for one", () => {
    expect(messages(translator("es")).ingestTooFast(1, 1000)).toContain("más de 1 artículo por minuto");
    expect(messages(translator("fr")).askTooFast(1, 1000)).toContain("plus d’1 question par minute");
    expect(messages(translator("it")).questionTooLong(1, 500)).toMatch(/^È 1 carattere,/);
    expect(messages(translator("pt")).ingestTooFast(2, 1000)).toContain("mais de 2 artigos por minuto");
    expect(adminStatsLine(translator("de"), stats(1, 1))).toContain(
      "1 Frage beantwortet, 0 abgelehnt (1 Nachfrage)",
    );
  });
});

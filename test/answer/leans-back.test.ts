import { describe, expect, it } from "vitest";
import { leansBack } from "../../src/answer/leans-back.ts";
import { DEFAULT_EXTRACTIVE, extractAnswer } from "../../src/answer/extractive.ts";
import { scoredPassage } from "../helpers/passages.ts";

describe("sentences that lean on the one before", () => {
  it("knows each language's pronouns, demonstratives and connectives", () => {
    expect(leansBack("He said the meeting was rushed.", "en")).toBe(true);
    expect(leansBack("“The company declined to comment.”", "en")).toBe(true);
    expect(leansBack("Эти устройства применяются для лечения отравления.", "ru")).toBe(true);
    expect(leansBack("Er beschreibt auch die Destillation von Meerwasser.", "de")).toBe(true);
    expect(leansBack("Además, es el mariscal de campo más longevo.", "es")).toBe(true);
    expect(leansBack("Ademas, es el mariscal de campo más longevo.", "es")).toBe(true);
    expect(leansBack("Αυτή η συμπεριφορά ξεκίνησε νωρίς.", "el")).toBe(true);
    expect(leansBack("وهو كذلك الظهير الرباعي الأكبر سناً.", "ar")).toBe(true);
    expect(leansBack("वह 39 की उम्र में खेले।", "hi")).toBe(true);
    expect(leansBack("这些设备有时被用来治疗一氧化碳中毒。", "zh")).toBe(true);
  });

  it("does not take a word that only begins like an opening, nor guess for a language it has no table for", () => {
    expect(leansBack("Theodore said the meeting was rushed.", "en")).toBe(false);
    expect(leansBack("Erdbeben erschütterten die Stadt.", "de")).toBe(false);
    expect(leansBack("Этнографы описали обычай.", "ru")).toBe(false);
    expect(leansBack("Kislorod ishlatiladi.", "uz")).toBe(false);
  });
});

describe("extractAnswer quotes the sentence an answer leans on, in the question's language", () => {
  const text =
    "Специальные кислородные камеры используются в медицине. Эти устройства применяются для лечения отравления угарным газом. Давление в них повышают.";
  const matched = ["лечен", "отравлен", "угарн"];
  const passage = scoredPassage(
    text,
    [
      { s: "Специальные кислородные камеры используются в медицине.", coverage: 0.1, matched },
      { s: "Эти устройства применяются для лечения отравления угарным газом.", coverage: 1, matched },
      { s: "Давление в них повышают.", coverage: 0 },
    ],
    { title: "Кислород" },
  );
  const question = "Какие устройства применяются для лечения отравления угарным газом?";

  it("shows the sentence before when the answer opens with a demonstrative", () => {
    const r = extractAnswer(question, [passage], { ...DEFAULT_EXTRACTIVE, threshold: 0 });
    expect(r.citations[0]!.quote.startsWith("Специальные кислородные камеры")).toBe(true);
  });

  it("gives the sentence before the room before the sentence after, when both do not fit", () => {
    const answer = "Эти устройства применяются для лечения отравления угарным газом.";
    const before = "Специальные кислородные камеры используются в медицине. ";
    const r = extractAnswer(question, [passage], {
      ...DEFAULT_EXTRACTIVE,
      threshold: 0,
      // One sentence (the next would join the answer by its context otherwise).
      maxSentences: 1,
      maxQuoteChars: before.length + answer.length,
    });
    expect(r.citations[0]!.quote).toBe(before + answer);
  });
});

import { describe, expect, it } from "vitest";
import { answerType, holdsAnswerType, questionNames } from "../../src/answer/answer-type.ts";
import { namesShare } from "../../src/answer/extractive.ts";
import { answerWords } from "../../src/text/answer-words.ts";
import { stem } from "../../src/text/tokens.ts";
import { readQuestion } from "../../src/answer/question.ts";
import type { AnswerType } from "../../src/answer/answer-type.ts";

/** The question read once, as the answerer reads it (question.ts), then checked as before. */
const holds = (type: AnswerType, sentence: string, question: string, title = "", lang = "en") =>
  holdsAnswerType(type, sentence, readQuestion(question, lang), title);

/** Share of the question's names in `text`, the question read as the answerer reads it. */
const share = (question: string, text: string, lang: string, numbers = true) =>
  namesShare(readQuestion(question, lang), text, numbers);

describe("answer types in every language", () => {
  const cases: Array<[string, string, ReturnType<typeof answerType>]> = [
    ["en", "What's the name of Wade Bassi's schooner?", "name"],
    ["en", "What’s the price of a ticket?", "number"],
    ["ru", "Кто написал эту книгу?", "person"],
    ["ru", "В каком году был основан город?", "time"],
    ["ru", "Сколько людей жило в Москве?", "number"],
    ["ru", "Какая компания купила завод?", "name"],
    ["ru", "Почему он уехал?", "other"],
    ["de", "Wer erfand die Tesla-Spule?", "person"],
    ["de", "Wie viele Türme hat die Burg?", "number"],
    ["de", "Welche Firma baute das Schiff?", "name"],
    ["zh", "谁是第一任主席？", "person"],
    ["zh", "会议是什么时候举行的？", "time"],
    ["zh", "哪个公司生产了这种药？", "name"],
    ["zh", "DNC的论文是哪天发表的？", "time"],
    ["zh", "谷歌啥时候买的DeepMind？", "time"],
    ["ar", "من هو مؤلف الكتاب؟", "person"],
    ["ar", "متى تأسست المدينة؟", "time"],
    ["ar", "كم عدد سكان المدينة؟", "number"],
    ["es", "¿Cuántos jugadores hay en el equipo?", "number"],
    ["es", "¿Dónde nació el escritor?", "place"],
    ["es", "¿Cuál empresa compró la fábrica?", "name"],
    ["fr", "Qui a écrit ce livre ?", "person"],
    ["fr", "Quand la guerre a-t-elle commencé ?", "time"],
    ["fr", "Quelle entreprise a construit le pont ?", "name"],
    ["ja", "東京はどこにありますか？", "place"],
    ["ja", "誰がこの本を書きましたか？", "person"],
    ["ja", "何人が参加しましたか？", "number"],
    ["hi", "कौन सा शहर सबसे बड़ा है?", "name"],
    // "Which" before a copula asks "what is", as English "what is" does: no named thing.
    ["es", "¿Cuál es el principal atributo?", "other"],
    ["fr", "Quel est le problème ?", "other"],
    ["el", "Ποια είναι η αιτία;", "other"],
    ["ru", "Какой был счёт?", "other"],
    // English keeps its own, richer rules (head nouns): "which senator" is a person.
    ["en", "Which senator called the bill the worst?", "person"],
  ];
  it.each(cases)("%s: %s -> %s", (lang, question, type) => {
    expect(answerType(question, lang)).toBe(type);
  });
});

describe("holdsAnswerType in other languages", () => {
  it("finds dates by ICU's month names, in the genitive too, and years in any digits", () => {
    expect(holds("time", "Он родился 10 марта в Смилянах.", "Когда он родился?", "", "ru")).toBe(true);
    expect(holds("time", "Он родился в Смилянах.", "Когда он родился?", "", "ru")).toBe(false);
    expect(holds("time", "Die Burg wurde im März gebaut.", "Wann wurde die Burg gebaut?", "", "de")).toBe(
      true,
    );
    expect(holds("time", "Γεννήθηκε τον Μάρτιο στο χωριό.", "Πότε γεννήθηκε;", "", "el")).toBe(true);
    expect(holds("time", "Γεννήθηκε στις 10 Μαρτίου στο χωριό.", "Πότε γεννήθηκε;", "", "el")).toBe(true);
    expect(holds("time", "ولد في عام ١٨٥٦ في القرية.", "متى ولد؟", "", "ar")).toBe(true);
    expect(holds("time", "भारत १९४७ में स्वतंत्र हुआ।", "भारत कब स्वतंत्र हुआ?", "", "hi")).toBe(true);
    expect(holds("time", "他于1856年出生。", "他是什么时候出生的？", "", "zh")).toBe(true);
    expect(holds("time", "他出生在一个小村庄。", "他是什么时候出生的？", "", "zh")).toBe(false);
  });

  it("reads a Han numeral joined to its measure word as a quantity", () => {
    // ICU's dictionary makes "七个" (seven of) and "三年" (three years) one word each.
    const q = "会谈持续了几个小时？";
    expect(holds("number", "会谈持续了七个小时，一直到深夜才结束。", q, "", "zh")).toBe(true);
    expect(holds("number", "会谈一直到深夜才结束。", q, "", "zh")).toBe(false);
    expect(holds("number", "会談は七時間続いた。", "会談は何時間続きましたか？", "", "ja")).toBe(true);
  });

  it("finds quantities in any digits and in words, but not a year of a date, nor the question's own number", () => {
    const q = "Сколько людей живёт в городе?";
    expect(holds("number", "В городе живут ٣ тысячи человек.", q, "", "ru")).toBe(true);
    expect(holds("number", "В городе живут три миллиона человек.", q, "", "ru")).toBe(true);
    expect(holds("number", "В городе живут люди.", q, "", "ru")).toBe(false);
    expect(holds("number", "Es wurde im Jahr 1990 gebaut.", "Wie viele Türme gibt es?", "", "de")).toBe(
      false,
    );
    expect(holds("number", "Es gibt 12 Türme.", "Wie viele Türme gibt es?", "", "de")).toBe(true);
    expect(holds("number", "Es gibt 12 Türme.", "Gibt es 12 Türme?", "", "de")).toBe(false);
    expect(holds("number", "มีประชากร ๓ ล้านคน", "มีประชากรกี่คน", "", "th")).toBe(true);
  });

  it("takes a person's name from capitals where they mark names, not a German noun phrase", () => {
    expect(holds("person", "Dann sprach Angela Merkel lange.", "Wer sprach?", "", "de")).toBe(true);
    expect(holds("person", "Der Präsident sprach lange.", "Wer sprach?", "", "de")).toBe(false);
    expect(holds("person", "Книгу написал Лев Толстой.", "Кто написал книгу?", "", "ru")).toBe(true);
    expect(holds("person", "Книгу написали давно.", "Кто написал книгу?", "", "ru")).toBe(false);
  });

  it("where there are no capitals, takes any new content word (or Latin-script name) as a possible name", () => {
    expect(holds("person", "这本书的作者是鲁迅。", "谁写了这本书？", "", "zh")).toBe(true);
    expect(holds("person", "这本书。", "谁写了这本书？", "", "zh")).toBe(false);
    expect(holds("name", "أطلقت الشركة Sky Digital.", "ما اسم الخدمة؟", "", "ar")).toBe(true);
  });

  it("reads ICU's calendar and number words for a language", () => {
    const ru = answerWords("ru");
    expect(ru.months.has(stem("марта", "ru"))).toBe(true);
    expect(ru.dateFields.has(stem("году", "ru"))).toBe(true);
    expect(ru.quantities.has(stem("миллиона", "ru"))).toBe(true);
    expect(answerWords("zh").quantities.has("万")).toBe(true);
  });
});

describe("questionNames", () => {
  it("in German, takes runs of capitalised words and acronyms, not the nouns every German question has", () => {
    expect(questionNames("In welchem Jahr wurde Nikola Tesla in der Stadt Smiljan geboren?", "de")).toEqual([
      "Nikola Tesla",
    ]);
    expect(questionNames("Wie viele Mitglieder hat die NATO seit 2004?", "de")).toEqual(["NATO", "2004"]);
    expect(questionNames("Wann wurde die Burg gebaut?", "de")).toEqual([]);
  });

  it("keeps capitalised words where capitals mark names, and Latin names and numbers where there are none", () => {
    expect(questionNames("Сколько людей жило в Москве в 1900 году?", "ru")).toEqual(["Москве", "1900"]);
    expect(questionNames("Sky Digital是什么时候推出的？", "zh")).toEqual(["Sky", "Digital"]);
    expect(questionNames("ولد في ١٨٥٦؟", "ar")).toEqual(["١٨٥٦"]);
  });

  it("finds an inflected name by its stem: Москве is Москва", () => {
    expect(share("Сколько людей жило в Москве?", "Москва — столица России.", "ru")).toBe(1);
    expect(share("Сколько людей жило в Москве?", "Киев — столица Украины.", "ru")).toBe(0);
    expect(share("Cuándo nació Cervantes?", "Miguel de Cervantes nació en 1547.", "es")).toBe(1);
  });
});

describe("a number is a figure, not a name that opens with a digit", () => {
  it("counts 5.3 or 4:1 as a number, and not 1Password", () => {
    const q = "Wie viele Zusatzfelder gibt es jetzt in der Datenbank?";
    expect(holds("number", "Die Zahl der Zusatzfelder in 1Password wurde erweitert.", q, "", "de")).toBe(
      false,
    );
    expect(holds("number", "Es gibt jetzt 12 Zusatzfelder in der Datenbank.", q, "", "de")).toBe(true);
    expect(holds("number", "Version 5.3 bringt Zusatzfelder.", q, "", "de")).toBe(true);
  });
});

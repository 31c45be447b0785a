import { describe, expect, it } from "vitest";
import { acronymQuestions, spelledAcronyms } from "../../src/companion/acronyms.ts";
import { answersFrom } from "../../src/companion/questions.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = (text: string, lang: string) =>
  acronymQuestions(text, sentenceSpans(text), lang).map((c) => [c.question, c.holds]);

describe("acronym questions", () => {
  it("asks what an acronym stands for when the article spells it out, either way round", () => {
    expect(
      ask(
        "The Marine Stewardship Council (MSC) certifies the catch. The VPN (Virtual Private Network) is on.",
        "en",
      ),
    ).toEqual([
      ["What does MSC stand for?", "Marine Stewardship Council"],
      ["What is MSC?", "Marine Stewardship Council"],
      ["What does VPN stand for?", "Virtual Private Network"],
      ["What is VPN?", "Virtual Private Network"],
    ]);
    expect(
      ask(
        "Today we launch it. L.E.A.N. stands for Light, Encrypted, Ad choice supported, Non-invasive ads.",
        "en",
      ),
    ).toEqual([
      ["What does L.E.A.N. stand for?", "Light, Encrypted, Ad choice supported, Non-invasive ads"],
      ["What is L.E.A.N.?", "Light, Encrypted, Ad choice supported, Non-invasive ads"],
    ]);
  });

  it("takes a spelling in lower case or in quotation marks, keeping an apostrophe inside a word", () => {
    expect(
      ask('They do not include so-called "personally identifiable information" (PII) like names.', "en"),
    ).toEqual([
      ["What does PII stand for?", "personally identifiable information"],
      ["What is PII?", "personally identifiable information"],
    ]);
    expect(
      spelledAcronyms("It breaks the ‘Children’s Online Privacy Protection Act’ (COPPA) rules.")[0]?.spelling,
    ).toBe("Children’s Online Privacy Protection Act");
  });

  it("asks it in the language's own phrase, CJK glosses and compounds included", () => {
    expect(
      ask("Unterstützt wird der TOTP-Standard (Time-Based One-Time Passwords) von vielen.", "de"),
    ).toEqual([
      ["Was ist TOTP?", "Time-Based One-Time Passwords"],
      ["Was ist der TOTP-Standard?", "Time-Based One-Time Passwords"],
    ]);
    // In German a compound the article names is asked too: "Was ist TOTP?" finds other compounds.
    expect(ask("Die App nutzt das TOTP-Verfahren (Time-Based One-Time Passwords) von Google.", "de")).toEqual(
      [
        ["Was ist TOTP?", "Time-Based One-Time Passwords"],
        ["Was ist das TOTP-Verfahren?", "Time-Based One-Time Passwords"],
      ],
    );
    expect(ask("Wegen der TOTP-Nutzung (Time-Based One-Time Passwords) ist es sicher.", "de")).toEqual([
      ["Was ist TOTP?", "Time-Based One-Time Passwords"],
    ]);
    expect(ask("La Commission nationale informatique et libertés (CNIL) a rendu son avis.", "fr")).toEqual([
      ["Que signifie CNIL ?", "Commission nationale informatique et libertés"],
    ]);
    expect(ask("DeepMind表示，这款名为DNC（可微神经计算机）的AI模型可以接受信息。", "zh")).toEqual([
      ["DNC是什么？", "可微神经计算机"],
    ]);
    expect(ask("技術基盤「Trend Micro Smart Protection Network」（SPN）が連携する。", "ja")).toEqual([
      ["SPNとは何ですか？", "Smart Protection Network"],
    ]);
  });

  it("takes no bracket that does not spell the acronym, and asks nothing where it has no phrase", () => {
    expect(
      spelledAcronyms("The CEO (who joined in 2019) spoke. NASA (the agency) agreed. It costs $5 (USD)."),
    ).toEqual([]);
    expect(ask("Совет (MSC) Marine Stewardship Council (MSC) решил.", "ru")).toEqual([]);
  });

  it("offers the question only when the answer holds the spelling as written", () => {
    const answer = (text: string) =>
      ({ abstained: false, answer: text, citations: [{ articleId: "a" }] }) as never;
    const spelled = answer("The Marine  Stewardship Council (MSC) certifies the catch. [1]");
    expect(answersFrom(spelled, "a", { holds: "Marine Stewardship Council" })).toBe(true);
    expect(
      answersFrom(answer("The MSC label is blue. [1]"), "a", { holds: "Marine Stewardship Council" }),
    ).toBe(false);
  });
});

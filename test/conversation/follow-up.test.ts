import { describe, expect, it } from "vitest";
import { turn } from "../helpers/turn.ts";
import { namesIn, resolveFollowUp } from "../../src/conversation/follow-up.ts";

describe("resolveFollowUp: the person the previous turn asked about", () => {
  const about = turn({
    question: "Who is Patrick McHugh?",
    answer: "“It is not safe,” said Patrick McHugh, vice president of Con Edison. [1]",
    entities: ["Patrick McHugh", "Con Edison"],
  });

  it("reads 'he' as the person a 'who is X' question named, not another name in its answer", () => {
    expect(resolveFollowUp("What did he say?", about).question).toBe("What did McHugh said?");
  });

  it("still reads 'he' as the answer's new name after a 'who did' question", () => {
    const r = resolveFollowUp(
      "What did he say?",
      turn({
        question: "Who chaired the Con Edison meeting?",
        answer: "Patrick McHugh chaired it. [1]",
        entities: ["Patrick McHugh"],
      }),
    );
    expect(r.question).toBe("What did McHugh said?");
  });
});

describe("resolveFollowUp: the person a name question's answer named", () => {
  it("reads 'he' as the relative the answer named, by the whole name when the family name was asked", () => {
    const son = turn({
      question: "What's Hori Parata's son called?",
      answer: "Parata and his 22-year-old son, Te Kaurinui Robert Parata, were called in to assist. [1]",
      entities: ["Te Kaurinui Robert Parata", "Te Kaurinui"],
    });
    expect(resolveFollowUp("How old is he?", son).question).toBe("How old is Te Kaurinui Robert Parata?");
  });
  it("takes the name beside the question's words over one the answer gave first", () => {
    const son = turn({
      question: "What's Hori Parata's son called?",
      answer:
        "Hori Parata attended his first stranding in New Zealand’s Northland. [1] Parata and his son, Te Kaurinui Robert Parata, were called in. [1]",
      entities: ["Hori Parata", "New Zealand’s Northland", "Te Kaurinui Robert", "Te Kaurinui Robert Parata"],
    });
    expect(resolveFollowUp("How old is he?", son).question).toBe("How old is Te Kaurinui Robert Parata?");
  });
});

describe("resolveFollowUp: after a declined question", () => {
  it("still asks on about the question's topic, in every article", () => {
    const declined = turn({
      question: "How much of her profits is Hicks donating?",
      answer: "I couldn't find that in your articles.",
      abstained: true,
      entities: [],
      articleIds: [],
    });
    const r = resolveFollowUp("To which group?", declined);
    expect(r.followUp).toBe(true);
    expect(r.question).toContain("Hicks");
    expect(r.articleIds).toEqual([]);
  });
  it("leaves a question that stands on its own alone", () => {
    const declined = turn({
      question: "Who was at the meeting?",
      answer: "-",
      abstained: true,
      entities: [],
    });
    expect(resolveFollowUp("Who attended the board meeting in Bergen?", declined).followUp).toBe(false);
  });
});

describe("resolveFollowUp: elliptic questions, counted things, dotted names", () => {
  const donating = turn({
    question: "How much of her profits is Hicks donating?",
    answer: "Hicks said she would give 10% of the profits to charity. [1]",
    entities: ["Hicks"],
    articleIds: ["flag"],
  });

  it("reads a question without a verb or a name as asking on ('To which group?')", () => {
    const r = resolveFollowUp("To which group?", donating);
    expect(r.followUp).toBe(true);
    expect(r.articleIds).toEqual(["flag"]);
    // A short question with a verb stands on its own; so does one that names something.
    expect(resolveFollowUp("Who was at the meeting?", donating).followUp).toBe(false);
    expect(resolveFollowUp("Which Obama?", donating).followUp).toBe(false);
  });

  it("reads 'them' after a how-many question as what it counted", () => {
    const r = resolveFollowUp(
      "For how many of them could they predict the choices?",
      turn({
        question: "How many people were in the study?",
        answer: "Five, in the U.S. trial. [1]",
        entities: ["U"],
      }),
    );
    expect(r.question).toBe("For how many of people could people predict the choices?");
  });

  it("keeps a dotted acronym whole", () => {
    expect(namesIn("Researchers in the U.K. and Dr. Jane Smith agreed.")).toEqual(["Jane Smith", "UK", "Dr"]);
  });
});

describe("resolveFollowUp: in other languages, by each language's table", () => {
  const asked = (question: string, answer: string, entities: string[]) =>
    turn({ question, answer, entities });

  it("puts the person back for a pronoun in French, Spanish, Portuguese, German and Italian", () => {
    const cases: Array<[string, string, string, string]> = [
      [
        "Qui est Laurent Fabius ?",
        "Laurent Fabius est ministre. [1]",
        "Qu'a-t-il dit ?",
        "Qu'a-t-Fabius dit ?",
      ],
      [
        "¿Quién es Abdullah Ocalan?",
        "Abdullah Ocalan es el líder kurdo. [1]",
        "¿Dónde está él?",
        "¿Dónde está Ocalan?",
      ],
      [
        "Quem é Jair Bolsonaro?",
        "Jair Bolsonaro é o presidente eleito. [1]",
        "O que ele disse?",
        "O que Bolsonaro disse?",
      ],
      [
        "Wer ist Tim Cook?",
        "Tim Cook ist der Chef von Apple. [1]",
        "Was hat er gesagt?",
        "Was hat Cook gesagt?",
      ],
      [
        "Chi è Massimo D'Alema?",
        "Massimo D'Alema era il premier. [1]",
        "Cosa ha detto lui?",
        "Cosa ha detto D'Alema?",
      ],
    ];
    for (const [question, answer, follow, expected] of cases) {
      const names = [question.replace(/^\S+\s+\S+\s+|\s*[?？]$/g, "")];
      expect(resolveFollowUp(follow, asked(question, answer, names)).question, follow).toBe(expected);
    }
  });

  it("asks the previous question again of a new counted thing ('¿Y heridos?', 'et chez les écolos ?')", () => {
    const dead = asked("¿Cuántos muertos hubo en el ataque?", "Hubo 20 muertos. [1]", []);
    expect(resolveFollowUp("¿Y heridos?", dead).question).toBe("¿Cuántos heridos hubo en el ataque?");
    const against = asked("combien de socialistes ont voté contre ?", "10 députés socialistes. [1]", []);
    expect(resolveFollowUp("et chez les écolos ?", against).question).toBe(
      "combien de écolos ont voté contre ?",
    );
  });

  it("gives an elliptic question the previous one's focus, without its opening word ('¿Y desde cuándo?')", () => {
    const jailed = asked("¿Dónde está preso Ocalan?", "Ocalan está preso en Imrali. [1]", [
      "Ocalan",
      "Imrali",
    ]);
    const r = resolveFollowUp("¿Y desde cuándo?", jailed);
    expect(r.followUp).toBe(true);
    expect(r.question).toBe("desde cuándo preso Ocalan");
  });

  it("does not read a Spanish article or a German one as a pronoun", () => {
    const jailed = asked("¿Dónde está preso Ocalan?", "Ocalan está preso en Imrali. [1]", ["Ocalan"]);
    expect(resolveFollowUp("¿Quién escribió el informe sobre el ataque en Palermo?", jailed).followUp).toBe(
      false,
    );
    const cook = asked("Wer ist Tim Cook?", "Tim Cook ist der Chef von Apple. [1]", ["Tim Cook"]);
    expect(resolveFollowUp("Wann wurde das neue iPhone in Berlin vorgestellt?", cook).followUp).toBe(false);
  });
});

describe("resolveFollowUp: the same question of something new", () => {
  const counted = turn({
    question: "combien de socialistes ont voté contre ?",
    answer: "Ont voté contre : 10 députés socialistes, 11 écologistes. [1]",
  });
  it("marks a new counted thing, 'what about X' and a question of new words without a pronoun", () => {
    expect(resolveFollowUp("et chez les écologistes ?", counted).again).toBe(true);
    const cost = turn({ question: "How much does the Xbox One X cost?", answer: "It costs $499. [1]" });
    expect(resolveFollowUp("What about the One S?", cost).again).toBe(true);
    expect(resolveFollowUp("And the One S?", cost).again).toBe(true);
  });
  it("does not mark a question asking something else of the same person or thing", () => {
    const who = turn({ question: "Who is Patrick McHugh?", answer: "McHugh is a vice president. [1]" });
    expect(resolveFollowUp("What did he say?", who).again).toBeUndefined();
    expect(resolveFollowUp("Why?", who).again).toBeUndefined();
  });
});

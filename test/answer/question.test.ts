import { describe, expect, it } from "vitest";
import { readQuestion } from "../../src/answer/question.ts";

describe("readQuestion: the form an answer takes", () => {
  it("reads who-is, how-old, name-of and what-kind questions, with their focus", () => {
    expect(readQuestion("Who is Rae Zimmerman?")).toMatchObject({
      form: "description",
      focus: "Rae Zimmerman",
    });
    expect(readQuestion("How old is Hori Parata?")).toMatchObject({ form: "age", focus: "Hori Parata" });
    expect(readQuestion("What's the name of the baby in the flag photo?")).toMatchObject({
      form: "name",
      head: "baby",
    });
    expect(readQuestion("What is the captain's name?")).toMatchObject({ form: "name", head: "captain" });
    expect(readQuestion("What kind of game is Thumper?")).toMatchObject({
      form: "kind",
      focus: "Thumper",
      head: "game",
    });
  });

  it("leaves other questions plain", () => {
    expect(readQuestion("Who is the director of the study?").form).toBe("plain");
    expect(readQuestion("How many people died?").form).toBe("plain");
    expect(readQuestion("Кто такой Иван Петров?", "ru").form).toBe("plain");
  });
});

describe("readQuestion: who is a role, not a person", () => {
  it("reads 'Who is Yahoo's CEO?' as asking for a person, not describing one", () => {
    expect(readQuestion("Who is Yahoo's CEO?").form).toBe("plain");
    expect(readQuestion("Who is Yahoo's CEO?").type).toBe("person");
  });
});

describe("readQuestion: who is X in other languages", () => {
  it("reads the fixed opening and a full name as asking for a description", () => {
    expect(readQuestion("Qui est Laure de la Raudière ?", "fr")).toMatchObject({
      form: "description",
      focus: "Laure de la Raudière",
    });
    expect(readQuestion("¿Quién es Abdullah Ocalan?", "es").focus).toBe("Abdullah Ocalan");
    expect(readQuestion("Quem é Luiz Inácio Lula da Silva?", "pt").form).toBe("description");
    expect(readQuestion("Wer ist Horst Seehofer?", "de").form).toBe("description");
    expect(readQuestion("Kdo je Emile Heskey?", "cs").form).toBe("description");
  });
  it("leaves a role, a single name or an acronym plain", () => {
    expect(readQuestion("Qui est le ministre ?", "fr").form).toBe("plain");
    expect(readQuestion("¿Quién es Tite?", "es").form).toBe("plain");
    expect(readQuestion("Wer ist der Gründer von SAP?", "de").form).toBe("plain");
  });
});

describe("readQuestion: a German possessive is no name", () => {
  it("leaves 'Wer war Ayurparibhadras Sohn?' plain", () => {
    expect(readQuestion("Wer war Ayurparibhadras Sohn?", "de").form).toBe("plain");
  });
});

import { describe, expect, it } from "vitest";
import { readQuestion } from "../../../src/answer/question.ts";
import { holdsForm } from "../../../src/answer/rules/index.ts";

const holds = (question: string, text: string, before?: string) =>
  holdsForm(readQuestion(question), { text, ...(before !== undefined ? { before } : {}) });

describe("age: how old is X", () => {
  const q = "How old is Hori Parata?";
  it("takes an age said of X now", () => {
    expect(holds(q, "Seven decades later, Parata, 75, has now overseen more than 500 strandings.")).toBe(
      true,
    );
    expect(holds(q, "Hori Parata, the 75-year-old elder, spoke first.")).toBe(true);
    expect(holds(q, "Parata is 75 years old.")).toBe(true);
  });
  it("does not take an age at another time, another person's age, or a number that is no age", () => {
    expect(holds(q, "Hori Parata was just seven years old when he attended his first stranding.")).toBe(
      false,
    );
    expect(holds(q, "Parata and his 22-year-old son were called in.")).toBe(false);
    expect(holds(q, "Parata has overseen more than 500 strandings.")).toBe(false);
    expect(holds(q, "The tree may be 2,000 years old.")).toBe(false);
  });
});

describe("age: of a relative named after it", () => {
  const said = "Parata and his 22-year-old son, Te Kaurinui Robert Parata, were called in to assist.";
  it("takes the age before the relative's whole name", () => {
    expect(holds("How old is Te Kaurinui Robert Parata?", said)).toBe(true);
  });
  it("is no age of the parent who shares the family name", () => {
    expect(holds("How old is Hori Parata?", said)).toBe(false);
  });
});

describe("age: of something a person has, or of someone unnamed", () => {
  it("takes the age of the thing a named person has", () => {
    const q = "How old is Wade Bassi's boat?";
    expect(holds(q, "From the deck of his 106-year-old halibut schooner, skipper Wade Bassi looks on.")).toBe(
      true,
    );
    expect(holds(q, "Wade Bassi has fished for 40 years.")).toBe(false);
  });
  it("takes a name's age for an unnamed focus", () => {
    expect(holds("How old was the student who died?", "Eloise Parry, 21, was taken to hospital.")).toBe(true);
    expect(holds("How old was the student who died?", "Eloise Parry was taken to hospital.")).toBe(false);
  });
});

describe("age: how old was X when …", () => {
  it("takes an age at a moment when the question asks about one", () => {
    const q = "How old was Peyton Manning when he played in Super Bowl 50?";
    const said = "He is also the oldest quarterback ever to play in a Super Bowl at age 39.";
    expect(
      holds(q, said, "Peyton Manning became the first quarterback to lead two teams to the Super Bowl."),
    ).toBe(true);
    expect(
      holds("How old is Peyton Manning?", `Peyton Manning is also the oldest quarterback at age 39.`),
    ).toBe(false);
    expect(holds(q, "Peyton Manning played in Super Bowl 50 in 2016.")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { readQuestion } from "../../../src/answer/question.ts";
import { holdsForm } from "../../../src/answer/rules/index.ts";

const holds = (question: string, text: string, before?: string) =>
  holdsForm(readQuestion(question), { text, ...(before !== undefined ? { before } : {}) });

describe("named: the name of X", () => {
  it("takes a name beside the head noun, or what it is called", () => {
    expect(holds("What's the name of the baby?", "The baby, Liam Hicks, was born in May.")).toBe(true);
    expect(
      holds(
        "What's the decision threshold process called?",
        'This process bears the name of "bounded evidence accumulation."',
      ),
    ).toBe(true);
  });
  it("does not take a sentence that mentions the head noun with no name given it", () => {
    expect(holds("What is the captain's name?", "The ship was late, the ship's captain said.")).toBe(false);
    expect(holds("What's the name of the baby?", "The photo showed a newborn wrapped in a flag.")).toBe(
      false,
    );
  });
});

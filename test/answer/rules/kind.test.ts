import { describe, expect, it } from "vitest";
import { readQuestion } from "../../../src/answer/question.ts";
import { holdsForm } from "../../../src/answer/rules/index.ts";

const holds = (question: string, text: string, before?: string) =>
  holdsForm(readQuestion(question), { text, ...(before !== undefined ? { before } : {}) });

describe("kind: what kind of X is Y", () => {
  const q = "What kind of game is Thumper?";
  it("takes a kind of X said of Y", () => {
    expect(holds(q, "“Thumper” is, well, a violent rhythm game that is also gorgeous.")).toBe(true);
  });
  it("does not take a kind said of something else, or Y without a kind", () => {
    expect(holds(q, "Headmaster is a soccer game.")).toBe(false);
    expect(holds(q, "Thumper costs $20.")).toBe(false);
  });
});

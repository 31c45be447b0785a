import { describe, expect, it } from "vitest";
import { readQuestion } from "../../../src/answer/question.ts";
import { holdsForm } from "../../../src/answer/rules/index.ts";

const holds = (question: string, text: string, before?: string) =>
  holdsForm(readQuestion(question), { text, ...(before !== undefined ? { before } : {}) });

describe("describes: who is X", () => {
  const q = "Who is Rae Zimmerman?";
  it("takes an apposition, a copula, or the next sentence going on about X", () => {
    expect(holds(q, "“It is slow,” said Rae Zimmerman, a research professor at New York University.")).toBe(
      true,
    );
    expect(
      holds("Who is Stephen Calderwood?", "says Stephen Calderwood, MD, president of the society."),
    ).toBe(true);
    expect(holds(q, "Zimmerman is the author of three books on cities.")).toBe(true);
    expect(holds(q, "She's the director of the center.", "“It is slow,” says Rae Zimmerman, PhD.")).toBe(
      true,
    );
  });
  it("does not take X merely named, saying something, or another person described", () => {
    expect(holds(q, "“It is slow,” said Rae Zimmerman.")).toBe(false);
    expect(holds(q, "Rae Zimmerman, said the city was slow.")).toBe(false);
    expect(holds(q, "Patrick McHugh, a vice president of Con Edison, agreed.")).toBe(false);
    expect(holds(q, "She's the director of the center.", "Katie Allen spoke first.")).toBe(false);
  });
});

describe("describes: past a person's degrees", () => {
  it("takes the description that goes on after them in the same sentence", () => {
    expect(
      holds(
        "Who is Katie Allen?",
        "“It is groundbreaking,” says Katie Allen, MD, PhD. She's the director of the center.",
      ),
    ).toBe(true);
    expect(
      holds("Who is Katie Allen?", "“It is groundbreaking,” says Katie Allen, MD, PhD. Others disagree."),
    ).toBe(false);
  });
});

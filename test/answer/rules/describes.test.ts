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

describe("describes: a role written before the name", () => {
  it("takes a title or a role right before the name", () => {
    expect(holds("Who is Mark Zuckerberg?", "Facebook CEO Mark Zuckerberg knows a thing or two.")).toBe(true);
    expect(holds("Who is Wade Bassi?", "From the deck, skipper Wade Bassi has better insight.")).toBe(true);
    expect(
      holds("Who is Ammar Askar?", "“I thought a lot,” Pakistan-based developer Ammar Askar wrote."),
    ).toBe(true);
    expect(holds("Who is Andrew Colvin?", "and Australian Federal Police Commissioner Andrew Colvin.")).toBe(
      true,
    );
  });
  it("takes a role the name follows after a comma", () => {
    expect(
      holds(
        "Who is Marissa Mayer?",
        "If they want to stick with Yahoo’s chief executive, Marissa Mayer, and vote down the deal.",
      ),
    ).toBe(true);
    expect(holds("Who is Brendan Eich?", "Mozilla's CTO, Brendan Eich, acknowledged that.")).toBe(true);
  });
  it("does not take a reporting verb, a preposition, a list or a name as a role", () => {
    expect(holds("Who is Rae Zimmerman?", "“It is slow,” said Rae Zimmerman.")).toBe(false);
    expect(
      holds("Who is Brent Rose?", "I sat with the other editors: Kate Hudson, Brent Rose, and Nick."),
    ).toBe(false);
    expect(holds("Who is Charles Hermite?", "Hermitian matrices are named after Charles Hermite.")).toBe(
      false,
    );
    expect(holds("Who is Bill Shorten?", "In a letter to Bill Shorten last month.")).toBe(false);
    expect(holds("Who is Brendan Eich?", "On March 24, Mozilla promoted Brendan Eich to the role.")).toBe(
      false,
    );
  });
});

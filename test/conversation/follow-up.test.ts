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

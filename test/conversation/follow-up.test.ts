import { describe, expect, it } from "vitest";
import { turn } from "../helpers/turn.ts";
import { resolveFollowUp } from "../../src/conversation/follow-up.ts";

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

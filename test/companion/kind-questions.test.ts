import { describe, expect, it } from "vitest";
import { kindQuestions } from "../../src/companion/kind-questions.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = async (text: string) =>
  (await kindQuestions(text, sentenceSpans(text))).map((c) => [c.question, c.holds]);

describe("what kind of thing a name is", () => {
  it("asks it of a name or a title the article calls a kind of noun, by copula or apposition", async () => {
    expect(
      await ask(
        "Chaos, for sure. “Thumper” is, well, a violent rhythm game that’s also gorgeous. " +
          "Soccer meets “Portal” in the weird “Headmaster,” a game about heading soccer balls.",
      ),
    ).toEqual([
      ["What kind of game is “Thumper”?", "a violent rhythm game"],
      ["What kind of game is “Headmaster”?", "a game"],
    ]);
  });

  it("asks nothing of a place, a part of a longer name, a person, a participle or a non-kind", async () => {
    expect(
      await ask(
        "Earlier this year in South Taranaki, a mass stranding left the tribe scrambling. " +
          "He works at the Committee for a Responsible Federal Budget, a research and advocacy organization. " +
          "Corey Kilgannon is a Metro reporter. SpiderMonkey is a cross-platform engine written in C++. " +
          "There is a lot to do. Mozilla is a lot of fun. Soccer is a sport that we play.",
      ),
    ).toEqual([]);
  });
});

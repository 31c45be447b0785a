import { describe, expect, it } from "vitest";
import { definitionQuestions } from "../../src/companion/definitions.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

const ask = async (text: string) =>
  (await definitionQuestions(text, sentenceSpans(text))).map((c) => [c.question, c.holds]);

describe("what a thing is", () => {
  it("asks what a named thing or a title is when the article defines it with a copula", async () => {
    expect(
      await ask(
        'Mozilla Research builds Rust. Rust is a compiled programming language being developed by Mozilla Research. In case you missed it, "Super Mario Run" is essentially a regular, side-scrolling game.',
      ),
    ).toEqual([
      ["What is Rust?", "is a compiled programming language being developed"],
      ['What is "Super Mario Run"?', "is essentially a regular"],
    ]);
    expect(await ask("The Mozilla Festival is an annual event where people meet.")).toEqual([
      ["What is the Mozilla Festival?", "is an annual event where people meet"],
    ]);
  });

  it("asks nothing of a person, a pronoun, a day or a thing said of no name", async () => {
    expect(
      await ask(
        "Corey Kilgannon is a Metro reporter. Buck Cullen came home. Cullen is an integral member of the team. " +
          "It is a wakeup call. Monday is a holiday. The report is a warning. Today is a good day. " +
          "Photography is a way of seeing: my photography is a habit.",
      ),
    ).toEqual([]);
  });
});

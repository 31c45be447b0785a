import { describe, expect, it } from "vitest";
import { namedBeside } from "../../src/answer/named-beside.ts";

/** Whether a text names a person, as the English reader would say here: two capitalised words in a row. */
const namesSomeone = (text: string) => /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(text.slice(1));

describe("who a sentence beside names", () => {
  it("takes the match of a quotation after a sentence that names its speaker", () => {
    const s = {
      text: "Charles Schultze, chairman of the council, once summed up the danger with a metaphor.",
      names: true,
      nextInParagraph: "“It’s not so much a question of the wolf at the door, but termites in the woodwork.”",
    };
    expect(namedBeside(s, namesSomeone)).toBe("next");
    // A quotation that says who said it names its speaker itself.
    expect(namedBeside({ ...s, nextInParagraph: "“Termites,” he said." }, namesSomeone)).toBeUndefined();
    // Nor does a sentence that names no one take it.
    expect(namedBeside({ ...s, names: false }, namesSomeone)).toBeUndefined();
  });

  it("takes the match of an anonymous lede before a sentence that opens on a name", () => {
    const s = {
      text: "Vanessa Hicks said she had no idea her photo would be considered controversial.",
      names: false,
      before: "A photographer and Navy veteran is fighting back after a photo she posted started a backlash.",
    };
    expect(namedBeside(s, namesSomeone)).toBe("before");
    // A lede that names someone already, or a sentence that does not open on a name: no.
    expect(
      namedBeside({ ...s, before: "A photographer, Jane Roe, is fighting back." }, namesSomeone),
    ).toBeUndefined();
    expect(
      namedBeside({ ...s, text: "She said she had no idea, Vanessa Hicks added." }, namesSomeone),
    ).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { isCaptionLine } from "../../src/text/furniture.ts";
import { words } from "../../src/text/tokens.ts";
import { DEFAULT_EXTRACTIVE, extractAnswer } from "../../src/answer/extractive.ts";
import { scoredPassage } from "../helpers/passages.ts";

describe("page furniture in text stored before ingest removed it", () => {
  it("reads a word with a soft hyphen or a zero-width space inside as one word", () => {
    expect(words("Prime Minister Netan\u00adyahu")).toEqual(["prime", "minister", "netanyahu"]);
    expect(words("Netan\u200byahu", "de")).toEqual(words("Netanyahu", "de"));
  });

  it("tells a picture's caption by its opening", () => {
    expect(isCaptionLine("Clockwise from top: small whale bones; squid beaks.")).toBe(true);
    expect(isCaptionLine("From left: Ann Lee and Bo Chan.")).toBe(true);
    expect(isCaptionLine("The left said it would try again.")).toBe(false);
  });

  it("does not quote a caption as an answer", () => {
    const caption =
      "Clockwise from top: Te Kaurinui Parata in front of the carving shed at the Hihiaua Cultural Centre.";
    const prose = "The carving shed stands at the Hihiaua Cultural Centre in Whangarei.";
    const text = `${caption}\n${prose}`;
    const r = extractAnswer(
      "Where is the carving shed?",
      [
        scoredPassage(text, [
          { s: caption, coverage: 1, matched: ["carv", "shed"] },
          { s: prose, coverage: 0.9, matched: ["carv", "shed"] },
        ]),
      ],
      { ...DEFAULT_EXTRACTIVE, threshold: 0 },
    );
    expect(r.answer).not.toContain("Clockwise");
    expect(r.answer).toContain("stands at the Hihiaua");
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerSpans, SENTENCE_SPLITTER_VERSION, sentenceSpans } from "../../src/text/sentences.ts";
import { SqliteStore } from "../../src/library/embedded/sqlite-store.ts";
import { chunkText } from "../../src/ingest/chunk.ts";
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

describe("stored sentence spans leave furniture out (answerSpans), and old libraries are re-cut on open", () => {
  const text =
    "The whale stranded on Monday.\nImage\nClockwise from top: bones; squid beaks.\nParata, 75, led the recovery.\nA version of this article appears in print on";

  it("keeps every sentence but those of furniture lines", () => {
    expect(answerSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "The whale stranded on Monday.",
      "Parata, 75, led the recovery.",
    ]);
    const plain = "One sentence. Another one.\nA third.";
    expect(answerSpans(plain)).toEqual(sentenceSpans(plain));
  });

  it("cuts a library's stored spans again when it was written by an older splitter", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-furniture-"));
    try {
      const file = path.join(dir, "library.db");
      let store = new SqliteStore(file, "t");
      const chunks = chunkText(text, { minChars: 10 });
      const article = {
        id: "a1",
        title: "Whales",
        url: null,
        byline: null,
        publishedAt: null,
        text,
        contentHash: "h",
      };
      const ids = store.addArticle(
        article,
        chunks,
        chunks.map(() => new Float32Array(4).fill(0.5)),
      );
      // As version 4 stored them: every sentence, the caption's too.
      const all = sentenceSpans(chunks[0]!.text);
      store.db
        .prepare("UPDATE passages SET sentences = ?")
        .run(Buffer.from(new Uint16Array(all.flatMap((s) => [s.start, s.end])).buffer));
      store.setMeta("sentence_splitter", "4");
      store.close();
      store = new SqliteStore(file, "t");
      const p = store.passages(ids)[0]!;
      const quoted = p.sentences!.map((s) => text.slice(s.start, s.end)).join(" | ");
      expect(quoted).not.toContain("Clockwise");
      expect(quoted).not.toContain("appears in print");
      expect(quoted).toContain("Parata, 75, led the recovery.");
      expect(store.getMeta("sentence_splitter")).toBe(String(SENTENCE_SPLITTER_VERSION));
      store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

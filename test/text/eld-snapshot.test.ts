import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eld as packaged } from "eld/extrasmall";
import { loadLanguageDetector, writeLanguageSnapshot } from "../../src/text/eld-snapshot.ts";

const TEXTS = [
  "Who signed the treaty in 1848?",
  "Wer hat den Vertrag im Jahr 1848 unterzeichnet?",
  "Qui a signé le traité en 1848 ?",
  "¿Quién firmó el tratado en 1848?",
  "Кто подписал договор в 1848 году?",
  "谁在1848年签署了条约？",
  "1848年に条約に署名したのは誰ですか？",
  "من وقع المعاهدة في عام 1848؟",
  "1848 में संधि पर किसने हस्ताक्षर किए?",
  "Ποιος υπέγραψε τη συνθήκη το 1848;",
  "ใครลงนามในสนธิสัญญาในปี 1848",
  "Kim podpisał traktat w 1848 roku?",
];

describe("ELD's n-grams from the JSON snapshot", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-eld-"));

  it("detects as the package's own module does, score for score", async () => {
    const snapshot = await writeLanguageSnapshot(path.join(dir, "eld.json"));
    expect(fs.readdirSync(dir)).toEqual(["eld.json"]);
    const fromJson = loadLanguageDetector(snapshot);
    expect(fromJson).not.toBe(packaged);
    for (const text of TEXTS) {
      const a = fromJson.detect(text);
      const b = packaged.detect(text);
      expect(a.language, text).toBe(b.language);
      expect(a.getScores(), text).toEqual(b.getScores());
    }
  });

  it("falls back to the package's module when the snapshot is missing or unreadable", () => {
    expect(loadLanguageDetector(path.join(dir, "missing.json"))).toBe(packaged);
    fs.writeFileSync(path.join(dir, "torn.json"), '{"type":"XS60","langu');
    expect(loadLanguageDetector(path.join(dir, "torn.json"))).toBe(packaged);
  });
});

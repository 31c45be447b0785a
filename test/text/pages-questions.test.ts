import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { identifyLanguage } from "../../src/text/identify.ts";
import { language } from "../../src/text/languages.ts";

interface PagesFile {
  data: Array<{
    title: string;
    language: string;
    paragraphs: Array<{
      context: string;
      qas: Array<{ question: string; answers: Array<{ text: string; answer_start: number }> }>;
    }>;
  }>;
}

// The question set on the shared non-English news pages (for `footnote eval --dataset`): its
// answers must stay verbatim spans of the text, or eval's containment means nothing.
const file = JSON.parse(
  fs.readFileSync(new URL("../fixtures/languages/pages-questions.json", import.meta.url), "utf8"),
) as PagesFile;

describe("the pages question set", () => {
  it("holds answers that are spans of their article, in articles of the language it says", () => {
    expect(file.data.length).toBeGreaterThanOrEqual(7);
    for (const article of file.data) {
      expect(language(article.language), article.title).toBeDefined();
      for (const p of article.paragraphs) {
        expect(identifyLanguage(p.context), article.title).toBe(article.language);
        for (const qa of p.qas) {
          expect(identifyLanguage(qa.question), qa.question).toBe(article.language);
          for (const a of qa.answers)
            expect(p.context.slice(a.answer_start, a.answer_start + a.text.length)).toBe(a.text);
        }
      }
    }
  });
});

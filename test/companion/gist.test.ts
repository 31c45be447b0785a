import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFurniture } from "../../src/companion/furniture.ts";
import { extractiveGist } from "../../src/companion/gist.ts";
import { SHARED_PAGES, SHARED_PRESENT, testFootnote } from "../helpers/footnote.ts";

const HARBOUR = fs.readFileSync(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url), "utf8");

describe("furniture", () => {
  it.each([
    "Photo: Reuters/John Smith",
    "Image copyright Getty Images",
    "Clockwise from top left: the mayor, the harbour master and the union's chairwoman.",
    "(Photo: AP) Protesters outside the town hall on Monday night, chanting.",
    "The harbour at dawn, pictured above, as the ferry comes in from the island.",
    "Credit: Maren Olsby for the Port Elden Gazette, all rights reserved.",
    "Image",
    "READ MORE ABOUT THE HARBOUR TALKS AND THE FERRY.",
  ])("%s is furniture", (line) => expect(isFurniture(line)).toBe(true));

  it("keeps a statement", () =>
    expect(isFurniture("The council will vote on the ferry's future on 9 December.")).toBe(false));
});

describe("the extractive gist", () => {
  it("gives two or three central sentences, verbatim and in the article's order", () => {
    const gist = extractiveGist(HARBOUR, "en");
    expect(gist.length).toBeGreaterThanOrEqual(2);
    expect(gist.length).toBeLessThanOrEqual(3);
    for (const s of gist) expect(HARBOUR.slice(s.start, s.end)).toBe(s.text);
    expect(gist.map((s) => s.start)).toEqual([...gist.map((s) => s.start)].sort((a, b) => a - b));
    // The lead says what happened: talks reopened.
    expect(gist[0]!.text).toMatch(/agreed on Monday night to reopen talks/);
  });

  it("never takes a caption, a credit or a quotation", () => {
    const text = [
      "Photo: Port Elden Gazette",
      "Clockwise from top: the ferry, the harbour and the town hall on Monday night.",
      HARBOUR,
    ].join("\n");
    for (const s of extractiveGist(text, "en")) {
      expect(isFurniture(s.text)).toBe(false);
      expect(s.text).not.toMatch(/^["“]/);
    }
  });

  it("leaves out a sentence that repeats one already chosen", () => {
    const lead =
      "The town council of Port Elden agreed on Monday night to reopen talks with the ferry crews.";
    const text = `${lead}\n${lead.replace("Monday night", "Monday evening")}\n${HARBOUR}`;
    const gist = extractiveGist(text, "en").map((s) => s.text);
    expect(gist.filter((s) => s.includes("to reopen talks with the ferry crews")).length).toBeLessThanOrEqual(
      1,
    );
  });
});

describe.skipIf(!SHARED_PRESENT)("summaries of the shared pages", () => {
  let t: Awaited<ReturnType<typeof testFootnote>>;
  beforeAll(async () => {
    t = await testFootnote();
  });
  afterAll(() => t.footnote.close());

  it("quotes every summary sentence verbatim from its article, cited to the passage that holds it", async () => {
    // English and not, news and reference, with captions and credits around the text.
    const files = [
      "buzzfeed-1",
      "guardian-1",
      "nytimes-3",
      "webmd-1",
      "wikipedia",
      "lemonde-1",
      "heise",
      "yahoo-4",
    ].map((f) => `${f}.html`);
    let summaries = 0;
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(SHARED_PAGES, file));
      const r = await t.footnote.ingest("pages", { kind: "file", bytes, filename: file });
      const text = (await t.parts.withLibrary("pages", false, (l) => l.articleText(r.id)))!;
      const summary = (await t.footnote.summarize("pages", r.id))!;
      if (summary.abstained) continue;
      summaries++;
      const sentences = summary.answer.split(/\s*\[\d+\]\s*/).filter(Boolean);
      expect(sentences.length).toBe(summary.citations.length);
      for (const [i, c] of summary.citations.entries()) {
        expect(text.slice(c.start, c.end), file).toBe(c.quote);
        expect(sentences[i]).toBe(c.quote);
        expect(isFurniture(c.quote), `${file}: ${c.quote}`).toBe(false);
        expect(c.passageId, `${file}: ${c.quote}`).toBeGreaterThan(0);
      }
    }
    expect(summaries).toBe(files.length);
  }, 60_000);
});

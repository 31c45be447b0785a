import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { chunkText } from "../../src/ingest/chunk.ts";

describe("chunkText", () => {
  it("gives passages whose offsets slice the exact text, never over 1,000 characters", () => {
    const text = fs.readFileSync(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url), "utf8");
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text).toBe(text.slice(c.start, c.end));
      expect(c.text.length).toBeLessThanOrEqual(1000);
      expect(c.text).toBe(c.text.trim());
    }
    // In order, not overlapping across paragraphs.
    for (let i = 1; i < chunks.length; i++)
      expect(chunks[i]!.start).toBeGreaterThanOrEqual(chunks[i - 1]!.end);
  });

  it("cuts a long paragraph between sentences, with one sentence of overlap", () => {
    const sentences = Array.from(
      { length: 40 },
      (_, i) => `Sentence ${i} tells a small fact about item ${i}.`,
    );
    const text = sentences.join(" ");
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(1000);
      expect(c.text).toMatch(/^Sentence \d+/);
      expect(c.text).toMatch(/\.$/);
    }
    // The last sentence of one passage opens the next.
    const lastOfFirst = chunks[0]!.text.split(/(?<=\.) /).pop()!;
    expect(chunks[1]!.text.startsWith(lastOfFirst)).toBe(true);
  });

  it("cuts a sentence longer than the limit between words", () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const chunks = chunkText(text);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(1000);
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.text).toMatch(/^word\d+/);
      expect(c.text).toMatch(/word\d+$/);
    }
    expect(chunks.map((c) => c.text).join(" ")).toBe(text);
  });

  it("joins a heading to the paragraph after it", () => {
    const text = "A heading\n\nThe paragraph under the heading has a few words in it.";
    expect(chunkText(text)).toHaveLength(1);
  });

  it("gives nothing for empty text", () => {
    expect(chunkText("")).toEqual([]);
    expect(chunkText("  \n\n  ")).toEqual([]);
  });
});

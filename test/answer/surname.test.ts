import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readQuestion } from "../../src/answer/question.ts";
import { surnameCarries } from "../../src/answer/surname.ts";
import { SHARED_PAGES, SHARED_PRESENT, testFootnote } from "../helpers/footnote.ts";

const ARTICLE =
  "Vanessa Hicks said she had no idea her photo would be considered controversial. " +
  "The photo, from a newborn photo shoot, showed an infant wrapped in a flag held by his father. " +
  "Hicks, a Navy veteran herself and the wife of an active-duty Navy member, said her intention was to honor the flag. " +
  "Many people told her they did not find the picture offensive.";

describe("surnameCarries: a person named by surname after the full name", () => {
  const q = readQuestion("Who is Vanessa Hicks?");
  const hicks = "Hicks, a Navy veteran herself, said her intention was to honor the flag.";
  it("stands for the first name when the article names the person in full", () => {
    expect(surnameCarries(q, ["hick"], hicks, ARTICLE)).toEqual(["vanessa"]);
  });
  it("stands for nothing when the article never names the full name, or the sentence not the surname", () => {
    expect(surnameCarries(q, ["hick"], hicks, hicks)).toEqual([]);
    expect(surnameCarries(q, [], "Many people told her so.", ARTICLE)).toEqual([]);
    expect(surnameCarries(readQuestion("Who is Hicks?"), ["hick"], hicks, ARTICLE)).toEqual([]);
  });
});

describe.runIf(SHARED_PRESENT)("who is X, described by surname alone (yahoo-3)", () => {
  let t: Awaited<ReturnType<typeof testFootnote>>;
  beforeAll(async () => {
    t = await testFootnote();
  });
  afterAll(() => t.footnote.close());

  it("answers with the sentence that describes the surname", async () => {
    const bytes = fs.readFileSync(path.join(SHARED_PAGES, "yahoo-3.html"));
    const r = await t.footnote.ingest("lib", { kind: "file", bytes, filename: "yahoo-3.html" });
    const a = await t.footnote.ask("lib", "Who is Vanessa Hicks?", { articleIds: [r.id] });
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Hicks, a Navy veteran/);
  });
});

import { describe, expect, it } from "vitest";
import { sentenceSpans } from "../../src/text/sentences.ts";

const texts = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe("sentenceSpans", () => {
  it("splits at full stops and always at line breaks", () => {
    expect(texts("First one. Second one.\nA heading\nThird one.")).toEqual([
      "First one.",
      "Second one.",
      "A heading",
      "Third one.",
    ]);
  });

  it("does not end a sentence inside a quotation", () => {
    const text =
      'He wrote that the meeting "showed we are on the right track. Lukashenko was forced to sit down." Then he left.';
    expect(texts(text)).toEqual([
      'He wrote that the meeting "showed we are on the right track. Lukashenko was forced to sit down."',
      "Then he left.",
    ]);
    expect(texts("She said \u201cNo. Never.\u201d It ended.")).toEqual([
      "She said \u201cNo. Never.\u201d",
      "It ended.",
    ]);
  });

  it("gives up on a quotation that never closes, instead of swallowing the paragraph", () => {
    const text = `An "open quote. ${"Another sentence here. ".repeat(40)}`;
    const spans = texts(text);
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) expect(s.length).toBeLessThan(700);
  });
});

describe("sentenceSpans and abbreviations", () => {
  it("does not end a sentence on a title, an initial or a dotted abbreviation inside it", () => {
    expect(texts("Mr. Trump would stick with a policy of warmer relations with Sudan. It was new.")).toEqual([
      "Mr. Trump would stick with a policy of warmer relations with Sudan.",
      "It was new.",
    ]);
    expect(texts("Dr. No came at 5 p.m. on Friday. The U.S. Senate voted. George W. Bush spoke.")).toEqual([
      "Dr. No came at 5 p.m. on Friday.",
      "The U.S. Senate voted.",
      "George W. Bush spoke.",
    ]);
    expect(texts("Le président M. Macron a dit. Sr. García habló.")).toEqual([
      "Le président M. Macron a dit.",
      "Sr. García habló.",
    ]);
  });

  it("still ends a sentence on an abbreviation when the next word starts one", () => {
    expect(texts("He lives in the U.S. The rest is fine. It was 1 p.m. He left.")).toEqual([
      "He lives in the U.S.",
      "The rest is fine.",
      "It was 1 p.m.",
      "He left.",
    ]);
    expect(texts("I went to No. 10 Downing Street. Plan B. Then C.")).toEqual([
      "I went to No. 10 Downing Street.",
      "Plan B.",
      "Then C.",
    ]);
  });

  it("uses every language's abbreviations, ending on one only before a stop word with a capital", () => {
    expect(texts("Он родился в 1856 г. В Москве жил проф. Иванов. Это было т.е. давно.")).toEqual([
      "Он родился в 1856 г.",
      "В Москве жил проф. Иванов.",
      "Это было т.е. давно.",
    ]);
    expect(texts("Он жил в г. Москва. Его сын уехал.")).toEqual(["Он жил в г. Москва.", "Его сын уехал."]);
    expect(texts("Il sig. Rossi arrivò. Poi il dott. Bianchi parlò.")).toEqual([
      "Il sig. Rossi arrivò.",
      "Poi il dott. Bianchi parlò.",
    ]);
    expect(texts("Ο κ. Παπαδόπουλος ήρθε. Μετά έφυγε.")).toEqual(["Ο κ. Παπαδόπουλος ήρθε.", "Μετά έφυγε."]);
  });
});

describe("sentenceSpans: an opening bracket or quote after a full stop", () => {
  it("opens the next sentence, not the one it follows (ICU keeps it on the first after 。)", () => {
    expect(texts("研究结果发表在《自然》上。（编译/林靖东）")).toEqual([
      "研究结果发表在《自然》上。",
      "（编译/林靖东）",
    ]);
    expect(texts("它来了。「你好」他说。")).toEqual(["它来了。", "「你好」他说。"]);
    expect(texts("He left. (He was tired.) Then he went.")).toEqual([
      "He left.",
      "(He was tired.)",
      "Then he went.",
    ]);
  });
});

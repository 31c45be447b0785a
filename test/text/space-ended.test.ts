import { describe, expect, it } from "vitest";
import { endsSentencesAtSpaces, splitAtSpaces } from "../../src/text/space-ended.ts";
import { sentenceSpans } from "../../src/text/sentences.ts";

// From XQuAD's Thai translation of SQuAD's Super Bowl 50 article (CC BY-SA 4.0).
const THAI =
  "ทีมรับของแพนเธอร์สถอดใจที่คะแนน 308 ได้อันดับที่หกของลีก ในขณะที่เป็นผู้นำในเอ็นเอฟแอลด้วยการอินเตอร์เซป 24 ครั้งและได้รับเลือกให้เล่นในโปรโบว์ล สี่ ครั้ง คาวันน์ ชอร์ต ผู้เล่นตำแหน่งดีเฟนซีฟแทคเกิลใน โปรโบว์ล นำทีมด้วยการแซ็ค 11 ครั้ง ในขณะที่ทำให้ฝ่ายตรงข้ามฟัมเบิลไป 3 ครั้งและเอาลูกบอลกลับมาครองได้ สองครั้ง มาริโอ แอดดิสัน เพื่อนร่วมทีมซึ่งเป็นไลน์แมนแซ็คเพิ่มไป 6½ ครั้ง  นอกจากนี้ไลน์ของทีมแพนเธอร์สยังมี จาเรด อัลเลน ซึ่งเป็นดีเฟนซีฟเอนด์ผู้ช่ำช่องที่เคยเข้าร่วมในโปรโบว์ล 5 ครั้ง";

const texts = (text: string, spans: Array<{ start: number; end: number }>) =>
  spans.map((s) => text.slice(s.start, s.end));

describe("sentences in scripts that end them with a space", () => {
  it("knows Thai, Lao and Khmer from other scripts", () => {
    expect(endsSentencesAtSpaces(THAI)).toBe(true);
    expect(endsSentencesAtSpaces("ພາສາລາວ")).toBe(true);
    expect(endsSentencesAtSpaces("Das ist Deutsch. 中文。")).toBe(false);
  });

  it("cuts a Thai paragraph at its spaces into sentences a quote can hold", () => {
    const parts = texts(THAI, splitAtSpaces(THAI, 0, THAI.length));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.join("").replace(/\s+/g, "")).toBe(THAI.replace(/\s+/g, ""));
    for (const p of parts) expect(p.length).toBeLessThan(250);
    // A double space ends the sentence before "นอกจากนี้" ("besides").
    expect(parts.some((p) => p.startsWith("นอกจากนี้"))).toBe(true);
  });

  it("never cuts at the spaces that set off a number or a foreign word", () => {
    const parts = texts(THAI, splitAtSpaces(THAI, 0, THAI.length));
    for (const p of parts) {
      expect(p).not.toMatch(/^\d/);
      expect(p).not.toMatch(/\d$/);
    }
    const mixed = "บริษัท Trend Micro ประกาศว่าแอปพลิเคชันใหม่จะวางจำหน่ายในวันที่ 9 มีนาคม ราคา 2900 เยน";
    expect(texts(mixed, splitAtSpaces(mixed, 0, mixed.length))).toEqual([mixed]);
  });

  it("leaves short clauses together", () => {
    const short = "สวัสดีครับ ยินดีต้อนรับ";
    expect(texts(short, splitAtSpaces(short, 0, short.length))).toEqual([short]);
  });

  it("is how sentenceSpans cuts Thai, and only Thai", () => {
    expect(sentenceSpans(THAI).length).toBeGreaterThanOrEqual(3);
    const english = "One sentence here. Another one there.";
    expect(texts(english, sentenceSpans(english))).toEqual(["One sentence here.", "Another one there."]);
  });
});

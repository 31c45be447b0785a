import { describe, expect, it } from "vitest";
import { LocalHashEmbeddings } from "../../src/embeddings/local.ts";
import { isStopWord, stem, words } from "../../src/text/tokens.ts";
import { language } from "../../src/text/languages.ts";
import { MULTILINGUAL_ARTICLES } from "../fixtures/languages/articles.ts";

/**
 * The embedder as first written, by its definition: string features counted in a Map, hashed
 * one by one. The fast path (feature-counts.ts) must give the same vectors to the last bit, or
 * every stored library would silently drift from its questions.
 */
function plainVector(text: string, lang: string, dimensions: number): Float32Array {
  const script: string = language(lang)?.script ?? "latin";
  const grams: Record<string, [n: number, minLength: number]> = {
    han: [2, 2],
    japanese: [2, 2],
    arabic: [3, 4],
    thai: [3, 3],
  };
  const [n, minLength] = grams[script] ?? [4, 5];
  const fnv = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const features = new Map<string, number>();
  const bump = (k: string, w: number) => features.set(k, (features.get(k) ?? 0) + w);
  let previous: string | null = null;
  for (const w of words(text, lang)) {
    if (isStopWord(w, lang)) continue;
    const s = stem(w, lang);
    bump(`w:${s}`, 1.0);
    if (previous !== null) bump(`p:${previous} ${s}`, 0.6);
    previous = s;
    if (w.length >= minLength)
      for (let i = 0, p = `<${w}>`; i + n <= p.length; i++) bump(`g:${p.slice(i, i + n)}`, 0.25);
  }
  const counts = new Map<number, number>();
  for (const [key, weight] of features) {
    const unit = key[0] === "w" ? 1.0 : key[0] === "p" ? 0.6 : 0.25;
    const h = fnv(key);
    const signed = (h & 0x80000000 ? -1 : 1) * unit * (1 + Math.log(weight / unit));
    const slot = (h & 0x7fffffff) % dimensions;
    counts.set(slot, (counts.get(slot) ?? 0) + signed);
  }
  const v = new Float32Array(dimensions);
  let norm = 0;
  for (const [slot, value] of counts) {
    v[slot] = value;
    norm += value * value;
  }
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! *= 1 / Math.sqrt(norm);
  return v;
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe("LocalHashEmbeddings", () => {
  const e = new LocalHashEmbeddings();

  it("is deterministic, unit length, of the configured size", async () => {
    const [a] = await e.embedDocuments(["The committee met on Saturday in Minsk."]);
    const b = await e.embedQuery("The committee met on Saturday in Minsk.");
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(Math.sqrt(dot(a!, a!))).toBeCloseTo(1, 5);
    expect(await new LocalHashEmbeddings({ dimensions: 64 }).embedQuery("x y z")).toHaveLength(64);
  });

  it("puts texts that share words, or their inflections, closer than unrelated ones", async () => {
    const q = await e.embedQuery("Who attended the meetings of the committee?");
    const near = await e.embedQuery("The committee meeting was attended by three ministers.");
    const far = await e.embedQuery("Rainfall in the valley doubled over the summer.");
    expect(dot(q, near)).toBeGreaterThan(dot(q, far) + 0.2);
  });

  it("gives the plain definition's vectors to the last bit, in every script, words repeated or not", () => {
    const texts = [
      ...MULTILINGUAL_ARTICLES.map((a) => [a.text, a.id] as const),
      ["The committee met; the committee met again, and again the committee met on Monday.", "en"] as const,
      ["Die Regierung tagte am Montag in Berlin, und die Regierung tagte wieder.", "de"] as const,
      ["اجتمع الرئيسان في مينسك يوم الاثنين واستمرت المحادثات ست ساعات", "ar"] as const,
      ["東京で会議が開かれました。会議は六時間続きました。", "ja"] as const,
    ];
    const small = new LocalHashEmbeddings({ dimensions: 64 });
    for (let round = 0; round < 2; round++)
      for (const [text, lang] of texts) {
        expect(Array.from(e.vector(text, lang)), text).toEqual(Array.from(plainVector(text, lang, 256)));
        expect(Array.from(small.vector(text, lang)), text).toEqual(Array.from(plainVector(text, lang, 64)));
      }
  });

  it("embeds an empty text as a zero vector rather than failing", async () => {
    const v = await e.embedQuery("");
    expect(v.every((x) => x === 0)).toBe(true);
  });

  it("embeds at least 2,000 passages a second on one core", () => {
    const passage =
      "Belarusian leader Alexander Lukashenko has visited a jail run by the country's KGB security service to meet his jailed political opponents, ostensibly to discuss plans for constitutional reforms. ".repeat(
        5,
      );
    for (let i = 0; i < 200; i++) e.vector(`${passage} ${i}`); // warm-up
    const n = 3000;
    // CPU time of this thread, not wall time: other test files share the machine's cores.
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) e.vector(`${passage} ${i}`);
    const used = process.cpuUsage(t0);
    const perSecond = n / ((used.user + used.system) / 1e6);
    expect(perSecond).toBeGreaterThan(2000);
  });
});

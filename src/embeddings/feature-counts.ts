/**
 * The built-in embedder's inner loop (local.ts), made cheap without changing one bit of its
 * output: a passage's features (stemmed words, adjacent stem pairs, character n-grams) are
 * counted in the order they first occur, each feature's weight accumulated as the plain
 * version did, and the weights added into the vector's slots in that same order, so every
 * floating-point sum is the same.
 *
 * What makes it cheap: a word's stem, its feature's hash and its n-grams' hashes are worked
 * out once per word and language, not once per occurrence; features are counted by number,
 * not by string; and a pair's hash continues the first stem's FNV state instead of hashing a
 * new string. About a third of the time per passage, which was most of an ingest's time.
 */
import { isStopWord, stem } from "../text/tokens.ts";

/** Feature kinds: a stemmed word, a pair of adjacent stems, a character n-gram. */
export const WORD = 0;
export const PAIR = 1;
export const GRAM = 2;

/** The weight of one occurrence of each kind. */
export const KIND_WEIGHTS = [1.0, 0.6, 0.25] as const;

/** What a word contributes, worked out once per word and language; null for a stop word. */
interface WordEntry {
  /** Its stem's feature ("w:stem"), by number. */
  stemId: number;
  /** FNV-1a state after "p:stem " (the start of every pair this stem begins). */
  pairPrefix: number;
  /** Its stem, to continue a pair that ends with it. */
  stem: string;
  /** Its n-gram features, by number, in order. */
  grams: number[];
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a of `s`, continued from `h`. */
export function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Distinct words remembered per language, and word/n-gram features numbered, before a reset. */
const MAX_WORDS = 200_000;
const MAX_FEATURES = 400_000;
/** Above any feature number before a reset (MAX_FEATURES, and the words of one text past it). */
const PAIR_SPAN = 2 ** 24;

/** One occurrence-ordered count of a text's features. */
export interface FeatureCounts {
  /** Each distinct feature's hash, in the order of first occurrence. */
  hashes: number[];
  /** Its kind (WORD, PAIR, GRAM). */
  kinds: number[];
  /** How many times it occurs. */
  counts: number[];
}

/** Counts texts' features, remembering what each word contributes. */
export class FeatureCounter {
  private words = new Map<string, Map<string, WordEntry | null>>();
  private ids = new Map<string, number>();
  private hashOf: number[] = [];
  /** Position + 1 of a numbered feature in the current text's counts (0: not seen yet). */
  private position = new Int32Array(1024);

  /** The features of `tokens` (a text's words in `lang`), n-grams of `n` for words of `minLength`+. */
  count(tokens: string[], lang: string, n: number, minLength: number): FeatureCounts {
    if (this.hashOf.length > MAX_FEATURES) this.reset();
    const out: FeatureCounts = { hashes: [], kinds: [], counts: [] };
    const touched: number[] = [];
    const pairs = new Map<number, number>();
    const note = (id: number, kind: number) => {
      const at = this.position[id]!;
      if (at > 0) return void out.counts[at - 1]!++;
      out.hashes.push(this.hashOf[id]!);
      out.kinds.push(kind);
      out.counts.push(1);
      this.position[id] = out.hashes.length;
      touched.push(id);
    };
    let previous: WordEntry | null = null;
    for (const w of tokens) {
      const entry = this.entry(w, lang, n, minLength);
      if (entry === null) continue;
      note(entry.stemId, WORD);
      if (previous !== null) this.notePair(out, pairs, previous, entry);
      previous = entry;
      for (const g of entry.grams) note(g, GRAM);
    }
    for (const id of touched) this.position[id] = 0;
    return out;
  }

  private notePair(out: FeatureCounts, pairs: Map<number, number>, a: WordEntry, b: WordEntry): void {
    // Pairs are too many to number for good: they are counted by their two stems, per text.
    const key = a.stemId * PAIR_SPAN + b.stemId;
    const at = pairs.get(key);
    if (at !== undefined) return void out.counts[at]!++;
    pairs.set(key, out.hashes.length);
    out.hashes.push(fnv1a(b.stem, a.pairPrefix));
    out.kinds.push(PAIR);
    out.counts.push(1);
  }

  private entry(w: string, lang: string, n: number, minLength: number): WordEntry | null {
    let cache = this.words.get(lang);
    if (!cache) this.words.set(lang, (cache = new Map<string, WordEntry | null>()));
    let entry = cache.get(w);
    if (entry !== undefined) return entry;
    entry = isStopWord(w, lang) ? null : this.wordEntry(w, lang, n, minLength);
    if (cache.size >= MAX_WORDS) cache.clear();
    cache.set(w, entry);
    return entry;
  }

  private wordEntry(w: string, lang: string, n: number, minLength: number): WordEntry {
    const s = stem(w, lang);
    const grams: number[] = [];
    if (w.length >= minLength) {
      const padded = `<${w}>`;
      for (let i = 0; i + n <= padded.length; i++) grams.push(this.id(`g:${padded.slice(i, i + n)}`));
    }
    return { stemId: this.id(`w:${s}`), pairPrefix: fnv1a(`p:${s} `), stem: s, grams };
  }

  private id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.hashOf.length;
      this.hashOf.push(fnv1a(key));
      this.ids.set(key, id);
      if (id >= this.position.length) {
        const grown = new Int32Array(this.position.length * 2);
        grown.set(this.position);
        this.position = grown;
      }
    }
    return id;
  }

  /** Between texts only: word entries hold feature numbers. */
  private reset(): void {
    this.words.clear();
    this.ids.clear();
    this.hashOf = [];
  }
}

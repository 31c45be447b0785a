/**
 * The built-in embedder: offline, deterministic, no model to download. It hashes a text's
 * features (stemmed content words, adjacent word pairs, and character 4-grams of longer words,
 * which catch inflections and typos that stems miss) into a fixed number of dimensions with
 * signed feature hashing, weights counts sublinearly and L2-normalises, so cosine similarity
 * behaves like a TF-weighted lexical overlap with some fuzziness. It is the "semantic" side of
 * hybrid retrieval on a machine with no model; OpenAI's embeddings replace it when configured.
 *
 * Every text is read in its own language (identified per text): its words, stems and stop
 * words come from the language's rules, and its character n-grams are sized for its script,
 * so that a script with short words (Chinese, Arabic) gets as many fuzzy features a word as
 * a Latin one instead of none.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { words } from "../text/tokens.ts";
import { FeatureCounter, KIND_WEIGHTS } from "./feature-counts.ts";
import { identifyLanguage } from "../text/identify.ts";
import { language, type Script } from "../text/languages.ts";

import { LOCAL_DEFAULT_DIMENSIONS } from "./local-model.ts";

export { LOCAL_DEFAULT_DIMENSIONS };

/** The built-in embedder as a LangChain `Embeddings`: hashed words, word pairs and character n-grams. */
export class LocalHashEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(params: { dimensions?: number } = {}) {
    super({});
    this.dimensions = params.dimensions ?? LOCAL_DEFAULT_DIMENSIONS;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => Array.from(this.vector(d)));
  }

  async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.vector(document));
  }

  private readonly counter = new FeatureCounter();

  /** The vector as a Float32Array, for callers that want to skip the number[] copy. */
  vector(text: string, lang: string = identifyLanguage(text)): Float32Array {
    const { n, minLength } = GRAMS[language(lang)?.script ?? "latin"];
    const { hashes, kinds, counts } = this.counter.count(words(text, lang), lang, n, minLength);
    // Slots summed in the order features first occur, then read in the order slots were first
    // touched: the same floating-point sums as ever, so stored vectors stay valid.
    const sums = new Float64Array(this.dimensions);
    const slots: number[] = [];
    const seen = new Uint8Array(this.dimensions);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      const weight = featureWeight(KIND_WEIGHTS[kinds[i]!]!, counts[i]!);
      const slot = (h & 0x7fffffff) % this.dimensions;
      // Sign from the top bit, slot from the rest: collisions cancel out instead of piling up.
      sums[slot]! += h & 0x80000000 ? -weight : weight;
      if (!seen[slot]) {
        seen[slot] = 1;
        slots.push(slot);
      }
    }
    const v = new Float32Array(this.dimensions);
    let norm = 0;
    for (const slot of slots) {
      const value = sums[slot]!;
      v[slot] = value;
      norm += value * value;
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < v.length; i++) v[i]! *= inv;
    }
    return v;
  }
}

/**
 * A feature's weight: sublinear in its count, `unit` × (1 + ln tf), with tf worked out as the
 * embedder always has (the unit added once per occurrence, then divided), to the last bit.
 */
function featureWeight(unit: number, count: number): number {
  if (count === 1) return unit;
  let total = 0;
  for (let i = 0; i < count; i++) total += unit;
  return unit * (1 + Math.log(total / unit));
}

/**
 * Character n-grams by script: 4-grams of words of 5 letters or more where words are long
 * (English's, unchanged); 3-grams in Arabic script (short words, no written vowels) and Thai;
 * 2-grams in Chinese and Japanese, whose words are one to three characters.
 */
const GRAMS: Record<Script, { n: number; minLength: number }> = {
  latin: { n: 4, minLength: 5 },
  turkish: { n: 4, minLength: 5 },
  cyrillic: { n: 4, minLength: 5 },
  greek: { n: 4, minLength: 5 },
  devanagari: { n: 4, minLength: 5 },
  arabic: { n: 3, minLength: 4 },
  thai: { n: 3, minLength: 3 },
  han: { n: 2, minLength: 2 },
  japanese: { n: 2, minLength: 2 },
};

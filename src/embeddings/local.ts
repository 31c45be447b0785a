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
import { isStopWord, stem, words } from "../text/tokens.ts";
import { identifyLanguage } from "../text/identify.ts";
import { language, type Script } from "../text/languages.ts";

import { LOCAL_DEFAULT_DIMENSIONS } from "./local-model.ts";

export { LOCAL_DEFAULT_DIMENSIONS };

const WEIGHT_WORD = 1.0;
const WEIGHT_PAIR = 0.6;
const WEIGHT_GRAM = 0.25;

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

  /** The vector as a Float32Array, for callers that want to skip the number[] copy. */
  vector(text: string, lang: string = identifyLanguage(text)): Float32Array {
    const counts = new Map<number, number>();
    const add = (key: string, weight: number) => {
      const h = fnv1a(key);
      // Sign from the top bit, slot from the rest: collisions cancel out instead of piling up.
      const signed = h & 0x80000000 ? -weight : weight;
      const slot = (h & 0x7fffffff) % this.dimensions;
      counts.set(slot, (counts.get(slot) ?? 0) + signed);
    };
    // Word features: count first, so repeated words get a log weight, not a linear one.
    const features = new Map<string, number>();
    const bump = (key: string, w: number) => features.set(key, (features.get(key) ?? 0) + w);
    let previous: string | null = null;
    const { n, minLength } = GRAMS[language(lang)?.script ?? "latin"];
    for (const w of words(text, lang)) {
      if (isStopWord(w, lang)) continue;
      const s = stem(w, lang);
      bump(`w:${s}`, WEIGHT_WORD);
      if (previous !== null) bump(`p:${previous} ${s}`, WEIGHT_PAIR);
      previous = s;
      if (w.length >= minLength) {
        const padded = `<${w}>`;
        for (let i = 0; i + n <= padded.length; i++) bump(`g:${padded.slice(i, i + n)}`, WEIGHT_GRAM);
      }
    }
    for (const [key, weight] of features) {
      const unit =
        key.charCodeAt(0) === 119 /* w */
          ? WEIGHT_WORD
          : key.charCodeAt(0) === 112 /* p */
            ? WEIGHT_PAIR
            : WEIGHT_GRAM;
      const tf = weight / unit;
      add(key, unit * (1 + Math.log(tf)));
    }
    const v = new Float32Array(this.dimensions);
    let norm = 0;
    for (const [slot, value] of counts) {
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

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

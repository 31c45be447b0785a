/**
 * A question, analysed once for every lexical step: its content words (for FTS5, which stems
 * them itself), their stems, and each stem's inverse document frequency in the library.
 */
import { isStopWord, stem, words } from "../text/tokens.ts";

/** Where a question's IDFs come from: the library's passage count and its terms' frequencies. */
export interface TermStatsSource {
  termStats(stems: string[]): Promise<{ passages: number; df: Map<string, number> }>;
}

export interface QueryTerms {
  /** Content words as typed (lower-cased), deduplicated. */
  words: string[];
  /** Stems, parallel to `words`. */
  stems: string[];
  /** Inverse document frequency of each stem (BM25's form, always > 0). */
  idf: Map<string, number>;
  /** Adjacent content-stem pairs of the question, "a b". */
  pairs: Set<string>;
  totalIdf: number;
  /** Passages in the library the IDFs were taken from. */
  passages: number;
}

/** Phrases that only say "an event": "When did the meeting take place?" asks about the meeting. */
const EVENT_FILLER =
  /\b(?:take|takes|took|taken|taking) place\b|\b(?:happen|happens|happened|occur|occurs|occurred)\b/gi;

export async function analyseQuery(question: string, library: TermStatsSource): Promise<QueryTerms> {
  const stripped = question.replace(EVENT_FILLER, " ");
  const all = words(stripped);
  let content = all.filter((w) => !isStopWord(w));
  // A question made only of stop words ("who is it?") still needs something to match.
  if (content.length === 0) content = all;
  const seen = new Set<string>();
  const outWords: string[] = [];
  const outStems: string[] = [];
  for (const w of content) {
    const s = stem(w);
    if (seen.has(s)) continue;
    seen.add(s);
    outWords.push(w);
    outStems.push(s);
  }
  const stats = await library.termStats(outStems);
  const n = Math.max(1, stats.passages);
  const idf = new Map<string, number>();
  let totalIdf = 0;
  for (const s of outStems) {
    const df = stats.df.get(s) ?? 0;
    const value = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    idf.set(s, value);
    totalIdf += value;
  }
  const pairs = new Set<string>();
  const stems = content.map(stem);
  for (let i = 1; i < stems.length; i++) pairs.add(`${stems[i - 1]} ${stems[i]}`);
  return { words: outWords, stems: outStems, idf, pairs, totalIdf, passages: n };
}

/** BM25's IDF of a word found in about 5% of the passages. */
export const COMMON_WORD_IDF = 3.0;
const LARGE_LIBRARY = 50_000;
/** Beyond this many passages a word's posting list costs more than it adds, however large the library. */
const MAX_BM25_DF = 5_000;
/**
 * In a large library, BM25 looks up at most this many of the question's rarest words. At
 * 100,000 passages 3 instead of 4 cut query p95 by about 1.5 ms with the same hit@5
 * (docs/performance.md); the rest of the words still count in the sentence rerank.
 */
const MAX_LARGE_WORDS = 3;

/** The words the lexical side matches (any of them); each backend tokenises them as it indexed. */
export function lexicalWords(q: QueryTerms): string[] {
  // In a large library, words in a large share of the passages cost the most to rank (long
  // posting lists) and add the least: leave them to the sentence-level rerank when rarer
  // words are there. In a small one they are cheap, and they help.
  const capIdf = Math.log(1 + (q.passages - MAX_BM25_DF + 0.5) / (MAX_BM25_DF + 0.5));
  const minIdf = q.passages >= LARGE_LIBRARY ? Math.max(COMMON_WORD_IDF, capIdf) : 0;
  let rare = q.words.filter((_, i) => (q.idf.get(q.stems[i]!) ?? 0) >= minIdf);
  if (q.passages >= LARGE_LIBRARY && rare.length > MAX_LARGE_WORDS) {
    // The rarest few carry the ranking; each more word is one more posting list to score.
    const idfOf = (w: string) => q.idf.get(q.stems[q.words.indexOf(w)]!) ?? 0;
    rare = [...rare].sort((a, b) => idfOf(b) - idfOf(a)).slice(0, MAX_LARGE_WORDS);
  }
  const chosen = rare.length > 0 ? rare : q.words;
  // FTS5 splits "emma's" into "emma" + "s": hand it the same pieces, or "emma's" would be a
  // two-word phrase that "Emma," never matches.
  return [...new Set(chosen.flatMap((w) => w.split(/['’]/)).filter((w) => w.length > 1 || /\d/.test(w)))];
}

/**
 * How well each sentence of a passage matches a question: the share of the question's
 * IDF weight that the sentence contains, plus a bonus for word pairs that appear in the same
 * order. Questions are usually paraphrases of one sentence, so the best sentence says more
 * about a passage than the passage's bag of words; the extractive answerer reuses the same
 * scores to pick what to quote.
 */
import { isStopWord, stem, stemKeepsInitial, words } from "../text/tokens.ts";
import { sentenceSpans } from "../text/sentences.ts";
import type { Span } from "../text/span.ts";
import type { QueryTerms } from "./query.ts";
import { writesOtherwise } from "./acronym-match.ts";

export interface SentenceScore extends Span {
  /** Share of the question's IDF mass found in the sentence, 0..1. */
  coverage: number;
  /** Question word pairs found adjacent in the sentence. */
  pairs: number;
  score: number;
  /** The question's stems found in the sentence. */
  matched: string[];
}

export const PAIR_BONUS = 0.08;
/** A question word found only as a synonym counts for this share of its weight: below an exact match. */
export const SYNONYM_WEIGHT = 0.6;
/**
 * A question word found only in another form that the stemmer did not reduce to the same stem
 * ("klassifiziert" / "klassifizi", "südamerika" / "südamerikas", "организация" /
 * "организационн") counts for this share of its weight: below a synonym, since a shared
 * beginning can also be a different word.
 */
export const PARTIAL_WEIGHT = 0.5;
/** Two stems are forms of one word when they share at least this many leading letters ... */
const PARTIAL_MIN = 5;
/** ... and this share of the shorter one. */
const PARTIAL_SHARE = 0.75;

/** `spans`, when given, are the text's sentences in the same offsets as `offset` (stored at ingest). */
export function scoreSentences(text: string, q: QueryTerms, offset = 0, spans?: Span[]): SentenceScore[] {
  // A stem keeps its word's first letter, so a word whose first letter starts none of the
  // question's stems cannot match: it keeps its place (for pairs) without being stemmed.
  const firsts = new Set<number>();
  for (const s of q.stems) firsts.add(s.charCodeAt(0));
  for (const a of q.alternatives) for (const o of a.options) for (const s of o) firsts.add(s.charCodeAt(0));
  const lang = q.lang ?? "en";
  const guard = stemKeepsInitial(lang);
  const local = spans
    ? spans.map((s) => ({ start: s.start - offset, end: s.end - offset }))
    : sentenceSpans(text);
  return local.map((span) => {
    const sentence = text.slice(span.start, span.end);
    const stems: string[] = [];
    for (const w of words(sentence, lang))
      if (!isStopWord(w, lang)) stems.push(!guard || firsts.has(w.charCodeAt(0)) ? stem(w, lang) : "");
    const present = new Set(stems);
    let matchedIdf = 0;
    const matched: string[] = [];
    for (const [s, idf] of q.idf)
      if (present.has(s)) {
        matchedIdf += idf;
        matched.push(s);
      }
    // The question's words said otherwise: part of their weight, each stem once.
    for (const a of q.alternatives) {
      if (a.covers.every((s) => present.has(s))) continue;
      if (!a.options.some((o) => o.every((s) => present.has(s)))) continue;
      for (const s of a.covers)
        if (!matched.includes(s)) {
          matchedIdf += (a.weight ?? SYNONYM_WEIGHT) * (q.idf.get(s) ?? 0);
          matched.push(s);
        }
    }
    // "ICC" asked, "International Criminal Court" written (or the other way): the same name, in full.
    for (const name of q.spelled ?? []) {
      if (name.stems.every((s) => matched.includes(s)) || !writesOtherwise(sentence, name)) continue;
      for (const s of name.stems)
        if (!matched.includes(s)) {
          matchedIdf += q.idf.get(s) ?? 0;
          matched.push(s);
        }
    }
    if (q.totalIdf > 0) matchedIdf += partialMatches(q, present, matched);
    let pairs = 0;
    if (q.pairs.size)
      for (let i = 1; i < stems.length; i++) if (q.pairs.has(`${stems[i - 1]} ${stems[i]}`)) pairs++;
    const coverage = q.totalIdf > 0 ? matchedIdf / q.totalIdf : 0;
    return {
      start: span.start + offset,
      end: span.end + offset,
      coverage,
      pairs,
      score: coverage + PAIR_BONUS * Math.min(pairs, 3),
      matched,
    };
  });
}

/** Share of the question's IDF weight found anywhere in a group of sentences. */
export function unionCoverage(sentences: SentenceScore[], q: QueryTerms): number {
  if (q.totalIdf <= 0) return 0;
  const seen = new Set<string>();
  for (const s of sentences) for (const m of s.matched) seen.add(m);
  let sum = 0;
  for (const m of seen) sum += q.idf.get(m) ?? 0;
  return sum / q.totalIdf;
}

/**
 * The weight of the question's stems that the sentence holds only in another form (see
 * PARTIAL_WEIGHT); each is added to `matched`. Exact matches and synonyms come first.
 */
function partialMatches(q: QueryTerms, present: Set<string>, matched: string[]): number {
  let sum = 0;
  for (const [s, idf] of q.idf) {
    if (s.length < PARTIAL_MIN || present.has(s) || matched.includes(s)) continue;
    for (const t of present) {
      if (t.length < PARTIAL_MIN || t.charCodeAt(0) !== s.charCodeAt(0)) continue;
      const shorter = Math.min(s.length, t.length);
      let k = 1;
      while (k < shorter && s.charCodeAt(k) === t.charCodeAt(k)) k++;
      if (k >= PARTIAL_MIN && k >= PARTIAL_SHARE * shorter) {
        sum += PARTIAL_WEIGHT * idf;
        matched.push(s);
        break;
      }
    }
  }
  return sum;
}

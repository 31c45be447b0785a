/**
 * The answerer that needs no model: it quotes the sentences of the retrieved passages that
 * best answer the question, each with its [n] marker, and says it found nothing when no
 * sentence covers enough of the question. Scores come from retrieval's sentence matching
 * (share of the question's IDF weight in the sentence), plus an answer-type cue.
 */
import type { AnswerResult, Citation, RetrievedPassage } from "../types.ts";
import type { Answerer } from "./types.ts";
import type { SentenceScore } from "../retrieve/sentence-match.ts";
import { answerType, holdsAnswerType, type AnswerType } from "./answer-type.ts";

export const NOT_FOUND_ANSWER = "I couldn't find that in your articles.";

export interface ExtractiveOptions {
  /** Below this share of the question's weight in the best sentence, it abstains. */
  minCoverage: number;
  /** How many of the top passages it reads. */
  passages: number;
  /** At most this many sentences in the answer. */
  maxSentences: number;
  /** Longest quote shown per citation. */
  maxQuoteChars: number;
  typeBonus: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { minCoverage: 0.3, passages: 5, maxSentences: 3, maxQuoteChars: 700, typeBonus: 0.15 };

type WithSentences = RetrievedPassage & { sentences?: SentenceScore[] };

interface Candidate {
  passage: WithSentences;
  rank: number;
  sentence: SentenceScore;
  value: number;
  relevance: number;
  typed: boolean;
}

export function createExtractiveAnswerer(options: Partial<ExtractiveOptions> = {}): Answerer {
  const opts = { ...DEFAULT_EXTRACTIVE, ...options };
  return {
    name: "extractive",
    async answer(question, passages) {
      return extractAnswer(question, passages as WithSentences[], opts);
    },
  };
}

export function extractAnswer(question: string, passages: WithSentences[], opts: ExtractiveOptions = DEFAULT_EXTRACTIVE): AnswerResult {
  const type = answerType(question);
  const candidates = rankSentences(question, type, passages.slice(0, opts.passages), opts);
  const best = candidates[0];
  if (!best || best.relevance < opts.minCoverage) return { answer: NOT_FOUND_ANSWER, abstained: true, citations: [] };

  // A "who"/"when"/"how many" answer often spans sentences (a list of people, say): take
  // the next ones of the right type more readily than for a plain question.
  const keep = type === "other" ? 0.85 : 0.5;
  const chosen: Candidate[] = [best];
  for (const c of candidates.slice(1)) {
    if (chosen.length >= opts.maxSentences) break;
    if (c.value < best.value * keep || c.relevance < opts.minCoverage) break;
    if (type !== "other" && !c.typed) continue;
    chosen.push(c);
  }
  // Read in article order within a passage, passages in rank order.
  chosen.sort((a, b) => a.rank - b.rank || a.sentence.start - b.sentence.start);

  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    let cite = citations.find((x) => x.passageId === c.passage.id);
    if (!cite) {
      cite = { n: citations.length + 1, ...quoteAround(c.passage, c.sentence, opts.maxQuoteChars) };
      citations.push(cite);
    } else {
      // Two sentences of one passage: widen the quote to hold both when it can.
      const widened = quoteAround(c.passage, { start: Math.min(cite.start, c.sentence.start), end: Math.max(cite.end, c.sentence.end) }, opts.maxQuoteChars);
      if (widened.end - widened.start <= opts.maxQuoteChars) Object.assign(cite, widened);
    }
    parts.push(`${sentenceText(c.passage, c.sentence)} [${cite.n}]`);
  }
  return { answer: parts.join(" "), abstained: false, citations };
}

function sentenceText(p: WithSentences, s: { start: number; end: number }): string {
  return p.text.slice(s.start - p.start, s.end - p.start);
}

/**
 * Every sentence of the passages, scored. A sentence's relevance is its own match with the
 * question or, a little decayed, that of the sentences just before it in the same article:
 * "the meeting" named in one sentence is often described in the next few. For a typed
 * question, a sentence without a thing of that type cannot be the answer while one with it is
 * relevant enough.
 */
function rankSentences(question: string, type: AnswerType, passages: WithSentences[], opts: ExtractiveOptions): Candidate[] {
  const rankOf = new Map(passages.map((p, i) => [p.id, i]));
  const inOrder = [...passages].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index));
  const candidates: Candidate[] = [];
  let carried = 0;
  let previous: WithSentences | undefined;
  for (const passage of inOrder) {
    const contiguous = previous !== undefined && previous.articleId === passage.articleId && previous.index + 1 === passage.index;
    if (!contiguous) carried = 0;
    previous = passage;
    const rank = rankOf.get(passage.id)!;
    for (const sentence of passage.sentences ?? []) {
      const relevance = Math.max(sentence.coverage, carried);
      carried = Math.max(carried, sentence.coverage) * CONTEXT_DECAY;
      const typed = type !== "other" && holdsAnswerType(type, sentenceText(passage, sentence), question, passage.title);
      // Earlier passages won retrieval on more evidence than one sentence shows: a small edge.
      const value = relevance + PAIR_WEIGHT * Math.min(sentence.pairs, 3) + (typed ? opts.typeBonus : 0) - 0.04 * rank;
      candidates.push({ passage, rank, sentence, value, relevance, typed });
    }
  }
  candidates.sort((a, b) => b.value - a.value);
  if (type !== "other") {
    const typed = candidates.filter((c) => c.typed && c.relevance >= opts.minCoverage);
    if (typed.length) return [...typed, ...candidates.filter((c) => !c.typed)];
  }
  return candidates;
}

const CONTEXT_DECAY = 0.85;
const PAIR_WEIGHT = 0.08;

/** A quote: the passage when short, else the sentence with its neighbours up to `max` chars. */
function quoteAround(p: WithSentences, span: { start: number; end: number }, max: number): Omit<Citation, "n"> {
  let start = span.start;
  let end = span.end;
  if (p.end - p.start <= max) {
    start = p.start;
    end = p.end;
  } else {
    const sentences = p.sentences ?? [];
    let i = sentences.findIndex((s) => s.end > start) ;
    let j = sentences.findIndex((s) => s.end >= end);
    if (i < 0) i = 0;
    if (j < 0) j = sentences.length - 1;
    // Grow one sentence at a time, after first (the answer often follows its subject), then before.
    for (let grew = true; grew; ) {
      grew = false;
      const next = sentences[j + 1];
      if (next && next.end - start <= max) { j++; end = next.end; grew = true; }
      const prev = sentences[i - 1];
      if (prev && end - prev.start <= max) { i--; start = prev.start; grew = true; }
    }
  }
  return { articleId: p.articleId, title: p.title, url: p.url, quote: p.text.slice(start - p.start, end - p.start), start, end, passageId: p.id };
}

/**
 * The answerer that needs no model: it quotes the sentences of the retrieved passages that
 * best answer the question, each with its [n] marker, and says it found nothing when no
 * sentence covers enough of the question. Scores come from retrieval's sentence matching
 * (share of the question's IDF weight in the sentence), plus an answer-type cue.
 */
import type { AnswerResult, Citation, RetrievedPassage } from "../types.ts";
import type { Answerer } from "./types.ts";
import type { SentenceScore } from "../retrieve/sentence-match.ts";
import { terms } from "../text/tokens.ts";
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

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  minCoverage: 0.3,
  passages: 5,
  maxSentences: 3,
  maxQuoteChars: 700,
  typeBonus: 0.15,
};

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
      return extractAnswer(question, passages, opts);
    },
  };
}

export function extractAnswer(
  question: string,
  passages: WithSentences[],
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): AnswerResult {
  const type = answerType(question);
  const candidates = rankSentences(question, type, passages.slice(0, opts.passages), opts);
  const best = candidates[0];
  if (!best || best.relevance < opts.minCoverage)
    return { answer: NOT_FOUND_ANSWER, abstained: true, citations: [] };

  // A "who"/"when"/"how many" answer often spans sentences (a list of people, say): take
  // the next ones of the right type more readily than for a plain question.
  const keep = type === "other" ? 0.85 : 0.5;
  const chosen: Candidate[] = [best];
  for (const c of candidates.slice(1)) {
    if (chosen.length >= opts.maxSentences) break;
    if (c.value < best.value * keep || c.relevance < opts.minCoverage) break;
    if (type !== "other" && !c.typed) continue;
    // Overlapping passages can hold the same sentence twice.
    if (chosen.some((x) => sameSentence(x, c))) continue;
    chosen.push(c);
  }
  addContinuations(chosen, candidates, type, opts.maxSentences);
  return { ...cite(readingOrder(chosen), opts), abstained: false };
}

/**
 * Passages in rank order, sentences of a passage in article order, and a sentence that carries
 * a list on ("Others in the picture include ...") right after the one it continues.
 */
function readingOrder(chosen: Candidate[]): Candidate[] {
  const sorted = [...chosen].sort((a, b) => a.rank - b.rank || a.sentence.start - b.sentence.start);
  const out: Candidate[] = [];
  const glued = new Set<Candidate>();
  for (const c of sorted) {
    if (glued.has(c)) continue;
    out.push(c);
    for (let lead = c; ;) {
      const next = sorted.find(
        (x) =>
          !glued.has(x) &&
          x !== lead &&
          follows(lead, x) &&
          CONTINUES.test(sentenceText(x.passage, x.sentence)),
      );
      if (!next) break;
      glued.add(next);
      if (out.includes(next)) out.splice(out.indexOf(next), 1);
      out.push(next);
      lead = next;
    }
  }
  return out;
}

function sameSentence(a: Candidate, b: Candidate): boolean {
  return a.passage.articleId === b.passage.articleId && a.sentence.start === b.sentence.start;
}

/** Whether `b` is the sentence right after `a` in the same article. */
function follows(a: Candidate, b: Candidate): boolean {
  return (
    a.passage.articleId === b.passage.articleId &&
    b.sentence.start > a.sentence.end &&
    b.sentence.start - a.sentence.end <= 3
  );
}

function cite(chosen: Candidate[], opts: ExtractiveOptions): Pick<AnswerResult, "answer" | "citations"> {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    let cite = citations.find((x) => x.passageId === c.passage.id);
    if (!cite) {
      cite = { n: citations.length + 1, ...quoteAround(c.passage, c.sentence, opts.maxQuoteChars) };
      citations.push(cite);
    } else {
      // Two sentences of one passage: widen the quote to hold both when it can.
      const widened = quoteAround(
        c.passage,
        { start: Math.min(cite.start, c.sentence.start), end: Math.max(cite.end, c.sentence.end) },
        opts.maxQuoteChars,
      );
      if (widened.end - widened.start <= opts.maxQuoteChars) Object.assign(cite, widened);
    }
    parts.push(`${sentenceText(c.passage, c.sentence)} [${cite.n}]`);
  }
  return { answer: parts.join(" "), citations };
}

function sentenceText(p: WithSentences, s: { start: number; end: number }): string {
  return p.text.slice(s.start - p.start, s.end - p.start);
}

/**
 * Every sentence of the passages, scored. A sentence's relevance is its own match with the
 * question or, for a plain question, a little decayed, that of the sentences just before it in
 * the same article. For a typed question ("who", "when", ...), a sentence without a thing of
 * that type cannot be the answer, and relevance also reaches sentences linked to the best
 * matches by their other words (expandByFocus): the people at "the meeting" are often named
 * in a sentence that describes it without the word.
 */
function rankSentences(
  question: string,
  type: AnswerType,
  passages: WithSentences[],
  opts: ExtractiveOptions,
): Candidate[] {
  const rankOf = new Map(passages.map((p, i) => [p.id, i]));
  const inOrder = [...passages].sort((a, b) =>
    a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index,
  );
  const candidates: Candidate[] = [];
  // Typed questions reach context through expandByFocus instead.
  const decay = type === "other" ? CONTEXT_DECAY : 0;
  let carried = 0;
  let previous: WithSentences | undefined;
  for (const passage of inOrder) {
    const contiguous =
      previous !== undefined &&
      previous.articleId === passage.articleId &&
      previous.index + 1 === passage.index;
    if (!contiguous) carried = 0;
    previous = passage;
    const rank = rankOf.get(passage.id)!;
    for (const sentence of passage.sentences ?? []) {
      const relevance = Math.max(sentence.coverage, carried);
      carried = Math.max(carried, sentence.coverage) * decay;
      const typed =
        type !== "other" && holdsAnswerType(type, sentenceText(passage, sentence), question, passage.title);
      // Earlier passages won retrieval on more evidence than one sentence shows: a small edge.
      const value =
        relevance + PAIR_WEIGHT * Math.min(sentence.pairs, 3) + (typed ? opts.typeBonus : 0) - 0.04 * rank;
      candidates.push({ passage, rank, sentence, value, relevance, typed });
    }
  }
  if (type !== "other") expandByFocus(candidates, opts);
  candidates.sort((a, b) => b.value - a.value);
  if (type !== "other") {
    // Typed sentences that match the question itself come first; sentences linked to it only
    // through its context compete with the rest.
    const first = (c: Candidate) => c.typed && c.sentence.coverage >= opts.minCoverage;
    const typed = candidates.filter(first);
    if (typed.length) return [...typed, ...candidates.filter((c) => !first(c))];
  }
  return candidates;
}

/** A linked sentence scores at most this share of the best direct match. */
const LINK_WEIGHT = 0.7;
/** A sentence holding this share of the focus's other words (by weight) is fully linked. */
const FULL_LINK_SHARE = 0.15;
/** Sentences matching at least this share of the best match's coverage are the focus. */
const FOCUS_SHARE = 0.6;

/**
 * Local context analysis, per sentence: the sentences that match the question best ("the
 * meeting") are its focus; the other words they share ("sit down with opponents he has
 * jailed") describe the same event, so a sentence rich in those words ("sitting at an oval
 * table with prisoners including ...") is about it too, though it never repeats the question's
 * words.
 */
function expandByFocus(candidates: Candidate[], opts: ExtractiveOptions): void {
  if (candidates.length < 3) return;
  const bags = candidates.map((c) => new Set(terms(sentenceText(c.passage, c.sentence))));
  const best = Math.max(...candidates.map((c) => c.sentence.coverage));
  if (best < opts.minCoverage) return;
  const focus = candidates.map((c) => c.sentence.coverage >= Math.max(opts.minCoverage, FOCUS_SHARE * best));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length;
  const nFocus = focus.filter(Boolean).length;
  const weight = new Map<string, number>();
  focus.forEach((f, i) => {
    if (!f) return;
    for (const t of bags[i]!) {
      if (candidates[i]!.sentence.matched.includes(t)) continue;
      const d = df.get(t)!;
      if (d <= 1) continue; // only in this focus sentence: links to nothing
      weight.set(t, (weight.get(t) ?? 0) + Math.log(n / d) / nFocus);
    }
  });
  const scores = bags.map((bag, i) => {
    if (focus[i]) return 0;
    let x = 0;
    for (const t of bag) x += weight.get(t) ?? 0;
    return x / Math.sqrt(bag.size || 1);
  });
  // Scaled to the best-linked sentence that could hold the answer, not to a short heading
  // made of the same words.
  const top = Math.max(...scores.filter((_, i) => candidates[i]!.typed));
  if (top <= 0) return;
  let totalWeight = 0;
  for (const w of weight.values()) totalWeight += w;
  candidates.forEach((c, i) => {
    // A sentence that shares one word of a long description is linked only weakly.
    let share = 0;
    for (const t of bags[i]!) share += weight.get(t) ?? 0;
    const strength = Math.min(1, share / totalWeight / FULL_LINK_SHARE);
    const linked = LINK_WEIGHT * best * (scores[i]! / top) * strength;
    if (linked > c.relevance) {
      c.value += linked - c.relevance;
      c.relevance = linked;
    }
  });
}

/** Openings that carry a list on from the sentence before: "Others in the picture include ...". */
const CONTINUES =
  /^(?:others?|also|another|among (?:them|others)|alongside|joining|together with|they were joined|as well as|in addition)\b/i;

/**
 * A typed answer's list often runs on into the next sentence ("... with prisoners including
 * Viktor Babaryko. Others in the picture include Liliya Vlasova and Vitali Shkliarov."). Such a
 * sentence is the same answer, so it joins a chosen one, taking the place of the weakest pick.
 */
function addContinuations(chosen: Candidate[], candidates: Candidate[], type: AnswerType, max: number): void {
  if (type === "other") return;
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i]!;
    const next = candidates.find((x) => follows(c, x));
    if (!next || !next.typed || chosen.some((x) => sameSentence(x, next))) continue;
    if (!CONTINUES.test(sentenceText(next.passage, next.sentence))) continue;
    if (chosen.length >= max) {
      // Give up the weakest pick that is not the best one nor this sentence's lead.
      const weakest = chosen.findLastIndex((x, j) => j > 0 && j !== i);
      if (weakest < 0) continue;
      chosen.splice(weakest, 1);
      if (weakest < i) i--;
    }
    chosen.splice(i + 1, 0, next);
  }
}

const CONTEXT_DECAY = 0.85;
const PAIR_WEIGHT = 0.08;

/** A quote: the passage when short, else the sentence with its neighbours up to `max` chars. */
function quoteAround(
  p: WithSentences,
  span: { start: number; end: number },
  max: number,
): Omit<Citation, "n"> {
  let start = span.start;
  let end = span.end;
  if (p.end - p.start <= max) {
    start = p.start;
    end = p.end;
  } else {
    const sentences = p.sentences ?? [];
    let i = sentences.findIndex((s) => s.end > start);
    let j = sentences.findIndex((s) => s.end >= end);
    if (i < 0) i = 0;
    if (j < 0) j = sentences.length - 1;
    // Grow one sentence at a time, after first (the answer often follows its subject), then before.
    for (let grew = true; grew;) {
      grew = false;
      const next = sentences[j + 1];
      if (next && next.end - start <= max) {
        j++;
        end = next.end;
        grew = true;
      }
      const prev = sentences[i - 1];
      if (prev && end - prev.start <= max) {
        i--;
        start = prev.start;
        grew = true;
      }
    }
  }
  return {
    articleId: p.articleId,
    title: p.title,
    url: p.url,
    quote: p.text.slice(start - p.start, end - p.start),
    start,
    end,
    passageId: p.id,
  };
}

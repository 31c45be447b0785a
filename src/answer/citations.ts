/**
 * Turns a model's answer with [n] markers into an answer whose every marker points at a
 * passage we really gave it, numbered 1, 2, 3… in order of first appearance.
 */
import type { Citation, RetrievedPassage } from "../types.ts";
import { sentenceSpans } from "../text/sentences.ts";
import type { Span } from "../text/span.ts";
import { terms } from "../text/tokens.ts";

/**
 * A marker: [1], [1, 3], [1-3], [^2], [passage 2], 【1】, with any horizontal whitespace before
 * it captured so that a dropped marker takes its leading space with it.
 */
const MARKER =
  /([ \t]*)[[【]\s*((?:\^|(?:passages?|sources?|refs?)\s*)?\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:[,;]|and|&)\s*(?:(?:passages?|sources?|refs?)\s*)?\d+(?:\s*[-–]\s*\d+)?)*)\s*[\]】]/gi;

/** Stands in for a dropped marker until the text is tidied. */
const DROPPED = "\u0000";

/** Ranges longer than this are treated as garbage rather than expanded. */
const MAX_RANGE = 20;

function markerNumbers(inner: string): number[] {
  const out: number[] = [];
  for (const item of inner.split(/[,;&]|\band\b/i)) {
    const m = /(\d+)(?:\s*[-–]\s*(\d+))?/.exec(item);
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to >= from && to - from <= MAX_RANGE) for (let n = from; n <= to; n++) out.push(n);
    else out.push(from);
  }
  return out;
}

/**
 * The answer with each valid marker renumbered in order of first appearance (an invalid one
 * dropped), and a citation per passage cited, quoting the whole passage.
 */
export function buildCitations(
  answerText: string,
  passages: RetrievedPassage[],
): { answer: string; citations: Citation[] } {
  /** Given passage number (1-based) → new number. */
  const renumber = new Map<number, number>();
  const citations: Citation[] = [];

  const replaced = answerText.replace(MARKER, (_match, lead: string, inner: string) => {
    const valid = markerNumbers(inner).filter((n) => Number.isInteger(n) && n >= 1 && n <= passages.length);
    if (valid.length === 0) return DROPPED;
    const numbers = new Set<number>();
    for (const n of valid) {
      let m = renumber.get(n);
      if (m === undefined) {
        const p = passages[n - 1]!;
        m = citations.length + 1;
        renumber.set(n, m);
        citations.push({
          n: m,
          articleId: p.articleId,
          title: p.title,
          url: p.url,
          // The whole passage, an exact substring of the article (narrowQuotes narrows it).
          quote: p.text,
          start: p.start,
          end: p.end,
          passageId: p.id,
        });
      }
      numbers.add(m);
    }
    return `${lead}[${[...numbers].sort((a, b) => a - b).join(", ")}]`;
  });

  // A dropped marker took its leading space with it; tidy only around where it was, so the
  // model's own spacing (French "Oui !") is left alone.
  const answer = replaced
    .replace(/(^|\n)[ \t]*\u0000+[ \t]*/g, "$1")
    .replace(/[ \t]*\(\s*\u0000+\s*\)/g, "")
    .replace(/\u0000+/g, "")
    .trim();
  return { answer, citations };
}

/**
 * Each citation's quote narrowed from the whole passage to the sentence that shares the most
 * words with the claims citing it, with one sentence either side: the reader sees what the
 * claim rests on, not the passage around it.
 */
export function narrowQuotes(
  answer: string,
  citations: Citation[],
  passages: RetrievedPassage[],
): Citation[] {
  const claims = answer.split(/(?<=\])\s+/);
  return citations.map((c) => {
    const p = passages.find((x) => x.id === c.passageId);
    if (!p) return c;
    const words = new Set(
      claims
        .filter((claim) => new RegExp(`\\[(?:\\d+,\\s*)*${c.n}(?:,\\s*\\d+)*\\]`).test(claim))
        .flatMap((x) => terms(x)),
    );
    const spans: Span[] =
      (p as RetrievedPassage & { sentences?: Span[] }).sentences ?? sentenceSpans(p.text, p.start);
    let best = -1;
    let bestShared = 0;
    spans.forEach((s, i) => {
      const shared = new Set(
        terms(p.text.slice(s.start - p.start, s.end - p.start)).filter((t) => words.has(t)),
      ).size;
      if (shared > bestShared) {
        best = i;
        bestShared = shared;
      }
    });
    if (best < 0) return c;
    const start = spans[Math.max(0, best - 1)]!.start;
    const end = spans[Math.min(spans.length - 1, best + 1)]!.end;
    return { ...c, quote: p.text.slice(start - p.start, end - p.start), start, end };
  });
}

/**
 * Cuts an article into passages that keep sentence boundaries, each with its exact character
 * offsets, so `text.slice(start, end)` is the passage and every quote is a substring of the
 * article. Paragraphs are packed together up to `targetChars`; a paragraph longer than
 * `maxChars` is cut between sentences, with one sentence of overlap so that a fact near a
 * cut keeps its context; a sentence longer than `maxChars` is cut between words.
 */
import type { Chunk } from "../types.ts";
import { paragraphSpans, sentenceSpans } from "../text/sentences.ts";
import type { Span } from "../text/span.ts";

export interface ChunkOptions {
  /** Hard limit on a passage's length. */
  maxChars?: number;
  /** Paragraphs are packed into one passage while it stays under this length. */
  targetChars?: number;
  /** A passage shorter than this (a heading, a one-line paragraph) is joined to the next. */
  minChars?: number;
  /** Longest sentence carried over into the next passage of a long paragraph. */
  overlapChars?: number;
}

export const DEFAULT_CHUNKING: Required<ChunkOptions> = {
  maxChars: 1000,
  targetChars: 700,
  minChars: 200,
  overlapChars: 250,
};

export function chunkText(text: string, options: ChunkOptions = {}): Chunk[] {
  const opts = { ...DEFAULT_CHUNKING, ...options };
  // First cut every paragraph into pieces no longer than maxChars, then pack the pieces.
  const pieces: Array<Span & { cut: boolean }> = [];
  for (const para of paragraphSpans(text)) {
    if (para.end - para.start <= opts.maxChars) pieces.push({ ...para, cut: false });
    else for (const span of splitLongParagraph(text, para, opts)) pieces.push({ ...span, cut: true });
  }

  const spans: Span[] = [];
  let current: Span | null = null;
  let currentCut = false;
  for (const piece of pieces) {
    if (current) {
      const merged = piece.end - current.start;
      const small = current.end - current.start < opts.minChars;
      // Pieces of one long paragraph stay apart: they were sized to the limit already.
      const fits =
        merged <= opts.maxChars && !(currentCut && piece.cut) && (merged <= opts.targetChars || small);
      if (fits) {
        current = { start: current.start, end: piece.end };
        currentCut = piece.cut;
        continue;
      }
      spans.push(current);
    }
    current = { start: piece.start, end: piece.end };
    currentCut = piece.cut;
  }
  if (current) spans.push(current);

  return spans.map((s, index) => ({ index, start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
}

function splitLongParagraph(text: string, para: Span, opts: Required<ChunkOptions>): Span[] {
  const sentences: Span[] = [];
  for (const s of sentenceSpans(text.slice(para.start, para.end), para.start)) {
    if (s.end - s.start <= opts.maxChars) sentences.push(s);
    else sentences.push(...splitAtWords(text, s, opts.maxChars));
  }
  const out: Span[] = [];
  let i = 0;
  while (i < sentences.length) {
    const start = sentences[i]!.start;
    let j = i;
    while (j + 1 < sentences.length && sentences[j + 1]!.end - start <= opts.maxChars) j++;
    out.push({ start, end: sentences[j]!.end });
    if (j + 1 >= sentences.length) break;
    // Start the next passage with the last sentence of this one when it is short enough.
    const last = sentences[j]!;
    const overlap =
      j > i &&
      last.end - last.start <= opts.overlapChars &&
      sentences[j + 1]!.end - last.start <= opts.maxChars;
    i = overlap ? j : j + 1;
  }
  return out;
}

function splitAtWords(text: string, span: Span, maxChars: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    let cut = start + maxChars;
    while (cut > start + maxChars / 2 && !/\s/.test(text[cut]!)) cut--;
    if (cut <= start + maxChars / 2) cut = start + maxChars; // one enormous "word": cut anyway
    let end = cut;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    out.push({ start, end });
    start = cut;
    while (start < span.end && /\s/.test(text[start]!)) start++;
  }
  if (span.end > start) out.push({ start, end: span.end });
  return out;
}

/**
 * Sentence boundaries from ICU (Intl.Segmenter), which knows quotes and many languages better
 * than a regex would, then an abbreviation pass: Intl.Segmenter ignores ICU's abbreviation
 * suppressions, so "Mr. Trump" would be two sentences. Spans index into the given text.
 */
import { endsWithAbbreviation } from "./abbreviations.ts";
export interface Span {
  start: number;
  end: number;
}

/**
 * Bumped whenever the splitting changes, so that stored spans are cut again (store.ts).
 * 2: abbreviations do not end a sentence.
 */
export const SENTENCE_SPLITTER_VERSION = 2;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Sentence spans with surrounding white space trimmed off; empty ones dropped. A line break
 * always ends a sentence: a heading or a title has no full stop to end it.
 */
export function sentenceSpans(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  for (const line of paragraphSpans(text)) {
    const lineText = text.slice(line.start, line.end);
    for (const seg of quotedSegments(lineText)) {
      let start = seg.index;
      let end = seg.index + seg.segment.length;
      while (start < end && /\s/.test(lineText[start]!)) start++;
      while (end > start && /\s/.test(lineText[end - 1]!)) end--;
      if (end > start) spans.push({ start: line.start + start + offset, end: line.start + end + offset });
    }
  }
  return spans;
}

/** Paragraph spans: runs of text between line breaks. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Longest run of segments merged to close an open quotation. */
const MAX_QUOTED = 600;

/**
 * ICU's segments, except that a sentence ending inside a quotation ("... showed we are on the
 * right track. Lukashenko was forced ...") runs on to the segment that closes the quote: cut
 * there, the quote would be shown half-open.
 */
function* quotedSegments(line: string): Generator<{ index: number; segment: string }> {
  let open: { index: number; segment: string } | undefined;
  for (const seg of abbreviationSegments(line)) {
    const cur = open
      ? { index: open.index, segment: open.segment + seg.segment }
      : { index: seg.index, segment: seg.segment };
    if (isQuoteOpen(cur.segment) && cur.segment.length < MAX_QUOTED) {
      open = cur;
      continue;
    }
    open = undefined;
    yield cur;
  }
  if (open) yield open;
}

/** ICU's segments, with a segment that ends on an abbreviation joined to the next. */
function* abbreviationSegments(line: string): Generator<{ index: number; segment: string }> {
  let held: { index: number; segment: string } | undefined;
  for (const seg of segmenter.segment(line)) {
    const cur = held
      ? { index: held.index, segment: held.segment + seg.segment }
      : { index: seg.index, segment: seg.segment };
    const next = line.slice(seg.index + seg.segment.length);
    if (next !== "" && endsWithAbbreviation(cur.segment, next)) {
      held = cur;
      continue;
    }
    held = undefined;
    yield cur;
  }
  if (held) yield held;
}

function isQuoteOpen(s: string): boolean {
  let straight = 0;
  let curly = 0;
  for (const ch of s) {
    if (ch === '"') straight++;
    else if (ch === "\u201c") curly++;
    else if (ch === "\u201d") curly--;
  }
  return straight % 2 === 1 || curly > 0;
}

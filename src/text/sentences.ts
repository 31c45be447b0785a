/**
 * Sentence boundaries from ICU (Intl.Segmenter), which knows quotes and many languages better
 * than a regex would, then an abbreviation pass: Intl.Segmenter ignores ICU's abbreviation
 * suppressions, so "Mr. Trump" would be two sentences. Spans index into the given text.
 */
import { endsWithAbbreviation } from "./abbreviations.ts";
import { endsSentencesAtSpaces, splitAtSpaces } from "./space-ended.ts";
import type { Span } from "./span.ts";
import { isFurnitureLine } from "./furniture.ts";

/**
 * Raised whenever the splitting changes, so that the library cuts stored spans again.
 * 5: stored spans leave out furniture lines (captions, "Image", print trailers; furniture.ts)
 * that text stored before ingest's cleaner knew them still holds.
 */
export const SENTENCE_SPLITTER_VERSION = 5;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
/** Opening brackets and quotes (Unicode's Ps and Pi). */
const OPENING = /[\p{Ps}\p{Pi}]/u;

/**
 * Sentence spans with surrounding white space trimmed off; empty ones dropped. A line break
 * always ends a sentence: a heading or a title has no full stop to end it.
 */
export function sentenceSpans(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  for (const line of paragraphSpans(text)) {
    const lineText = text.slice(line.start, line.end);
    let carried = -1;
    for (const seg of quotedSegments(lineText)) {
      let start = carried >= 0 ? carried : seg.index;
      let end = seg.index + seg.segment.length;
      while (start < end && /\s/.test(lineText[start]!)) start++;
      while (end > start && /\s/.test(lineText[end - 1]!)) end--;
      // ICU leaves an opening bracket or quote after a CJK full stop on the sentence before
      // ("…上。（" | "编译…）"): it opens the next one.
      carried = -1;
      let open = end;
      while (open > start && OPENING.test(lineText[open - 1]!)) open--;
      if (open < end && open > start && end === seg.index + seg.segment.length) {
        carried = open;
        end = open;
      }
      if (end <= start) continue;
      // Thai and its neighbours end a sentence with a space, which ICU does not break at.
      const pieces = endsSentencesAtSpaces(seg.segment)
        ? splitAtSpaces(lineText, start, end)
        : [{ start, end }];
      for (const p of pieces)
        spans.push({ start: line.start + p.start + offset, end: line.start + p.end + offset });
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
  // One pass over ICU's segments, by offsets (no string is built until a sentence is whole):
  // a run is held open while it ends on an abbreviation or inside a quotation.
  let from = -1;
  const quote = { straight: 0, curly: 0 };
  for (const seg of segmenter.segment(line)) {
    if (from < 0) {
      quote.straight = 0;
      quote.curly = 0;
    }
    const start = from >= 0 ? from : seg.index;
    const end = seg.index + seg.segment.length;
    countQuotes(line, seg.index, end, quote);
    if (end < line.length) {
      let last = end - 1;
      while (last > start && line.charCodeAt(last) <= 32) last--;
      if (
        line.charCodeAt(last) === 46 /* . */ &&
        endsWithAbbreviation(line.slice(Math.max(start, end - 40), end), line.slice(end, end + 40))
      ) {
        from = start;
        continue;
      }
      if ((quote.straight % 2 === 1 || quote.curly > 0) && end - start < MAX_QUOTED) {
        from = start;
        continue;
      }
    }
    from = -1;
    yield { index: start, segment: line.slice(start, end) };
  }
  if (from >= 0) yield { index: from, segment: line.slice(from) };
}

function countQuotes(s: string, from: number, to: number, q: { straight: number; curly: number }): void {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) q.straight++;
    else if (c === 0x201c) q.curly++;
    else if (c === 0x201d) q.curly--;
  }
}

/**
 * The sentences a library keeps for a passage (its stored spans, which retrieval's sentence match
 * and the answerer read): every sentence but those of furniture lines, which text stored before
 * the cleaner knew them still holds. Re-cut on open when SENTENCE_SPLITTER_VERSION rises.
 */
export function answerSpans(text: string, offset = 0): Span[] {
  const furniture = paragraphSpans(text).filter((p) => isFurnitureLine(text.slice(p.start, p.end)));
  const spans = sentenceSpans(text, offset);
  if (furniture.length === 0) return spans;
  return spans.filter((s) => !furniture.some((p) => s.start - offset >= p.start && s.end - offset <= p.end));
}

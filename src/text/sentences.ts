/**
 * Sentence boundaries from ICU (Intl.Segmenter), which knows abbreviations, quotes and
 * many languages better than a regex would. Spans index into the given text.
 */
export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Sentence spans with surrounding white space trimmed off; empty ones dropped. A line break
 * always ends a sentence: a heading or a title has no full stop to end it.
 */
export function sentenceSpans(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  for (const line of paragraphSpans(text)) {
    const lineText = text.slice(line.start, line.end);
    for (const seg of segmenter.segment(lineText)) {
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

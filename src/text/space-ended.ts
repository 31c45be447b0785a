/**
 * Thai (and Lao and Khmer) write no full stop: a sentence ends at a space, and words inside it
 * run together. ICU's sentence segmenter breaks only at punctuation, so a Thai paragraph comes
 * back as one "sentence" of a thousand characters, and a quote of it fills a phone screen. This
 * pass cuts such a run at its spaces. Spaces also set off numbers and foreign words ("คะแนน 308
 * ได้"), and separate the parts of a transliterated name, so a space ends a sentence only
 * between two letters of the script, and only once the sentence has some length: a double space
 * (how many writers end a sentence) after a short clause, a single one after a longer one and
 * before a long run of words.
 */
import type { Span } from "./span.ts";

const SPACE_ENDED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
const LETTER_BEFORE = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]$/u;
const LETTER_AFTER = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;

/** A double space ends a sentence of at least this many characters. */
const MIN_AFTER_DOUBLE = 20;
/** A single space ends a sentence of at least this many characters. */
const MIN_AFTER_SINGLE = 80;
/**
 * ... and only before a run of at least this many characters: the parts of a transliterated
 * name ("มาริโอ แอดดิสัน") and counted words ("สี่ ครั้ง", "four times") are short, while a
 * sentence's first run of words written together is long.
 */
const MIN_NEXT_RUN = 10;

/** Whether `text` is written in a script whose sentences end at a space. */
export function endsSentencesAtSpaces(text: string): boolean {
  return SPACE_ENDED.test(text);
}

/**
 * The sentences of one segment of a space-ended script, as spans into `text` (from `start` to
 * `end`), trimmed. Text in other scripts is returned whole.
 */
export function splitAtSpaces(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  const gaps = /\s+/g;
  gaps.lastIndex = start;
  for (let m = gaps.exec(text); m && m.index < end; m = gaps.exec(text)) {
    const gapEnd = m.index + m[0].length;
    if (gapEnd >= end) break;
    const length = m.index - from;
    const min = m[0].length >= 2 ? MIN_AFTER_DOUBLE : MIN_AFTER_SINGLE;
    if (
      length >= min &&
      LETTER_BEFORE.test(text.slice(Math.max(from, m.index - 2), m.index)) &&
      LETTER_AFTER.test(text.slice(gapEnd, gapEnd + 2)) &&
      (m[0].length >= 2 || nextRun(text, gapEnd, end) >= MIN_NEXT_RUN)
    ) {
      spans.push({ start: from, end: m.index });
      from = gapEnd;
    }
  }
  spans.push({ start: from, end });
  return spans;
}

/** Characters from `from` to the next white space (or `end`). */
function nextRun(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && !/\s/.test(text[i]!)) i++;
  return i - from;
}

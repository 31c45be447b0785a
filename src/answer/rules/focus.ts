/**
 * Where a question's focus stands in a sentence: a named focus ("Rae Zimmerman") by its last
 * word, as news names a person after the first mention ("Zimmerman said"), and a sentence that
 * opens with "He" or "She" right after one that names it.
 */
import type { Question } from "../question.ts";
import type { SentenceView } from "./types.ts";
import { escapeRegExp } from "../../text/escape-regexp.ts";

/** The word a named focus is found by: its last capitalised word ("Parata" for "Hori Parata"). */
export function focusName(q: Question): string | undefined {
  const caps = q.focus.match(/\p{Lu}[\p{L}'’-]*/gu);
  return caps?.at(-1)?.replace(/['’]s$/, "");
}

/** Each place the named focus stands in `text`: the index just past it. */
export function focusEnds(name: string, text: string): number[] {
  const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?:['’]s)?(?![\\p{L}])`, "gu");
  return [...text.matchAll(re)].map((m) => m.index + m[0].length);
}

/** A sentence that goes on about the person just named: "She's the director of …". */
export const PRONOUN_OPENING = /^(?:he|she|they)\b/i;

/** Whether `s` speaks of the named focus: it names it, or opens with a pronoun after a sentence that does. */
export function speaksOf(name: string, s: SentenceView): boolean {
  if (focusEnds(name, s.text).length > 0) return true;
  return (
    PRONOUN_OPENING.test(s.text.trim()) && s.before !== undefined && focusEnds(name, s.before).length > 0
  );
}

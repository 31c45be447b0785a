/**
 * "How many pearls is the dress made of?" from "The dress is made of pearls ... 6,000 white
 * Akoya pearls.": a count of what a thing an English article describes is made of, covered in
 * or holds, asked with the thing and the counted noun. The answer must hold the count.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/** "The dress is made of … 6,000 white Akoya pearls": the thing, the verb, the count, the noun. */
const MADE_OF = new RegExp(
  "^(The\\s+[\\p{Ll}-]+(?:\\s+[\\p{Ll}-]+)?)\\s+(is|are|was|were)\\s+" +
    "(made(?:\\s+up)?\\s+of|made\\s+from|covered\\s+(?:in|with)|adorned\\s+with|decorated\\s+with|studded\\s+with|built\\s+(?:from|with))" +
    "\\b(?:[^.!?;]|\\.\\.\\.)*?(?<![\\d.,])(\\d[\\d,]*)\\s+(?:[\\p{L}-]+\\s+){0,3}?(\\p{Ll}+s)\\b",
  "u",
);

/** "How many <noun> is <thing> made of?" for each such sentence of `text`. */
export function madeOfQuestions(text: string, sentences: readonly Span[]): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  for (const [i, span] of sentences.entries()) {
    // "… made of pearls ... 6,000 white Akoya pearls.": an ellipsis does not end the sentence.
    let sentence = text.slice(span.start, span.end).trim();
    const next = sentences[i + 1];
    if (/(?:\.\.\.|…)$/.test(sentence) && next) sentence += ` ${text.slice(next.start, next.end).trim()}`;
    const m = MADE_OF.exec(sentence);
    if (!m) continue;
    const [, thing, be, verb, count, noun] = m;
    const question = `How many ${noun} ${be} ${thing!.replace(/^The/, "the")} ${verb!.replace(/\s+/g, " ")}?`;
    if (out.some((c) => c.question === question)) continue;
    out.push({ question, kind: "how-many", at: span.start, expect: count! });
  }
  return out;
}

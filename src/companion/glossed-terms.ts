/**
 * "What is the safety net?" from 'its "safety net" -- social programs aimed at reducing
 * poverty': a term an English article puts in quotation marks and glosses after a dash. The
 * question is a fixed phrase around the term, and the answer must hold the gloss as written.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/**
 * "<its|the|so-called> "<term>" -- <gloss>": the word before, the term (lower-case words) and
 * the gloss's first words. "that is" and "namely" after the dash go on the sentence, not the term.
 */
const GLOSSED =
  /(?:\b(its|the|their|a|an|so-called)\s+)?["“‘]([\p{Ll}][\p{Ll} -]{2,30}[\p{Ll}])["”’]\s*(?:--|—|–|\s-)\s*(?!that is|namely|i\.e\.)((?:[\p{L}'’-]+[\s,]+){1,2}[\p{L}'’-]+)/gu;

/** A gloss is a noun phrase: no clause opening it and no finite verb in it (then the dash goes on the sentence). */
const NOT_GLOSS =
  /^(?:that|which|who|and|but|or|because|so|if|when)\b|\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|may|might)\b/i;

/** "What is <the term>?" for each term a sentence of `text` glosses, the first time only. */
export function glossedTermQuestions(text: string, sentences: readonly Span[]): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  for (const span of sentences) {
    for (const m of text.slice(span.start, span.end).matchAll(GLOSSED)) {
      const [, before, term, gloss] = m as unknown as [string, string | undefined, string, string];
      // The whole gloss: to the next dash or the sentence's end.
      const rest = text.slice(span.start + m.index + m[0].length - gloss.length, span.end);
      if (NOT_GLOSS.test(rest.split(/\s(?:--|—|–|-)\s|—|–/)[0]!)) continue;
      // A term after "the" or "its" is asked with "the"; after "so-called" or nothing, alone.
      const asked = before && before !== "so-called" ? `the ${term}` : term;
      const question = `What is ${asked}?`;
      if (out.some((c) => c.question === question)) continue;
      out.push({ question, kind: "what-is", at: span.start, holds: gloss.replace(/[\s,]+$/, "") });
    }
  }
  return out;
}

/**
 * "What percentage of the personnel were writers?" from "Writers made up 95% of the personnel.",
 * and "What percentage of student newsrooms had created roles specifically for the web?" from
 * "… almost 50% of student newsrooms had created roles specifically for the web.": a share an
 * English sentence gives of a group, asked with the group and what the sentence says of it.
 * The answer must hold the figure.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/** A percentage: "95%", "50 percent", "12.5 per cent". */
const PERCENT = "(\\d[\\d.,]*(?:\\s?%|\\s+per\\s?cent|\\s+percent))";
/** The group: "the personnel", "student newsrooms", "U.S. adults": up to four words. */
const GROUP = "((?:the\\s+)?(?:[\\p{L}.'’-]+\\s+){0,3}?[\\p{L}.'’-]*\\p{L})";
/** "N% of <group> <verb …>": what the group did or is, as the sentence goes on (to its end). */
const SHARE_DID = new RegExp(
  `(?:^|[\\s,(])(?:almost|nearly|about|around|roughly|some|only|just|over|more than|less than)?\\s*${PERCENT}\\s+of\\s+${GROUP}\\s+` +
    "((?:have|has|had|were|was|are|is|say|said|says|do|did|will|would|could|can|plan|planned|use|used|own|owned|support|supported|oppose|opposed)\\b[^,;:]{3,80}?)[.!]?$",
  "iu",
);
/** "<Plural subject> made up N% of <group>" or "<subject> accounted for N% of <group>". */
const MADE_UP = new RegExp(
  `^((?:[\\p{L}'’-]+\\s+){0,3}?[\\p{L}'’-]+)\\s+(?:made up|make up|accounted for|account for|represented|represent|comprised)\\s+(?:almost|nearly|about|around|roughly|only|just|over|more than|less than)?\\s*${PERCENT}\\s+of\\s+${GROUP}[.!]?$`,
  "iu",
);
/** Words a sentence's subject opens with that make no question: "It", "This", "They". */
const PRONOUN = /^(?:it|this|that|they|these|those|we|i|he|she|you|which|who)$/i;

const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "What percentage of …?" for each share a sentence of `text` gives of a group. */
export function percentageQuestions(text: string, sentences: readonly Span[]): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  for (const span of sentences) {
    const sentence = text.slice(span.start, span.end).trim();
    let question: string | undefined;
    let figure: string | undefined;
    const made = MADE_UP.exec(sentence);
    if (made && !PRONOUN.test(made[1]!.split(/\s+/)[0]!)) {
      const were = /s$/i.test(made[1]!) ? "were" : "was";
      question = `What percentage of ${lowerFirst(made[3]!)} ${were} ${lowerFirst(made[1]!)}?`;
      figure = made[2];
    } else {
      const did = SHARE_DID.exec(sentence);
      if (did && !/\d/.test(did[3]!)) {
        question = `What percentage of ${lowerFirst(did[2]!)} ${did[3]!.trim()}?`;
        figure = did[1];
      }
    }
    if (!question || !figure || out.some((c) => c.question === question)) continue;
    out.push({ question, kind: "how-many", at: span.start, expect: figure.match(/\d[\d.,]*/)![0] });
  }
  return out;
}

/**
 * The questions an article asks itself: a line that is one question ("¿Ómicron puede causar
 * covid prolongada?", "What happens next?") with prose after it, as explainers and index pages
 * head their sections. Offered as written, in any language, when the answerer answers it from
 * the section it heads (a question is never its own answer: answer/extractive.ts).
 */
import { endsAsking } from "../text/asks.ts";
import { language } from "../text/languages.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/** Words (or, unspaced, characters) a heading question has: fewer asks too little, more is prose. */
const MIN_WORDS = 4;
const MAX_WORDS = 18;
const MAX_CHARS = 140;
/** Scripts written without spaces: their length is counted in characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** A question opening on a quote is someone's words; one on a pronoun needs what came before. */
const NOT_ASKED = /^(?:["“‘«„]|(?:it|this|that|they|he|she|these|those)\b)/iu;

/** Where the section a question heads ends: at the next heading (a line with no full stop) or question. */
function sectionEnd(lines: RegExpMatchArray[], from: number, end: number): number {
  for (const line of lines.slice(from + 1)) {
    const t = line[0].trim();
    if (endsAsking(t) || !/[.!。！:：]["'”’»)]*$/u.test(t)) return line.index!;
  }
  return end;
}

/** Words after a heading's lead-in that make a question alone: "…: are newsrooms changing for the better?". */
const ALONE_WORDS = 5;

/** A question without the phrase that leads into it, when it asks in full without it. */
function withoutLeadIn(line: string): string {
  const colon = /^[^:：?]{3,80}[:：]\s*(\p{Ll}.*)$/u.exec(line);
  if (!colon || colon[1]!.split(/\s+/).length < ALONE_WORDS) return line;
  return colon[1]!.charAt(0).toUpperCase() + colon[1]!.slice(1);
}

/** How an English question opens: a question word or an auxiliary ("A Change in Guidelines?" is a title). */
const ENGLISH_OPENING =
  /^(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|might|must|shall)\b/i;

/**
 * Whether a line reads as a question rather than a title with a question mark: in English it
 * opens as one; in a language that does not capitalise nouns, most of its longer words are
 * not capitalised ("A Change in Guidelines?" is title case).
 */
function readsAsQuestion(question: string, lang: string): boolean {
  if (lang === "en" && !ENGLISH_OPENING.test(question)) return false;
  if (language(lang)?.capitalisesNouns) return true;
  const long = question
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^\p{L}{4,}/u.test(w));
  return long.filter((w) => /^\p{Lu}/u.test(w)).length * 2 <= long.length;
}

/** The article's own question lines, each followed by a line of prose, in the order they come. */
export function headingQuestions(text: string, lang: string): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  const lines = [...text.matchAll(/[^\n]+/g)];
  for (const [i, m] of lines.entries()) {
    const line = m[0].trim();
    if (!endsAsking(line) || NOT_ASKED.test(line) || line.length > MAX_CHARS) continue;
    // One question, not a paragraph that ends on one: no full stop before its mark.
    if (/[.!。！]\s/u.test(line)) continue;
    const words = UNSPACED.test(line) ? line.length / 2 : line.split(/\s+/).length;
    if (words < MIN_WORDS || words > MAX_WORDS) continue;
    const next = lines[i + 1]?.[0].trim() ?? "";
    if (!/[.!。！]["'”’»)]*$/u.test(next) || endsAsking(next)) continue;
    const question = withoutLeadIn(line);
    if (!readsAsQuestion(question, lang) || out.some((c) => c.question === question)) continue;
    const start = m.index + m[0].length;
    out.push({
      question,
      kind: "asked",
      at: m.index,
      within: { start, end: sectionEnd(lines, i + 1, text.length) },
    });
  }
  return out;
}

/**
 * "What is X?" for a thing an English article defines with a copula: "Rust is a compiled
 * programming language …", '"Super Mario Run" is essentially a regular, side-scrolling "Super
 * Mario" game …'. The question is a fixed phrase around the thing's name, asked only of a name
 * or a title (never of a person: "Who is …?" asks after them), and the answer must hold the
 * definition as written.
 */
import type { Span } from "../text/span.ts";
import { isStopWord } from "../text/tokens.ts";
import { escapeRegExp } from "../text/escape-regexp.ts";
import { loadNlp, type QuestionCandidate } from "./english-questions.ts";

/** A title in quotation marks, or one to four capitalised words ("Mozilla VR", "Pdf.js"). */
const THING = `["“][^"“”]{2,40}["”]|(?:The\\s+)?\\p{Lu}[\\p{L}\\d'’&.-]*(?:\\s+\\p{Lu}[\\p{L}\\d'’&.-]*){0,3}`;
/**
 * The thing opening the sentence, or its clause after a comma, then "is" and "a"/"an" with
 * the definition's first words (to a comma or a clause's end).
 */
const DEFINED = new RegExp(
  `(?:^|,\\s+)(${THING})\\s+(is\\s+(?:(?:essentially|basically|simply|also|now|still|actually)\\s+)?an?\\s+[^,;:.()–—]{3,60}?)(?=[,;:.()–—]|\\s+(?:that|which|who|with|for|by|to|in|of|and)\\s|$)`,
  "u",
);
/** Days and months, which "is a" says something else of ("Monday is a holiday"). */
const DATE_WORD =
  /^(?:today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * Whether a one-word name is a name: written with its capital inside a sentence somewhere
 * ("Rust", "Mozilla"), not only where every word has one ("Photography is a way of …").
 * Titles in quotation marks and names of more words are names.
 */
export function isNamed(name: string, text: string): boolean {
  if (/^["“]/.test(name) || /\s/.test(name)) return true;
  const inside = new RegExp(`[\\p{L}\\d,;]\\s+${escapeRegExp(name)}(?![\\p{L}])`, "u");
  return inside.test(text);
}

/** Whether `name` is a person's: tagged as one in its sentence, or the surname of a longer name ("Buck Cullen"). */
export function isPersonIn(
  name: string,
  sentence: string,
  text: string,
  people: (s: string) => string[],
): boolean {
  if (/^["“]/.test(name)) return false;
  if (people(sentence).some((p) => p.includes(name) || name.includes(p))) return true;
  return new RegExp(`\\p{Lu}[\\p{Ll}'’-]+\\s+${escapeRegExp(name)}(?![\\p{L}])`, "u").test(text);
}

/** "What is X?" for each thing a sentence of `text` (among `sentences`) defines, first definition only. */
export async function definitionQuestions(
  text: string,
  sentences: readonly Span[],
): Promise<QuestionCandidate[]> {
  const found: Array<{ name: string; sentence: string; holds: string; at: number }> = [];
  for (const span of sentences) {
    const sentence = text.slice(span.start, span.end);
    const m = DEFINED.exec(sentence);
    if (!m) continue;
    const name = m[1]!;
    const first = name.split(/\s+/)[0]!.replace(/^["“]/, "");
    if ((isStopWord(first.toLowerCase()) && first !== "The") || DATE_WORD.test(first)) continue;
    if (!isNamed(name, text)) continue;
    if (found.some((f) => f.name === name)) continue;
    found.push({ name, sentence, holds: m[2]!.trim(), at: span.start });
  }
  if (found.length === 0) return [];
  const { nlp } = await loadNlp();
  const people = (s: string) => nlp(s).people().out("array") as string[];
  return found
    .filter((f) => !isPersonIn(f.name, f.sentence, text, people))
    .map((f) => ({
      question: `What is ${f.name.replace(/^The\s/, "the ")}?`,
      kind: "what-is" as const,
      at: f.at,
      holds: f.holds,
    }));
}

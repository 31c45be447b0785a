/**
 * "What kind of game is Thumper?" from '"Thumper" is, well, a violent rhythm game …' or 'the
 * weird "Headmaster," a game about heading soccer balls …': a title or a name an English
 * article says is "a <something> <noun>", asked with the fixed phrase around the name and the
 * noun. The answerer reads such a question for a kind of that noun said of the name (its
 * "kind" rule), and the answer must hold the words as written.
 */
import type { Span } from "../text/span.ts";
import { isStopWord } from "../text/tokens.ts";
import { loadNlp, type QuestionCandidate } from "./english-questions.ts";
import { isNamed, isPersonIn } from "./definitions.ts";

/** A title in quotation marks (a comma may close it inside), or one to four capitalised words. */
const NAME = `["“][^"“”,]{2,40},?["”]|\\p{Lu}[\\p{L}\\d'’&.-]*(?:\\s+\\p{Lu}[\\p{L}\\d'’&.-]*){0,3}`;
/**
 * "a violent rhythm game", "a game": up to three words, then the noun, before a clause or a
 * full stop (not a comma: "a regular, side-scrolling game" has its noun further on).
 */
const KIND = `(an?\\s+(?:[\\p{Ll}"“”-]+\\s+){0,3}([\\p{Ll}]{3,}))(?=\\s+(?:that|which|about|with|where|for|in|from)\\b|[.;:!?]|$)`;
/** "<name> is[, well,] a … <noun>" opening a sentence or a clause. */
const IS_KIND = new RegExp(
  `(?:^|[,;:]\\s+)(${NAME})\\s+(?:is|was)(?:,\\s*well,)?\\s+(?:(?:essentially|basically|simply|also|actually)\\s+)?${KIND}`,
  "gu",
);
/** '"Headmaster," a game about …': an apposition after a name. */
const NAMED_KIND = new RegExp(`(${NAME}),?\\s+${KIND}`, "gu");
/** Nouns that say nothing of a kind ("a lot", "a bit", "a number"). */
const NO_KIND =
  /^(?:lot|bit|number|couple|few|little|way|thing|start|one|part|kind|sort|type|time|year|day)$/;

/** Words after which a capitalised run is a place or part of a longer name, not a name of its own. */
const BEFORE_PART = /(?:^|\s)(?:in|at|on|of|for|from|by|to|with|into|near|a|an|\p{Lu}[\p{L}'’-]*)\s+$/u;

/** Whether the name at `at` of `sentence` stands on its own (see BEFORE_PART). */
const wholeName = (sentence: string, at: number) =>
  !BEFORE_PART.test(sentence.slice(Math.max(0, at - 30), at));

/** The name as the question asks it: single quotation marks kept, a comma inside them dropped. */
const asked = (name: string) => name.replace(/,(["”])$/, "$1");

/** "What kind of <noun> is <name>?" for each name a sentence of `text` says is a kind of noun. */
export async function kindQuestions(text: string, sentences: readonly Span[]): Promise<QuestionCandidate[]> {
  const found: Array<{ name: string; noun: string; holds: string; sentence: string; at: number }> = [];
  for (const span of sentences) {
    const sentence = text.slice(span.start, span.end);
    for (const m of [...sentence.matchAll(IS_KIND), ...sentence.matchAll(NAMED_KIND)]) {
      // An apposition has its comma: '"Headmaster," a game', "Thumper, a game"; and its name
      // is whole, no place after a preposition ("in South Taranaki, a mass stranding").
      const apposition = !/\s(?:is|was)\W/.test(m[0]);
      if (apposition && (!/,["”]?\s+an?\s/u.test(m[0]) || !wholeName(sentence, m.index))) continue;
      const [, name, holds, noun] = m as unknown as [string, string, string, string];
      const first = name.replace(/^["“]/, "").split(/\s+/)[0]!;
      if (NO_KIND.test(noun) || (!/^["“]/.test(name) && isStopWord(first.toLowerCase()))) continue;
      if (!isNamed(asked(name), text)) continue;
      if (found.some((f) => f.name === asked(name))) continue;
      found.push({ name: asked(name), noun, holds, sentence, at: span.start });
    }
  }
  if (found.length === 0) return [];
  const { nlp } = await loadNlp();
  const people = (s: string) => nlp(s).people().out("array") as string[];
  // "a cross-platform engine written": the last word must be a noun, not a participle.
  const endsInNoun = (s: string) => nlp(s).terms().last().has("#Noun");
  return found
    .filter((f) => endsInNoun(f.holds) && !isPersonIn(f.name, f.sentence, text, people))
    .map((f) => ({
      question: `What kind of ${f.noun} is ${f.name}?`,
      kind: "what-is" as const,
      at: f.at,
      holds: f.holds,
    }));
}

/**
 * A person asked about by full name and named in a sentence by surname alone: news names a
 * person in full once, then by surname ("Vanessa Hicks said …", later "Hicks, a Navy veteran
 * herself, …"). When the article names the person in full, the sentence naming the surname
 * names them: the first name is no missing evidence for the decision.
 */
import { isStopWord, stem, words } from "../text/tokens.ts";
import type { Question } from "./question.ts";
import { focusEnds, focusName } from "./rules/focus.ts";

/**
 * The stems of the focus's words that `sentence` lacks (its `matched` stems aside) but stand for,
 * since it names the focus's surname and `article` names the focus in full; none otherwise.
 */
export function surnameCarries(
  q: Question,
  matched: readonly string[],
  sentence: string,
  article: string,
): string[] {
  const name = focusName(q);
  if (!name || !/\s/.test(q.focus.trim())) return [];
  if (focusEnds(name, sentence).length === 0 || !article.includes(q.focus)) return [];
  const have = new Set(matched);
  return words(q.focus, q.lang)
    .filter((w) => !isStopWord(w, q.lang))
    .map((w) => stem(w, q.lang))
    .filter((t) => !have.has(t));
}

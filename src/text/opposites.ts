/**
 * Whether a sentence says the opposite of a question's word: "When did the plant open?"
 * against "The plant closed in 1990." The antonyms are WordNet's (wordnet.ts), so English
 * only, like the paraphrase. SQuAD 2.0 writes a fifth of its unanswerable questions this way:
 * the article's sentence with one word turned into its opposite.
 */
import { isStopWord, stem, words } from "./tokens.ts";
import { antonyms, readsWordNet } from "./wordnet.ts";
import { irregularForms } from "./verb-forms.ts";

/**
 * The question's content words absent from `sentence` whose antonym it holds instead
 * ("open" when it says "closed"); [] when none, or when the language has no antonyms here.
 */
export function opposedWords(question: string, sentence: string, lang: string): string[] {
  if (!readsWordNet(lang)) return [];
  // "rose" is "rise" too: the stemmer does not join irregular verbs.
  const have = new Set(
    words(sentence, lang).flatMap((w) => [w, ...irregularForms(w)].map((x) => stem(x, lang))),
  );
  const asked = words(question, lang);
  // "Is it abstract or concrete?" names both: neither is turned round.
  const askedStems = new Set(asked.map((w) => stem(w, lang)));
  const out: string[] = [];
  for (const w of asked) {
    if (isStopWord(w, lang) || /\d/.test(w) || have.has(stem(w, lang))) continue;
    const opposite = [w, ...irregularForms(w)]
      .flatMap(antonyms)
      .find((a) => !a.includes(" ") && have.has(stem(a, lang)) && !askedStems.has(stem(a, lang)));
    if (opposite) out.push(w);
  }
  return out;
}

/**
 * Whether a sentence says the opposite of a question's word: "When did the plant open?"
 * against "The plant closed in 1990." The antonyms are WordNet's (wordnet.ts), so English
 * only, like the paraphrase. SQuAD 2.0 writes a fifth of its unanswerable questions this way:
 * the article's sentence with one word turned into its opposite.
 */
import { isNegated } from "./negation.ts";
import { isStopWord, stem, words } from "./tokens.ts";
import { antonyms, lemmaKeys, readsWordNet, synonyms } from "./wordnet.ts";
import { irregularForms } from "./verb-forms.ts";

/** A hyphenated compound ("52-year-old", "centre-left"), or a capitalised word after the first. */
const COMPOUND_OR_NAME = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+|(?<=[\p{L}\p{N},;:'’"”)]\s+)\p{Lu}[\p{L}'’]*/gu;

/**
 * The question's content words absent from `sentence` whose antonym it holds instead
 * ("open" when it says "closed"); [] when none, or when the language has no antonyms here.
 * The antonym must stand in the sentence as a form of itself in its own part of speech
 * ("followed" is no form of the noun "follower", though both stem to "follow"), not negated
 * ("not solved" says "unsolved"), and the sentence must not say the word another way
 * ("centre" for "center").
 */
export function opposedWords(question: string, sentence: string, lang: string): string[] {
  if (!readsWordNet(lang)) return [];
  const said = words(sentence, lang);
  const stems = new Set(said.flatMap((w) => [w, ...irregularForms(w)].map((x) => stem(x, lang))));
  // Each sentence word as the lemmas it can be a form of ("rose" is the verb "rise" too), where
  // it stands: words of a compound or a name say no opposite ("a 52-year-old banker" is not
  // "old", "New Jersey" not "new").
  const plain = words(sentence.replace(COMPOUND_OR_NAME, " · "), lang);
  const lemmas = new Map<string, number[]>();
  plain.forEach((w, i) => {
    for (const key of [...lemmaKeys(w), ...irregularForms(w).map((f) => `verb ${f}`)])
      lemmas.set(key, [...(lemmas.get(key) ?? []), i]);
  });
  const asked = words(question, lang);
  // "Is it abstract or concrete?" names both: neither is turned round.
  const askedStems = new Set(asked.map((w) => stem(w, lang)));
  const out: string[] = [];
  for (const w of asked) {
    if (isStopWord(w, lang) || /\d/.test(w) || stems.has(stem(w, lang))) continue;
    if (synonyms(w).some((x) => !x.includes(" ") && stems.has(stem(x, lang)))) continue;
    const opposite = [w, ...irregularForms(w)].flatMap(antonyms).some((a) => {
      if (a.word.includes(" ") || askedStems.has(stem(a.word, lang))) return false;
      // "not solved" is "unsolved": a negated opposite says the word itself.
      return (lemmas.get(`${a.pos} ${a.word}`) ?? []).some(
        (at) => !isNegated(plain.slice(Math.max(0, at - 2), at).join(" "), lang),
      );
    });
    if (opposite) out.push(w);
  }
  return out;
}

/**
 * "What did X say?" in French, Spanish, German, Italian and Portuguese, for a person the article
 * names in full and has speak ("«…», a ajouté Laurent Fabius"; "Juan Pérez dijo que …"). The
 * question is the language's fixed phrase around the name, and the answer must have them speak
 * (`quotesInAnyLanguage`), as in English (speakers.ts).
 */
import type { QuestionCandidate } from "./english-questions.ts";
import { escapeRegExp } from "../text/escape-regexp.ts";
import { isStopWord } from "../text/tokens.ts";

interface Speech {
  /** Verbs of speech as news writes them beside a name, past and present. */
  verbs: string;
  /** The question, around the speaker's name. */
  ask: (name: string) => string;
}

const SPEECH: Record<string, Speech> = {
  fr: {
    verbs:
      "a (?:dit|déclaré|ajouté|expliqué|affirmé|indiqué|souligné|estimé|précisé|assuré|rappelé|confié|jugé)|dit|déclare|ajoute|explique|affirme|souligne|estime|précise|assure",
    ask: (n) => `Qu'a dit ${n} ?`,
  },
  es: {
    verbs:
      "dijo|afirmó|explicó|añadió|agregó|señaló|aseguró|declaró|indicó|sostuvo|ha dicho|ha afirmado|dice|afirma|explica|señala|asegura",
    ask: (n) => `¿Qué dijo ${n}?`,
  },
  de: { verbs: "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint", ask: (n) => `Was sagte ${n}?` },
  it: {
    verbs: "ha detto|ha dichiarato|ha spiegato|ha aggiunto|ha affermato|dice|spiega|afferma|aggiunge",
    ask: (n) => `Cosa ha detto ${n}?`,
  },
  pt: {
    verbs: "disse|afirmou|explicou|acrescentou|declarou|diz|afirma|explica",
    ask: (n) => `O que disse ${n}?`,
  },
};

/** A word of a name ("Fabius", "D'Alema", "Jean-Luc"), and two or three of them. */
const WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
const FULL_NAME = `${WORD}(?:\\s(?:(?:de|la|da|del|di|van|von|der|le)\\s)?${WORD}){1,2}`;

/** "<verb> <Name>" after a quotation, or "<Name> <verb>": the full names the article has speak. */
function speakersIn(text: string, lang: string, verbs: string): Array<{ name: string; at: number }> {
  const after = new RegExp(`(?<![\\p{L}])(?:${verbs})\\s+(${FULL_NAME})(?![\\p{L}'’-]|\\s\\p{Lu})`, "gu");
  const before = new RegExp(
    `(?<![\\p{L}'’-]|\\p{Lu}\\p{Ll}+\\s)(${FULL_NAME})\\s+(?:${verbs})(?![\\p{L}])`,
    "gu",
  );
  const seen = new Map<string, number>();
  for (const m of [...text.matchAll(after), ...text.matchAll(before)]) {
    // "La France a déclaré": a name opens with no word of the language.
    if (isStopWord(m[1]!.split(/\s/)[0]!.toLowerCase(), lang)) continue;
    if (!seen.has(m[1]!) || seen.get(m[1]!)! > m.index) seen.set(m[1]!, m.index);
  }
  return [...seen].map(([name, at]) => ({ name, at })).sort((a, b) => a.at - b.at);
}

/** Whether `text` (an answer) has `name`, or their surname, speak in one of these languages. */
export function quotesInAnyLanguage(name: string, text: string): boolean {
  const who = `(?:${escapeRegExp(name)}|${escapeRegExp(name.split(/\s+/).at(-1)!)})`;
  return Object.values(SPEECH).some(
    ({ verbs }) =>
      new RegExp(`(?<![\\p{L}])(?:${verbs})\\s+(?:\\p{Lu}\\p{Ll}+\\s+)?${who}(?![\\p{L}])`, "u").test(text) ||
      new RegExp(`(?<![\\p{L}])${who}\\s+(?:${verbs})(?![\\p{L}])`, "u").test(text),
  );
}

/** "What did X say?" in `lang` for each person the article names in full and has speak. */
export function speakerQuestionsIn(text: string, lang: string): QuestionCandidate[] {
  const speech = SPEECH[lang];
  if (!speech) return [];
  return speakersIn(text, lang, speech.verbs).map(({ name, at }) => ({
    question: speech.ask(name),
    kind: "what-said" as const,
    at,
    speaker: name,
  }));
}

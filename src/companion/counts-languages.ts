/**
 * "Combien de Français ont été localisés sains et saufs ?" from "2 209 Français ont été
 * localisés sains et saufs tandis que …": a French or German sentence that opens by counting
 * its subject. With the count as the subject ("combien de …", "wie viele …") the sentence
 * keeps its word order, so the question is the sentence with the count taken out and the
 * clause cut at its first comma or conjunction; the answer must hold the count.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

interface Count {
  /** Words before a count that go with the answer ("Environ 400"). */
  about: string;
  /** Finite verbs right after the counted noun. */
  verbs: string;
  /** Where the main clause ends. */
  end: RegExp;
  ask: (noun: string, rest: string) => string;
}

const COUNTS: Record<string, Count> = {
  fr: {
    about: "environ|près de|plus de|quelque|au moins|moins de",
    verbs: "ont|sont|avaient|étaient|seront|auront|vont|doivent|peuvent|restent|attendent",
    end: /[,;:()«»]|\s(?:tandis que|alors que|mais|selon|car|qui|dont|où|lorsque|quand)\s/,
    ask: (noun, rest) => `Combien ${/^[aeiouyhéèêàâîôû]/i.test(noun) ? "d’" : "de "}${noun} ${rest} ?`,
  },
  de: {
    about: "rund|etwa|mehr als|fast|knapp|über|mindestens|weniger als",
    verbs: "sind|wurden|haben|hatten|werden|waren|kamen|starben|leben|arbeiten|nutzen",
    end: /[,;:()„“»«]|\s(?:während|aber|weil|die|der|das|wobei|sodass)\s/,
    ask: (noun, rest) => `Wie viele ${noun} ${rest}?`,
  },
};

/** Words of the clause after the counted noun, at most. */
const MAX_WORDS = 9;

/** A count: digits, with spaces or dots between thousands ("2 209", "5.500"). */
const NUMBER = "(\\d{1,3}(?:[\\s.\u00a0\u202f]\\d{3})+|\\d+)";

/** "Combien de …?" or "Wie viele …?" for each sentence of `text` that opens by counting its subject. */
export function countQuestionsIn(
  text: string,
  sentences: readonly Span[],
  lang: string,
): QuestionCandidate[] {
  const c = COUNTS[lang];
  if (!c) return [];
  const opening = new RegExp(
    `^(?:(?:${c.about})\\s+)?${NUMBER}\\s+([\\p{L}-]+)\\s+((?:${c.verbs})\\s.*)$`,
    "iu",
  );
  const out: QuestionCandidate[] = [];
  for (const span of sentences) {
    const m = opening.exec(text.slice(span.start, span.end).replace(/[.!?…]+$/, ""));
    if (!m) continue;
    const [, count, noun, clause] = m as unknown as [string, string, string, string];
    const end = c.end.exec(clause);
    const rest = (end ? clause.slice(0, end.index) : clause).trim();
    // A long clause makes a question no one would ask whole ("… dans les vols mis en place par la France").
    const words = rest.split(/\s+/).length;
    if (words < 2 || words > MAX_WORDS) continue;
    out.push({ question: c.ask(noun, rest), kind: "how-many", at: span.start, expect: count });
  }
  return out;
}

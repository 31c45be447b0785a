/**
 * "Wie viel kostet 1Password?" from "1Password kostet aktuell knapp 50 Euro im Mac App Store":
 * what a thing costs, asked in German, French, Spanish, Italian and Portuguese with the
 * language's fixed phrase around the thing ("Combien coûte …?", "¿Cuánto cuesta …?"). The
 * thing is the name or the noun phrase right before the verb; the answer must hold the price.
 */
import type { QuestionCandidate } from "./english-questions.ts";
import { isStopWord } from "../text/tokens.ts";

interface Price {
  /** The verb "costs", as written after its subject. */
  verb: string;
  /** Articles the subject may open with, lower-cased in the question. */
  articles: string;
  ask: (thing: string) => string;
}

const PRICE: Record<string, Price> = {
  de: { verb: "kostet|kosten", articles: "der|die|das", ask: (t) => `Wie viel kostet ${t}?` },
  fr: { verb: "coûte|coûtent", articles: "le|la|les|l’|l'", ask: (t) => `Combien coûte ${t} ?` },
  es: { verb: "cuesta|cuestan", articles: "el|la|los|las", ask: (t) => `¿Cuánto cuesta ${t}?` },
  it: { verb: "costa|costano", articles: "il|lo|la|i|gli|le|l’|l'", ask: (t) => `Quanto costa ${t}?` },
  pt: { verb: "custa|custam", articles: "o|a|os|as", ask: (t) => `Quanto custa ${t}?` },
};

/** Money after the verb, a few words in ("aktuell knapp 50 Euro", "29,99 €", "$10"). */
const MONEY =
  "(?:\\p{Ll}+\\s+){0,3}(?:(?:\\$|€|£)\\s?(\\d[\\d.,]*)|(\\d[\\d.,]*)\\s?(?:€|euros?|Euro|dollars?|Dollar|dólares|dólar|reais|real|francs?|Franken|£))";
/** A name or a noun (capitalised, or opening with a digit: "1Password"), up to three words. */
const THING = "[\\p{Lu}\\d][\\p{L}\\d.+-]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\d.+-]*){0,2}";

/** "How much does X cost?" in `lang` for each thing the article gives a price of. */
export function priceQuestionsIn(text: string, lang: string): QuestionCandidate[] {
  const p = PRICE[lang];
  if (!p) return [];
  // Opening a sentence, the article has a capital: "Das Abo kostet …".
  const articles = p.articles
    .split("|")
    .flatMap((a) => [a, a.charAt(0).toUpperCase() + a.slice(1)])
    .join("|");
  const re = new RegExp(
    `(?:^|(?<=[.!?]\\s+)|(?<=\\n))(?:(${articles})\\s*)?(${THING})\\s+(?:${p.verb})\\s+${MONEY}`,
    "gu",
  );
  const out: QuestionCandidate[] = [];
  for (const m of text.matchAll(re)) {
    // "Er kostet 5 Euro": a pronoun is no thing to ask after.
    if (isStopWord(m[2]!.split(/\s/)[0]!.toLowerCase(), lang)) continue;
    const article = m[1] ? m[1].toLowerCase() : "";
    const thing = article ? `${article}${/['’]$/.test(article) ? "" : " "}${m[2]}` : m[2]!;
    const question = p.ask(thing);
    if (!out.some((c) => c.question === question))
      out.push({ question, kind: "how-much", at: m.index, expect: (m[3] ?? m[4])!.replace(/[.,]$/, "") });
  }
  return out;
}

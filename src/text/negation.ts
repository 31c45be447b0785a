/**
 * Whether a sentence or a question is negated, from its language's negation words
 * (languages.ts). The decision weighs a negated question answered by a sentence that is not
 * ("What can not solve …?" against "algorithms can solve …"): it asks the opposite of what the
 * sentence says.
 */
import { language } from "./languages.ts";
import { escapeRegExp } from "./escape-regexp.ts";

interface Negation {
  words: RegExp;
  idle?: RegExp;
}

const cache = new Map<string, Negation | null>();

function negationFor(lang: string): Negation | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const entry = language(lang);
  let out: Negation | null = null;
  if (entry?.negations?.length) {
    const whole = entry.negations.filter((w) => !w.startsWith("-")).map((w) => escapeRegExp(w));
    const endings = entry.negations.filter((w) => w.startsWith("-")).map((w) => escapeRegExp(w.slice(1)));
    const alternatives = [
      ...(whole.length ? [`(?<![\\p{L}\\p{M}\\p{N}])(?:${whole.join("|")})(?![\\p{L}\\p{M}\\p{N}])`] : []),
      ...(endings.length ? [`(?:${endings.join("|")})(?![\\p{L}\\p{M}\\p{N}])`] : []),
    ];
    out = {
      words: new RegExp(alternatives.join("|"), "iu"),
      ...(entry.idleNegations?.length
        ? {
            idle: new RegExp(
              `(?<![\\p{L}\\p{M}\\p{N}])(?:${entry.idleNegations.map((w) => escapeRegExp(w)).join("|")})(?![\\p{L}\\p{M}\\p{N}])`,
              "giu",
            ),
          }
        : {}),
    };
  }
  cache.set(lang, out);
  return out;
}

/** Whether `text` holds a negation in `lang`; false in a language without a negation list. */
export function isNegated(text: string, lang: string): boolean {
  const n = negationFor(lang);
  if (!n) return false;
  return n.words.test(n.idle ? text.replace(n.idle, " ") : text);
}

/** Whether `question` asks for a reason ("Why …?", "How come …?"), by its language's openings. */
export function asksReason(question: string, lang: string): boolean {
  const openings = language(lang)?.reasonQuestions;
  if (!openings?.length) return false;
  const q = question.trim().toLowerCase();
  return openings.some((o) => q.startsWith(o) && !/[\p{L}\p{N}]/u.test(q.charAt(o.length)));
}

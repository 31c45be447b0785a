/**
 * Whether the sentence counts what a how-many question counts: a number with the counted noun
 * a few words after it ("10 députés socialistes", "more than 500 strandings", "6,000 white Akoya
 * pearls"). "How many kids were in the peanut study?" is not answered by "about 3% of kids who
 * ate peanut butter …" alone. A decision feature (decision.ts), not a rule: translations and
 * paraphrases count without the noun ("nine" for "How many nations …?"), and the fit weighs it.
 * English only: the counted noun is read from "how many X".
 */
import { stem, words } from "../text/tokens.ts";

/** A number as a word: digits, or a number word. */
const NUMBER =
  /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|several|many)$/;
/** Words between the number and the noun: "6,000 white Akoya pearls". */
const BETWEEN = 4;

/** The stem of what "how many X" counts, or undefined for another question. */
export function countedNoun(question: string): string | undefined {
  const m = /^\s*how many ([\p{L}-]+)/iu.exec(question);
  return m ? stem(m[1]!.toLowerCase(), "en") : undefined;
}

/** Whether `sentence` has a number with `counted` (a stem) within a few words after it; a share ("3% of kids") counts none. */
export function countsIt(sentence: string, counted: string): boolean {
  const ws = words(sentence.replace(SHARE, " "), "en");
  for (let i = 0; i < ws.length; i++) {
    if (!NUMBER.test(ws[i]!)) continue;
    for (let j = i + 1; j <= i + BETWEEN && j < ws.length; j++)
      if (stem(ws[j]!, "en") === counted) return true;
  }
  return false;
}

/** A percentage, taken out before counting: it says what share, not how many. */
const SHARE = /\d[\d.,]*\s*(?:%|percent\b|per cent\b)/gi;

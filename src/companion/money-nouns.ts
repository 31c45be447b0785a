/**
 * "How much is the breakup fee?" from "by paying a $144 million breakup fee to Verizon" or "a
 * so-called naked no-vote termination fee of $15 million": a sum an English article gives a
 * fee, a price, an offer or a bill, asked with the fixed phrase around the sum's noun. The
 * answer must hold the figure.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/** Nouns a sum of money is given to. */
const MONEY_NOUN =
  "fee|fine|price|offer|deal|bid|bill|package|budget|loan|grant|settlement|penalty|bonus|salary|contract|investment|donation|payout|payment|refund|ransom|prize|award|valuation|deficit|funding|cut|hike|credit";
/** A sum: "$144 million", "£2.5bn", "€300". */
const SUM = "[$£€]\\s?(\\d[\\d.,]*(?:\\s?(?:million|billion|trillion|m|bn))?)";
/** The noun, perhaps after one word that says which ("breakup fee"), then no further noun. */
const NOUN = `((?:[\\p{Ll}-]+\\s+)?(?:${MONEY_NOUN}))(?=\\s+(?:to|for|of|from|in|on|that|which|with|by|payable|was|is|will|would)\\b|[,.;:)]|$)`;
/** "a $144 million breakup fee" and "a termination fee of $15 million". */
const SUM_FIRST = new RegExp(`\\b(?:a|an|the)\\s+${SUM}\\s+${NOUN}`, "gu");
const SUM_AFTER = new RegExp(
  `\\b(?:a|an|the)\\s+(?:[\\p{Ll}-]+\\s+){0,3}?${NOUN.replace("(?=", "(?=\\s+of\\s+[$£€]|")}\\s+of\\s+${SUM}`,
  "gu",
);

/** "How much is the <noun>?" for each sum a sentence of `text` gives a money noun. */
export function moneyNounQuestions(text: string, sentences: readonly Span[]): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  for (const span of sentences) {
    const sentence = text.slice(span.start, span.end);
    const found = [
      ...[...sentence.matchAll(SUM_FIRST)].map((m) => ({ noun: m[2]!, sum: m[1]! })),
      ...[...sentence.matchAll(SUM_AFTER)].map((m) => ({ noun: m[1]!, sum: m[2]! })),
    ];
    for (const { noun, sum } of found) {
      const question = `How much is the ${noun}?`;
      if (out.some((c) => c.question === question)) continue;
      out.push({ question, kind: "how-much", at: span.start, expect: sum.replace(/[.,]$/, "") });
    }
  }
  return out;
}

/**
 * The answer rules, one per answer form (question.ts). A new rule: a module in this folder
 * exporting an `AnswerRule`, its form added to `AnswerForm` and read in question.ts, listed
 * here, with its own test in test/answer/rules/; then refit the decision
 * (`npx tsx scripts/fit-confidence.ts --write`), since its verdict feeds the `typed` feature.
 */
import type { AnswerForm, Question } from "../question.ts";
import type { AnswerRule, SentenceView } from "./types.ts";
import { age } from "./age.ts";
import { describes } from "./describes.ts";
import { kind } from "./kind.ts";
import { named } from "./named.ts";

const RULES: Record<Exclude<AnswerForm, "plain">, AnswerRule> = {
  description: describes,
  age,
  name: named,
  kind,
};

/** Whether `s` answers `q` in the form it asks for; true for a plain question (no form to check). */
export function holdsForm(q: Question, s: SentenceView): boolean {
  return q.form === "plain" ? true : RULES[q.form].holds(q, s);
}

export type { AnswerRule, SentenceView } from "./types.ts";

/**
 * An answer rule: one test of whether a sentence answers in the form a question asks for
 * (question.ts's `AnswerForm`). The answerer counts a sentence as holding the kind asked only
 * when the question's form rule says so; the decision (decision.ts) reads the best sentence's
 * verdict through its `typed` feature, whose weight is fitted (scripts/fit-confidence.ts).
 */
import type { AnswerForm, Question } from "../question.ts";

/** A sentence as a rule reads it: its text, and the sentence before it in the same paragraph. */
export interface SentenceView {
  text: string;
  before?: string;
}

export interface AnswerRule {
  /** The form it checks. */
  form: Exclude<AnswerForm, "plain">;
  /** Whether `s` answers `q` in that form, about `q.focus`. */
  holds(q: Question, s: SentenceView): boolean;
}

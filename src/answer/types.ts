import type { AnswerResult, RetrievedPassage } from "../types.ts";
export interface AnswerOptions {
  onPartial?: (text: string) => void;
  signal?: AbortSignal;
  /** Earlier turns of the conversation, oldest first. */
  history?: ReadonlyArray<{ question: string; answer: string }>;
  /** The question as the user typed it, when `question` is its resolved form. */
  asked?: string;
}
export interface Answerer {
  readonly name: string;
  answer(question: string, passages: RetrievedPassage[], opts?: AnswerOptions): Promise<AnswerResult>;
}

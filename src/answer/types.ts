import type { AnswerResult, RetrievedPassage } from "../types.ts";
import type { QueryTerms } from "../retrieve/query.ts";
export interface AnswerOptions {
  /** Retrieval's analysis of the question (its stems and their IDF in the library), when known. */
  query?: QueryTerms;
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

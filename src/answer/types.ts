import type { AnswerResult, RetrievedPassage } from "../types.ts";
import type { QueryTerms } from "../retrieve/query.ts";
export interface AnswerOptions {
  /** Retrieval's analysis of the question (its stems and their IDF in the library), when known. */
  query?: QueryTerms;
  onPartial?: (text: string) => void;
  signal?: AbortSignal;
}
export interface Answerer {
  readonly name: string;
  answer(question: string, passages: RetrievedPassage[], opts?: AnswerOptions): Promise<AnswerResult>;
}

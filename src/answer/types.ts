import type { AnswerResult, RetrievedPassage } from "../types.ts";
export interface AnswerOptions {
  onPartial?: (text: string) => void;
  signal?: AbortSignal;
}
export interface Answerer {
  readonly name: string;
  answer(question: string, passages: RetrievedPassage[], opts?: AnswerOptions): Promise<AnswerResult>;
}

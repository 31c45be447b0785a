/** What every answerer implements, and what it says when the articles do not hold the answer. */
import type { AnswerResult, RetrievedPassage } from "../types.ts";
import type { QueryTerms } from "../retrieve/query.ts";

/** The answer given when the articles do not hold one, whichever answerer abstains. */
export const NOT_FOUND_ANSWER = "I couldn't find that in your articles.";

/** What an answerer may be told besides the question and the passages. */
export interface AnswerOptions {
  /** Retrieval's analysis of the question (its stems and their IDF in the library), when known. */
  query?: QueryTerms;
  /** Called with the answer text so far, while a model streams it. */
  onPartial?: (text: string) => void;
  signal?: AbortSignal;
  /** Earlier turns of the conversation, oldest first. */
  history?: ReadonlyArray<{ question: string; answer: string }>;
  /** The question as the user typed it, when `question` is its resolved form. */
  asked?: string;
}

/** Answers a question from retrieved passages, citing them with [n] markers. */
export interface Answerer {
  /** "extractive" or "chat:<model>", as logs and the bot's start-up line show it. */
  readonly name: string;
  /** The answer to `question` from `passages`, or NOT_FOUND_ANSWER with `abstained` set. */
  answer(question: string, passages: RetrievedPassage[], opts?: AnswerOptions): Promise<AnswerResult>;
}

/**
 * A news set asked as a chat asks it: each question right after its page was shared, so that
 * the conversation is on that page (conversation/article-focus.ts): asked of the page first,
 * then of the whole library when the page declines. Reported beside the library-wide figures,
 * which ask every question of the whole library with no conversation.
 */
import { askWithFocus } from "../conversation/article-focus.ts";
import { renderAnswerText } from "../answer/render-text.ts";
import type { Footnote } from "../types.ts";
import type { EvalQuestion } from "./datasets.ts";

/** The answer figures of questions asked right after sharing their page. */
export interface AfterSharing {
  answer_containment: number;
  abstention: number;
  false_abstention: number;
}

/**
 * Asks each of `questions` with its page (`articleIds`: page → article id) in focus, and scores
 * the replies as the eval does (`holdsGold`: whether a rendered reply holds one of the gold answers).
 */
export async function askAfterSharing(
  footnote: Pick<Footnote, "ask">,
  library: string,
  questions: readonly EvalQuestion[],
  articleIds: ReadonlyMap<string, string>,
  holdsGold: (reply: string, gold: readonly string[]) => boolean,
): Promise<AfterSharing> {
  let contained = 0;
  let declinedAnswerable = 0;
  let declinedOther = 0;
  let answerable = 0;
  for (const qa of questions) {
    const { result } = await askWithFocus(footnote, library, qa.question, {}, articleIds.get(qa.article));
    if (qa.gold.length === 0) {
      if (result.abstained) declinedOther++;
      continue;
    }
    answerable++;
    if (result.abstained) declinedAnswerable++;
    else if (holdsGold(renderAnswerText(result), qa.gold)) contained++;
  }
  const unanswerable = questions.length - answerable;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    answer_containment: r3(answerable ? contained / answerable : 0),
    abstention: r3(unanswerable ? declinedOther / unanswerable : 0),
    false_abstention: r3(answerable ? declinedAnswerable / answerable : 0),
  };
}

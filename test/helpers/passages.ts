/**
 * A retrieved passage whose sentences are already scored, as hybrid retrieval hands them to the
 * answerer: for answerer tests that set each sentence's match by hand.
 */
export interface ScoredSentence {
  /** The sentence, found in the passage's text by its first occurrence. */
  s: string;
  coverage: number;
  /** The question's stems it holds (the decision's features read them). */
  matched?: string[];
}

export function scoredPassage(
  text: string,
  sentences: ScoredSentence[],
  fields: { id?: number; articleId?: string; title?: string } = {},
) {
  return {
    id: fields.id ?? 1,
    articleId: fields.articleId ?? "a",
    index: 0,
    start: 0,
    end: text.length,
    text,
    title: fields.title ?? "T",
    url: null,
    score: 1,
    sentences: sentences.map(({ s, coverage, matched = [] }) => {
      const start = text.indexOf(s);
      if (start < 0) throw new Error(`"${s}" is not in the passage`);
      return { start, end: start + s.length, coverage, pairs: 0, score: coverage, matched };
    }),
  };
}

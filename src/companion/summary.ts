/**
 * A summary in the shape of an answer: the gist's sentences, each with its [n] marker, and a
 * citation per sentence quoting it where the article has it (the passage it is in found by
 * the caller's `locate`). `summary --json` prints this as `ask --json` prints an answer.
 */
import type { AnswerResult, Citation, Passage } from "../types.ts";
import { extractiveGist } from "./gist.ts";

/** The article a summary is of. */
export interface ArticleForSummary {
  id: string;
  title: string;
  url: string | null;
  text: string;
  language: string;
}

/** The stored passage that holds [start, end) of an article's text. */
export type LocatePassage = (start: number, end: number) => Promise<Passage | undefined>;

/** The extractive summary: the gist's sentences, verbatim, each cited. */
export async function extractiveSummary(
  article: ArticleForSummary,
  locate: LocatePassage,
): Promise<AnswerResult> {
  const sentences = extractiveGist(article.text, article.language);
  if (sentences.length === 0) return { answer: "", abstained: true, citations: [] };
  const citations: Citation[] = [];
  for (const [i, s] of sentences.entries()) {
    const passage = await locate(s.start, s.end);
    citations.push({
      n: i + 1,
      articleId: article.id,
      title: article.title,
      url: article.url,
      quote: s.text,
      start: s.start,
      end: s.end,
      passageId: passage?.id ?? -1,
    });
  }
  return {
    answer: sentences.map((s, i) => `${s.text} [${i + 1}]`).join(" "),
    abstained: false,
    citations,
  };
}

/** The summary as plain text, for under "Added …": its markers taken out. */
export function gistText(summary: AnswerResult): string | undefined {
  if (summary.abstained) return undefined;
  const text = summary.answer
    .replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text || undefined;
}

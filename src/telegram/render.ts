/** Answers as Telegram HTML: every piece of user and article text escaped. */
import type { AnswerResult, Citation } from "../types.ts";
import { titleLink, truncate } from "./html.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { packBlocks, TELEGRAM_MESSAGE_LIMIT } from "./split.ts";

export const NOTHING_FOUND =
  "I found nothing about that in this chat's articles. Add one with /ingest followed by a link or the article's text.";

/** Quotes longer than this start folded (Telegram's expandable blockquote). */
const EXPANDABLE_QUOTE = 700;

/** How a citation names its source, in the reader's language (messages.ts). */
export interface SourceLabels {
  /** The article's title as HTML, linked when it has a URL. */
  titleHtml(title: string, url: string | null): string;
  /** Plain text for a second quote from the article above it. */
  sameArticle: string;
}

const ENGLISH_LABELS: SourceLabels = {
  titleHtml: (title, url) => titleLink(title || "Untitled", url),
  sameArticle: "same article",
};

/** The answer, then each cited passage quoted under its numbered, linked title. */
export function renderAnswer(
  result: AnswerResult,
  limit = TELEGRAM_MESSAGE_LIMIT,
  labels: SourceLabels = ENGLISH_LABELS,
): string[] {
  if (result.abstained || result.answer.trim() === "") return [escapeHtml(NOTHING_FOUND)];
  const blocks = paragraphs(result.answer).map((p) => escapeHtml(p));
  result.citations.forEach((c, i) => blocks.push(renderCitation(c, result.citations[i - 1], labels)));
  return packBlocks(blocks, limit);
}

/** A quote under its numbered, linked title; a second quote from the same article does not repeat the title. */
export function renderCitation(
  c: Citation,
  previous?: Citation,
  labels: SourceLabels = ENGLISH_LABELS,
): string {
  const quote = c.quote.trim();
  const open = quote.length > EXPANDABLE_QUOTE ? "<blockquote expandable>" : "<blockquote>";
  const source =
    previous?.articleId === c.articleId
      ? `<i>${escapeHtml(labels.sameArticle)}</i>`
      : labels.titleHtml(c.title, c.url);
  return `<b>[${c.n}]</b> ${source}\n${open}${escapeHtml(quote)}</blockquote>`;
}

/** What a streaming answer looks like before it is complete. */
export function renderPartial(text: string): string {
  return escapeHtml(truncate(text.trim(), TELEGRAM_MESSAGE_LIMIT - 200)) + " …";
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Answers and article lists as Telegram HTML: every piece of user and article text escaped. */
import type { AnswerResult, ArticleSummary, Citation } from "../types.ts";
import { escapeHtml, titleLink, truncate } from "./html.ts";
import { packBlocks, TELEGRAM_MESSAGE_LIMIT } from "./split.ts";

export const NOTHING_FOUND =
  "I found nothing about that in this chat's articles. Add one with /ingest followed by a link or the article's text.";

/** Quotes longer than this start folded (Telegram's expandable blockquote). */
const EXPANDABLE_QUOTE = 700;

/** The answer, then each cited passage quoted under its numbered, linked title. */
export function renderAnswer(result: AnswerResult, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (result.abstained || result.answer.trim() === "") return [escapeHtml(NOTHING_FOUND)];
  const blocks = paragraphs(result.answer).map(escapeHtml);
  result.citations.forEach((c, i) => blocks.push(renderCitation(c, result.citations[i - 1])));
  return packBlocks(blocks, limit);
}

/** A quote under its numbered, linked title; a second quote from the same article does not repeat the title. */
export function renderCitation(c: Citation, previous?: Citation): string {
  const quote = c.quote.trim();
  const open = quote.length > EXPANDABLE_QUOTE ? "<blockquote expandable>" : "<blockquote>";
  const source =
    previous?.articleId === c.articleId ? "<i>same article</i>" : titleLink(c.title || "Untitled", c.url);
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

export const LIST_PAGE_SIZE = 10;

export interface ListPage {
  html: string;
  page: number;
  pages: number;
}

/** One page of a chat's articles, newest first, with ids for /forget. */
export function renderList(
  articles: readonly ArticleSummary[],
  page: number,
  pageSize = LIST_PAGE_SIZE,
): ListPage {
  if (articles.length === 0) {
    return {
      html: escapeHtml(
        "No articles in this chat yet. Add one with /ingest followed by a link or the article's text.",
      ),
      page: 0,
      pages: 1,
    };
  }
  const sorted = [...articles].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const pages = Math.ceil(sorted.length / pageSize);
  const p = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  const lines = sorted.slice(p * pageSize, (p + 1) * pageSize).map((a) => {
    // Labelled: a publication date and the day it was added are not the same thing.
    const date = a.publishedAt
      ? `published ${a.publishedAt.slice(0, 10)}`
      : `added ${a.createdAt.slice(0, 10)}`;
    const passages = `${a.chunks} passage${a.chunks === 1 ? "" : "s"}`;
    return `<code>${escapeHtml(a.id)}</code> ${titleLink(truncate(a.title || "Untitled", 120), a.url)}\n${escapeHtml(date)} · ${passages}`;
  });
  const header = `<b>Articles in this chat (${sorted.length})</b>${pages > 1 ? ` — page ${p + 1} of ${pages}` : ""}`;
  const footer = "Forget one with /forget &lt;id&gt;.";
  return { html: [header, ...lines, footer].join("\n\n"), page: p, pages };
}

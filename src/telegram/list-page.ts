/** /list as Telegram HTML, in the user's language: every piece of article text escaped. */
import type { ArticleSummary } from "../types.ts";
import { truncate } from "./html.ts";
import { escapeHtml } from "../text/escape-html.ts";
import type { Translator } from "./i18n.ts";
import { messages } from "./messages.ts";

export const LIST_PAGE_SIZE = 10;

export interface ListPage {
  html: string;
  page: number;
  pages: number;
}

/** One page of a chat's articles, newest first, with ids for /forget. */
export function renderList(
  tr: Translator,
  articles: readonly ArticleSummary[],
  page: number,
  pageSize = LIST_PAGE_SIZE,
): ListPage {
  const { t } = tr;
  if (articles.length === 0) return { html: escapeHtml(t("list-empty")), page: 0, pages: 1 };
  const { titleHtml } = messages(tr);
  const sorted = [...articles].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const pages = Math.ceil(sorted.length / pageSize);
  const p = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  const lines = sorted.slice(p * pageSize, (p + 1) * pageSize).map((a) => {
    // Labelled: a publication date and the day it was added are not the same thing.
    const date = a.publishedAt
      ? t("list-published", { date: a.publishedAt.slice(0, 10) })
      : t("list-added", { date: a.createdAt.slice(0, 10) });
    const passages = t("list-passages", { chunks: a.chunks });
    return `<code>${escapeHtml(a.id)}</code> ${titleHtml(truncate(a.title, 120), a.url)}\n${escapeHtml(date)} · ${escapeHtml(passages)}`;
  });
  const pageNote = pages > 1 ? ` ${escapeHtml(t("list-page", { page: p + 1, pages }))}` : "";
  const header = t("list-header-html", { count: sorted.length }) + pageNote;
  return { html: [header, ...lines, t("list-footer-html")].join("\n\n"), page: p, pages };
}

/**
 * HTML for Telegram's parse_mode "HTML": links, shortening, and a plain-text fallback. User and
 * article text is escaped with escapeHtml (text/escape-html.ts).
 */
import { escapeHtml } from "../text/escape-html.ts";

/** Only web links: Telegram rejects or mangles other schemes, and `javascript:` has no place here. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** A linked title when the URL is usable, else the title in bold. */
export function titleLink(title: string, url: string | null | undefined): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(title)}</a>` : `<b>${escapeHtml(title)}</b>`;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** What Telegram would show for this HTML, for resending as plain text when it refuses the markup. */
export function htmlToPlain(html: string): string {
  return html
    .replace(
      /<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gs,
      (_m, href: string, inner: string) => `${inner} (${href})`,
    )
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
      if (e.startsWith("#x")) return safeCodePoint(parseInt(e.slice(2), 16)) ?? m;
      if (e.startsWith("#")) return safeCodePoint(parseInt(e.slice(1), 10)) ?? m;
      return NAMED[e] ?? m;
    });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Shortens to at most `max` UTF-16 units without cutting a surrogate pair. */
export function truncate(text: string, max: number, ellipsis = "…"): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - ellipsis.length);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut).trimEnd() + ellipsis;
}

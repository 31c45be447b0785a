/**
 * Rows as both backends store and read them, and their codecs: SQLite and PostgreSQL name the
 * columns the same, so one set of helpers turns a row into the passages and summaries the rest
 * of footnote sees. It belongs to neither backend.
 */
import type { ArticleSummary, Passage } from "../types.ts";
import { answerSpans } from "../text/sentences.ts";
import type { Span } from "../text/span.ts";

/** An article's row as both backends store it (snake_case columns). */
export interface ArticleRow {
  id: string;
  title: string;
  url: string | null;
  byline: string | null;
  published_at: string | null;
  created_at: string;
  chunks: number;
  chars: number;
}

/** A passage row as both backends read it (their SQL names the columns the same). */
export interface PassageRow {
  sentences?: Buffer | null;
  id: number;
  article_id: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  title: string;
  url: string | null;
  language?: string | null;
}

/** A passage's sentence spans, relative to it, as pairs of 16-bit offsets (passages are short). */
export function encodeSpans(text: string): Buffer | null {
  if (text.length > 0xffff) return null;
  // Furniture lines left in text stored before the cleaner knew them are no sentences to match.
  const spans = answerSpans(text);
  const a = new Uint16Array(spans.length * 2);
  spans.forEach((s, i) => {
    a[2 * i] = s.start;
    a[2 * i + 1] = s.end;
  });
  return Buffer.from(a.buffer);
}

/** Rows to passages in the order of `ids`; ids with no row (forgotten meanwhile) are left out. */
export function passagesInOrder(
  ids: number[],
  byId: ReadonlyMap<number, PassageRow>,
): Array<Passage & { sentences?: Span[] }> {
  const out: Array<Passage & { sentences?: Span[] }> = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    const p: Passage & { sentences?: Span[] } = {
      id: r.id,
      articleId: r.article_id,
      index: r.idx,
      start: r.start,
      end: r.end,
      text: r.text,
      title: r.title,
      url: r.url,
    };
    if (r.language) p.language = r.language;
    if (r.sentences) p.sentences = decodeSpans(r.sentences, r.start);
    out.push(p);
  }
  return out;
}

/** Spans stored by encodeSpans, moved to article offsets. */
export function decodeSpans(blob: Buffer, offset: number): Span[] {
  // A typed view needs an aligned offset; copy the odd case.
  const bytes = blob.byteOffset % 2 === 0 ? blob : Buffer.from(blob);
  const a = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
  const spans: Span[] = [];
  for (let i = 0; i + 1 < a.length; i += 2) spans.push({ start: a[i]! + offset, end: a[i + 1]! + offset });
  return spans;
}

/** An article row as the list shows it. */
export function articleSummary(r: ArticleRow, libraryId: string): ArticleSummary {
  return {
    id: r.id,
    libraryId,
    title: r.title,
    url: r.url,
    byline: r.byline,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    chunks: r.chunks,
    chars: r.chars,
  };
}

/**
 * One entry point from an `IngestSource` (a URL, pasted text, an uploaded file) to an
 * `ArticleInput` whose text is cleaned and normalised, with title, URL, byline and date
 * filled in when the source names them.
 */
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import type { ArticleInput, IngestSource } from "../types.ts";
import { cleanArticle } from "./clean.ts";
import { assertReadableType, looksLikeHtml, readDocument, tooLong, type RawArticle } from "./documents.ts";
import { extractHtml } from "./extract-html.ts";
import { fetchUrl } from "./fetch.ts";

export interface ReadOptions {
  config: Config;
  signal?: AbortSignal;
  /** Replaces undici's fetch (tests only); it is still given the guarded dispatcher. */
  fetch?: typeof fetch;
}

export async function readSource(source: IngestSource, opts: ReadOptions): Promise<ArticleInput> {
  const { config } = opts;
  switch (source.kind) {
    case "url": {
      const page = await fetchUrl(source.url, {
        config,
        accept: assertReadableType,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      });
      opts.signal?.throwIfAborted();
      const raw = await readDocument(
        { bytes: page.bytes, contentType: page.contentType, url: page.url },
        config,
      );
      return finish({ ...raw, url: raw.url ?? page.url }, "url", config);
    }
    case "text": {
      const text = source.text;
      if (text.length > config.MAX_ARTICLE_CHARS * 4) throw tooLong(config.MAX_ARTICLE_CHARS);
      if (/\u0000/.test(text) || controlShare(text) > 0.1) {
        throw new FootnoteError(
          "BINARY_INPUT",
          "This looks like a binary file (not text); send text, HTML, Markdown or PDF.",
        );
      }
      const wellFormed = text.replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        "\ufffd",
      );
      const raw: RawArticle = looksLikeHtml(wellFormed)
        ? await extractHtml(wellFormed)
        : { text: wellFormed };
      const title = source.title?.trim();
      return finish(title ? { ...raw, title } : raw, "text", config);
    }
    case "file": {
      const raw = await readDocument(
        {
          bytes: source.bytes,
          ...(source.contentType ? { contentType: source.contentType } : {}),
          ...(source.filename ? { filename: source.filename } : {}),
        },
        config,
      );
      const title = source.title?.trim();
      return finish(title ? { ...raw, title } : raw, "file", config, source.filename);
    }
  }
}

function controlShare(text: string): number {
  const head = text.slice(0, 8192);
  const control = head.match(/[\u0001-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
  return head.length === 0 ? 0 : control / head.length;
}

function finish(
  raw: RawArticle,
  kind: ArticleInput["source"],
  config: Config,
  filename?: string,
): ArticleInput {
  const cleaned = cleanArticle(raw.text, raw.title ? { title: raw.title } : undefined);
  const text = cleaned.text;
  if (text.trim() === "") {
    throw new FootnoteError(
      "EMPTY_ARTICLE",
      "There is no text to store: the source is empty, or has only page furniture. Send an article with some text in it.",
    );
  }
  if (text.length > config.MAX_ARTICLE_CHARS) throw tooLong(config.MAX_ARTICLE_CHARS, text.length);

  const article: ArticleInput = {
    text,
    title: raw.title?.trim() || cleaned.title || fallbackTitle(text, filename),
    source: kind,
  };
  if (raw.url) article.url = raw.url;
  const byline = raw.byline ?? cleaned.byline;
  if (byline) article.byline = byline;
  const publishedAt = raw.publishedAt ?? cleaned.publishedAt;
  if (publishedAt) article.publishedAt = publishedAt;
  return article;
}

/** The first line when it is short and not a sentence, else its first words; never empty. */
export function fallbackTitle(text: string, filename?: string): string {
  const firstLine =
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  if (firstLine && firstLine.length <= 120 && !/[.!?;,:]["'”’)]*$/.test(firstLine)) return firstLine;
  const words = firstLine.split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const head = words
      .slice(0, 8)
      .join(" ")
      .slice(0, 100)
      .replace(/[.,;:!?]+$/, "");
    return head.length < firstLine.length ? `${head}…` : head;
  }
  return filename?.replace(/\.[a-z0-9]{1,10}$/i, "") || "Untitled";
}

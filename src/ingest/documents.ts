/**
 * Bytes (an uploaded file or a fetched body) → raw article text, by kind: HTML, plain text,
 * Markdown or PDF. The kind comes from the content type, then the file name, then the bytes.
 */
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import { extractHtml } from "./extract-html.ts";

export type DocKind = "html" | "text" | "markdown" | "pdf";

export interface RawArticle {
  text: string;
  title?: string;
  byline?: string;
  publishedAt?: string;
  url?: string;
}

export interface DocumentInput {
  bytes: Uint8Array;
  contentType?: string;
  filename?: string;
  /** The page URL for fetched HTML (resolves relative canonical links). */
  url?: string;
}

export const READABLE = "web pages (HTML), plain text (.txt), Markdown (.md) and PDF";

const MIME_KINDS: Record<string, DocKind> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
};
/** Types that say nothing about the content: decide from the name or the bytes. */
const GENERIC_MIMES = new Set([
  "",
  "application/octet-stream",
  "binary/octet-stream",
  "application/unknown",
  "application/binary",
  "application/x-download",
  "application/force-download",
]);
const EXT_KINDS: Record<string, DocKind> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  pdf: "pdf",
};

/** Lowercased MIME type and charset of a Content-Type header. */
export function parseContentType(header: string | undefined): { mime: string; charset?: string } {
  if (!header) return { mime: "" };
  const [type = "", ...params] = header.split(";");
  const charsetParam = params.map((p) => p.trim()).find((p) => /^charset\s*=/i.test(p));
  const charset = charsetParam
    ?.split("=")[1]
    ?.trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  return { mime: type.trim().toLowerCase(), ...(charset ? { charset } : {}) };
}

function unsupported(what: string): FootnoteError {
  return new FootnoteError("UNSUPPORTED_TYPE", `I can't read ${what}. I can read ${READABLE}.`);
}

/** Refuses a Content-Type that is neither readable nor generic (so the body is never read). */
export function assertReadableType(contentType: string | undefined): void {
  const { mime } = parseContentType(contentType);
  if (MIME_KINDS[mime] || GENERIC_MIMES.has(mime)) return;
  throw unsupported(`this type of content (${mime})`);
}

function extensionOf(filename: string | undefined): string {
  const match = /\.([a-z0-9]{1,10})$/i.exec(filename ?? "");
  return match ? match[1]!.toLowerCase() : "";
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const isPdf = (bytes: Uint8Array) => latin1(bytes.subarray(0, 1024)).includes("%PDF-");
const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/** A name for well-known binary formats, from their first bytes. */
function binaryFormat(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "a PNG image";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "a JPEG image";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "a GIF image";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "a ZIP archive or Office document";
  if (startsWith(bytes, [0x1f, 0x8b])) return "a gzip archive";
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "a program";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "an old Office document";
  return undefined;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** NUL bytes, or more than 10% control characters, in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f)
      control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

function binaryError(bytes: Uint8Array): FootnoteError {
  return new FootnoteError(
    "BINARY_INPUT",
    `This looks like a binary file (${binaryFormat(bytes) ?? "not text"}); send text, HTML, Markdown or PDF.`,
  );
}

/** Decides the kind of a document, or throws UNSUPPORTED_TYPE / BINARY_INPUT. */
export function documentKind(input: DocumentInput): DocKind {
  const { bytes } = input;
  if (isPdf(bytes)) return "pdf";
  const { mime } = parseContentType(input.contentType);
  const ext = extensionOf(input.filename);
  let kind: DocKind | undefined = MIME_KINDS[mime];
  if (kind === "pdf")
    throw new FootnoteError(
      "BAD_INPUT",
      "This file says it is a PDF but does not start like one; it may be damaged.",
    );
  if (!kind && !GENERIC_MIMES.has(mime))
    throw unsupported(ext ? `.${ext} files (${mime})` : `this type of file (${mime})`);
  // text/plain is what many clients call any text file: the extension knows better.
  if ((!kind || kind === "text") && ext) {
    const fromExt = EXT_KINDS[ext];
    if (fromExt === "pdf")
      throw new FootnoteError("BAD_INPUT", "This file is named .pdf but is not a PDF; it may be damaged.");
    if (fromExt) kind = fromExt;
    else if (!kind && !looksTextual(bytes)) throw unsupported(`.${ext} files`);
  }
  if (looksBinary(bytes)) throw binaryError(bytes);
  if (!kind) kind = sniffsHtml(latin1(bytes.subarray(0, 4096))) ? "html" : "text";
  return kind;
}

function looksTextual(bytes: Uint8Array): boolean {
  return !looksBinary(bytes) && binaryFormat(bytes) === undefined;
}

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;
/** HTML by its start, or by having many tags. */
export function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text.slice(0, 2048))) return true;
  const tags = text
    .slice(0, 100_000)
    .match(
      /<\/?(?:p|div|span|a|h[1-6]|li|ul|ol|br|article|section|body|main|table|tr|td|em|strong|img|blockquote)\b[^>]*>/gi,
    );
  return (tags?.length ?? 0) >= 8 && /<\/(?:p|div|li|h[1-6]|article|section|td)>/i.test(text);
}
const sniffsHtml = (head: string) => HTML_START.test(head);

// ---------------------------------------------------------------------------------------
// Decoding

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // an unknown charset label: fall back to UTF-8
  }
}

/** Cyrillic or other text wrongly read as Windows-1252 shows as a soup of accented letters. */
function readsSensibly(text: string): boolean {
  if (/[\u0080-\u009f]/.test(text)) return false;
  const visible = text.match(/\S/g)?.length ?? 0;
  const nonAscii = text.match(/[^\x00-\x7f]/g)?.length ?? 0;
  return visible > 0 && nonAscii / visible <= 0.3;
}

/**
 * Text from bytes. A declared charset is honoured; otherwise UTF-8 (strict), and Windows-1252
 * for legacy files only when the result reads sensibly.
 */
export function decodeText(bytes: Uint8Array, charset?: string, opts: { lenient?: boolean } = {}): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const declared = decoderFor(charset);
  if (declared && declared.encoding !== "utf-8") return declared.decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const legacy = new TextDecoder("windows-1252").decode(bytes);
    if (readsSensibly(legacy)) return legacy;
    if (opts.lenient) return new TextDecoder("utf-8").decode(bytes);
    throw new FootnoteError(
      "BAD_INPUT",
      'This file is not valid UTF-8 text. Save it as UTF-8 (most editors offer this under "Save as") and send it again.',
    );
  }
}

/**
 * An HTML page's text: BOM, then the HTTP charset, then <meta charset>, then UTF-8. A page saved
 * from a browser ("Save as") is written in UTF-8 but keeps the <meta charset> it was served
 * with (qq.com's gb2312): bytes that are valid UTF-8 with characters beyond ASCII are read as
 * UTF-8 whatever the <meta> says, as browsers read local files. Text in a legacy encoding is
 * almost never valid UTF-8 by chance. The HTTP header, the server's word, still wins.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string): string {
  if (decoderFor(headerCharset)) return decodeText(bytes, headerCharset, { lenient: true });
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(latin1(bytes.subarray(0, 4096)))?.[1];
  if (meta && bytes.some((b) => b >= 0x80)) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: the page is in the charset its <meta> names.
    }
  }
  return decodeText(bytes, meta, { lenient: true });
}

// ---------------------------------------------------------------------------------------

/** Reads a document's raw text by kind (not yet cleaned). */
export async function readDocument(input: DocumentInput, config: Config): Promise<RawArticle> {
  const kind = documentKind(input);
  const limit = config.MAX_ARTICLE_CHARS;
  // PDFs carry fonts and images, so their bytes say less about their text length.
  if (input.bytes.byteLength > limit * (kind === "pdf" ? 16 : 4)) throw tooLong(limit);
  const { charset } = parseContentType(input.contentType);
  switch (kind) {
    case "pdf":
      return readPdf(input.bytes);
    case "html":
      return extractHtml(decodeHtml(input.bytes, charset), input.url);
    case "markdown":
      return markdownToText(decodeText(input.bytes, charset));
    case "text":
      return { text: decodeText(input.bytes, charset) };
  }
}

export function tooLong(limit: number, actual?: number): FootnoteError {
  const size =
    actual === undefined ? "This is" : `This article has ${actual.toLocaleString("en-US")} characters,`;
  return new FootnoteError(
    "TOO_LARGE",
    `${size} over the limit of ${limit.toLocaleString("en-US")} characters (MAX_ARTICLE_CHARS). Send a shorter text, or split it into parts.`,
  );
}

async function readPdf(bytes: Uint8Array): Promise<RawArticle> {
  const { getDocumentProxy, extractText, getMeta } = await import("unpdf");
  // unpdf's own types point into a pdf.js build it does not ship, so they resolve to nothing
  // here: name the one method this function calls itself.
  let pdf: { destroy(): Promise<void> };
  try {
    // pdf.js may take over the buffer it is given: hand it a copy.
    pdf = (await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })) as { destroy(): Promise<void> };
  } catch (error) {
    const password = (error as { name?: string }).name === "PasswordException";
    throw new FootnoteError(
      "BAD_INPUT",
      password
        ? "This PDF is protected by a password; send a copy without one."
        : "I could not read this PDF; it may be damaged.",
      { cause: error },
    );
  }
  try {
    // mergePages: true would squash every line break into a space; keep pages and lines.
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const text = pages.map(reflowPdfPage).filter(Boolean).join("\n\n");
    if (!/[\p{L}\p{N}]/u.test(text)) {
      throw new FootnoteError(
        "NO_ARTICLE",
        "This PDF has no text (a scan?): I can only read PDFs with a text layer. Run it through OCR, or paste the text.",
      );
    }
    const info = await getMeta(pdf).then(
      (m) => m.info,
      () => undefined,
    );
    const title = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim() : undefined;
    return { text, ...(title ? { title } : {}) };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}

/**
 * A PDF page comes as visual lines. Lines are joined into paragraphs, and a paragraph ends at
 * a line clearly shorter than the page's full lines (a last line, a heading), or at a
 * sentence end on a line that is not full.
 */
export function reflowPdfPage(page: string): string {
  const lines = page.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
  const lengths = lines
    .filter(Boolean)
    .map((l) => l.length)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return "";
  const full = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))]!;
  const paragraphs: string[] = [];
  let current = "";
  for (const line of lines) {
    if (line === "") {
      if (current) paragraphs.push(current);
      current = "";
      continue;
    }
    current = current === "" ? line : current.endsWith("-") ? current + line : `${current} ${line}`;
    const ends = /[.!?…:]["'”’)\]]*$/.test(line);
    if (line.length < full * 0.6 || (ends && line.length < full * 0.85)) {
      paragraphs.push(current);
      current = "";
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.join("\n\n");
}

// ---------------------------------------------------------------------------------------
// Markdown, lightly: the words stay, the markup goes.

export function markdownToText(md: string): RawArticle {
  let lines = md.replace(/\r\n?/g, "\n").split("\n");
  let title: string | undefined;

  // YAML front matter: keep its title, drop the rest.
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (end > 0 && end < 100) {
      const fm = lines.slice(1, end).find((l) => /^title\s*:/i.test(l));
      if (fm)
        title =
          fm
            .replace(/^title\s*:\s*/i, "")
            .replace(/^["']|["']$/g, "")
            .trim() || undefined;
      lines = lines.slice(end + 1);
    }
  }

  const out: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^\s{0,3}(```+|~~~+)/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0];
      else if (fenceMatch[1]![0] === fence) fence = undefined;
      continue;
    }
    if (fence) {
      out.push(line);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      const text = inline(heading[2]!);
      if (heading[1] === "#" && title === undefined && text) title = text;
      out.push(text);
      continue;
    }
    // Setext underline: the line above was a heading.
    if (/^\s{0,3}(?:=+|-+)\s*$/.test(line) && out.length > 0 && out[out.length - 1]!.trim() !== "") {
      if (line.includes("=") && title === undefined) title = out[out.length - 1]!.trim();
      continue;
    }
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) continue; // thematic break
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    out.push(inline(line.replace(/^(\s{0,3}>\s?)+/, "")));
  }
  const text = out.join("\n").replace(/<!--[\s\S]*?-->/g, "");
  return { text, ...(title ? { title } : {}) };
}

function inline(line: string): string {
  // Code spans keep their content as written.
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/^`+|`+$/g, "") : inlineMarkup(part)))
    .join("");
}

function inlineMarkup(s: string): string {
  return (
    s
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
      // Spans are bounded so that a line full of stray * or _ cannot make this quadratic.
      .replace(/(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*])/g, "$2")
      .replace(/(?<![\w*\\])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])/g, "$1")
      .replace(/(?<![\w\\])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?!\w)/g, "$1")
      .replace(/~~(?=\S)(.{1,300}?)(?<=\S)~~/g, "$1")
  );
}

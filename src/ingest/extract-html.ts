/**
 * HTML → the article it carries, with Readability on a jsdom document that runs no scripts
 * and loads nothing. The text is rebuilt from the article's DOM so that paragraphs, headings
 * and list items stay separate paragraphs (Readability's textContent runs them together).
 */
import { Readability } from "@mozilla/readability";
import { FootnoteError } from "../errors.ts";
import type * as Jsdom from "jsdom";

export interface ExtractedHtml {
  text: string;
  title?: string;
  byline?: string;
  publishedAt?: string;
  /** <link rel=canonical>, else og:url, else the page URL; only http(s). */
  url?: string;
}

const MIN_ARTICLE_CHARS = 200;

type JsdomModule = typeof Jsdom;
let jsdomModule: Promise<JsdomModule> | undefined;
// jsdom takes a second to load; only pay for it when HTML shows up.
const loadJsdom = () => (jsdomModule ??= import("jsdom"));

export async function extractHtml(html: string, pageUrl?: string): Promise<ExtractedHtml> {
  const { JSDOM, VirtualConsole } = await loadJsdom();
  const baseUrl = pageUrl && /^https?:/i.test(pageUrl) ? pageUrl : undefined;
  const dom = new JSDOM(html, {
    ...(baseUrl ? { url: baseUrl } : {}),
    virtualConsole: new VirtualConsole(), // no listeners: page errors and CSS warnings stay quiet
  });
  try {
    const doc = dom.window.document;
    // Readability changes the document, so read the metadata first.
    const url = canonicalUrl(doc, baseUrl);
    const metaDate = metaPublished(doc);
    const headings = [...doc.querySelectorAll("h1")]
      .map((h) => clean(h.textContent))
      .filter((h): h is string => !!h);

    const article = new Readability<Element>(doc, {
      serializer: (node) => node as Element,
      // The class names mark a picture's caption inside a paragraph (isInlinePicture).
      keepClasses: true,
    }).parse();
    const text = article?.content ? elementText(article.content) : "";
    if (!article || text.length < MIN_ARTICLE_CHARS) {
      throw new FootnoteError(
        "NO_ARTICLE",
        "I could not find an article on that page: it may be a login page, a list of links, or a page that builds its text with JavaScript. Paste the article's text instead.",
      );
    }
    return {
      text,
      title: bestTitle(clean(article.title), headings),
      byline: clean(article.byline),
      publishedAt: toIsoDate(article.publishedTime ?? undefined) ?? metaDate,
      url,
    };
  } finally {
    dom.window.close();
  }
}

/**
 * Readability keeps "Headline | Site name" when it cannot tell the parts apart; the page's
 * own <h1>, when the <title> contains it, is the headline without the site's name.
 */
function bestTitle(title: string | undefined, headings: string[]): string | undefined {
  if (!title) return headings[0];
  const h1 = headings.find(
    (h) => h.length >= 8 && h.length < title.length && title.toLowerCase().includes(h.toLowerCase()),
  );
  return h1 ?? title;
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
}

function canonicalUrl(doc: Document, pageUrl: string | undefined): string | undefined {
  const candidates: string[] = [];
  for (const link of doc.querySelectorAll("link[rel][href]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("canonical")) candidates.push(link.getAttribute("href")!);
  }
  const og = doc.querySelector('meta[property="og:url"], meta[name="og:url"]')?.getAttribute("content");
  if (og) candidates.push(og);
  for (const candidate of candidates) {
    try {
      const resolved = new URL(candidate.trim(), pageUrl);
      if (resolved.protocol === "http:" || resolved.protocol === "https:") return resolved.href;
    } catch {
      // not a URL: try the next one
    }
  }
  return pageUrl;
}

function metaPublished(doc: Document): string | undefined {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  ];
  for (const selector of selectors) {
    const value = toIsoDate(doc.querySelector(selector)?.getAttribute("content") ?? undefined);
    if (value) return value;
  }
  return toIsoDate(doc.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined);
}

/** A date as ISO 8601: YYYY-MM-DD when only a day is given, else a full timestamp. */
export function toIsoDate(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Number.isNaN(Date.parse(v)) ? undefined : v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

// ---------------------------------------------------------------------------------------

const BLOCKS = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN NAV OL P SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL".split(
    " ",
  ),
);
const SKIPPED = new Set(
  "SCRIPT STYLE NOSCRIPT TEMPLATE FIGCAPTION SVG BUTTON INPUT SELECT TEXTAREA IFRAME OBJECT CANVAS VIDEO AUDIO".split(
    " ",
  ),
);

/** Class names that mark a picture's holder ("storyimage", "photo-credit"). */
const PICTURE_CLASS = /image|photo|picture|caption|credit|figure/i;

/**
 * An inline holder of a picture inside the running text (`<span class="storyimage">` with its
 * `<img>`): its text is the picture's caption and credit ("© Provided by Business Insider
 * Inc"), which would otherwise open the paragraph's first sentence.
 */
function isInlinePicture(el: Element): boolean {
  return PICTURE_CLASS.test(el.getAttribute("class") ?? "") && el.querySelector("img, picture") !== null;
}

/** The readable text of an element: one paragraph per block, blank lines between. */
export function elementText(root: Element): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const lines = current
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean);
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3 /* text */) {
      current += (node.nodeValue ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1 /* element */) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true")
      return;
    if (tag === "BR") {
      current += "\n";
      return;
    }
    if (tag === "PRE") {
      flush();
      const pre = (el.textContent ?? "").replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, "");
      if (pre.trim()) paragraphs.push(pre);
      return;
    }
    if (tag === "TD" || tag === "TH") current += " ";
    const block = BLOCKS.has(tag);
    if (!block && isInlinePicture(el)) return;
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

import { describe, expect, it } from "vitest";
import { htmlToPlain, safeHref, titleLink, truncate } from "../../src/telegram/html.ts";
import { escapeHtml } from "../../src/text/escape-html.ts";
import { translator } from "../../src/telegram/i18n.ts";
import { renderList } from "../../src/telegram/list-page.ts";
import { renderAnswer, NOTHING_FOUND } from "../../src/telegram/render.ts";
import { packBlocks, splitBlock } from "../../src/telegram/split.ts";
import type { AnswerResult, ArticleSummary, Citation } from "../../src/types.ts";
import { parseTelegramHtml } from "../helpers/fake-bot-api.ts";

const HOSTILE = `<b>unclosed & "quoted" </blockquote> <a href="javascript:alert(1)">x</a> &amp; &lt; 😀𝒳`;

/** Every part must be valid Telegram HTML within the limit. */
function expectValidParts(parts: string[], limit = 4096) {
  expect(parts.length).toBeGreaterThan(0);
  for (const p of parts) {
    expect(p.length).toBeLessThanOrEqual(limit);
    const parsed = parseTelegramHtml(p);
    expect(parsed.error, p.slice(0, 200)).toBeUndefined();
    expect(parsed.text.trim()).not.toBe("");
    // No lone surrogates: a cut never falls inside an astral character.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(p)).toBe(false);
  }
}

const visible = (parts: string[]) => parts.map((p) => parseTelegramHtml(p).text).join("");
const squash = (s: string) => s.replace(/\s+/g, "");

describe("escapeHtml", () => {
  it("escapes the four special characters and nothing else", () => {
    expect(escapeHtml(`<b>a & "b"</b> 'c' 😀`)).toBe("&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt; 'c' 😀");
    expect(parseTelegramHtml(escapeHtml(HOSTILE))).toEqual({ text: HOSTILE });
  });

  it("links only web URLs, escaping them", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
    expect(titleLink("T<", 'https://e.com/?a=1&b="2"')).toBe(
      '<a href="https://e.com/?a=1&amp;b=%222%22">T&lt;</a>',
    );
    expect(titleLink("T & U", null)).toBe("<b>T &amp; U</b>");
  });

  it("turns HTML back into what a user would read", () => {
    expect(htmlToPlain('<b>a &lt;b&gt;</b> <a href="https://e.com/?a&amp;b">t</a> &quot;')).toBe(
      'a <b> t (https://e.com/?a&b) "',
    );
  });

  it("truncates without splitting a surrogate pair", () => {
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("short", 10)).toBe("short");
  });
});

describe("splitBlock", () => {
  it("cuts 10,000 characters of escaped hostile text into valid parts that keep all the text", () => {
    const raw = Array.from({ length: 200 }, (_, i) => `${i} ${HOSTILE}`).join(" ");
    const block = `<blockquote>${escapeHtml(raw)}</blockquote>`;
    expect(block.length).toBeGreaterThan(10_000);
    const parts = splitBlock(block);
    expect(parts.length).toBeGreaterThan(2);
    expectValidParts(parts);
    for (const p of parts) expect(p.startsWith("<blockquote>") && p.endsWith("</blockquote>")).toBe(true);
    expect(squash(visible(parts))).toBe(squash(raw));
  });

  it("never cuts inside an entity, even with no spaces to cut at", () => {
    const raw = '&<>"'.repeat(3000);
    const parts = splitBlock(`<b>${escapeHtml(raw)}</b>`, 1000);
    expectValidParts(parts, 1000);
    expect(visible(parts)).toBe(raw);
  });

  it("never splits an astral character (Telegram counts UTF-16 units)", () => {
    const raw = "😀".repeat(5000);
    const parts = splitBlock(escapeHtml(raw));
    expectValidParts(parts);
    expect(visible(parts)).toBe(raw);
  });

  it("closes and reopens nested tags, links included", () => {
    const block = `<b>[1]</b> <a href="https://e.com/a">Title</a>\n<blockquote expandable>${escapeHtml("word ".repeat(400))}</blockquote>`;
    const parts = splitBlock(block, 500);
    expectValidParts(parts, 500);
    expect(parts[1]!.startsWith("<blockquote expandable>")).toBe(true);
  });

  it("prefers a line break to a space", () => {
    const text = `${"a ".repeat(200)}\n${"b ".repeat(200)}`;
    const parts = splitBlock(text, 600);
    expect(parts[0]!.trim()).toBe("a ".repeat(200).trim());
  });
});

describe("packBlocks", () => {
  it("packs whole blocks and splits only where they do not fit", () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `<blockquote>${i} ${"x".repeat(300)}</blockquote>`);
    const parts = packBlocks(blocks);
    expectValidParts(parts);
    // Each block stays whole in one part.
    for (const b of blocks) expect(parts.some((p) => p.includes(b))).toBe(true);
    expect(parts.length).toBe(3);
  });

  it("keeps a single short block as is", () => {
    expect(packBlocks(["<b>hi</b>"])).toEqual(["<b>hi</b>"]);
  });
});

const citation = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  articleId: "a1",
  title: `Title ${n}`,
  url: `https://example.com/${n}`,
  quote: `Quote number ${n}.`,
  start: 0,
  end: 10,
  passageId: n,
  ...over,
});

describe("renderAnswer", () => {
  it("shows the answer with markers, then each numbered quote under its linked title", () => {
    const result: AnswerResult = {
      answer: "Babaryko was there [1], and Vlasova [2].",
      abstained: false,
      citations: [citation(1), citation(2, { url: null, articleId: "a2" })],
    };
    const [html, ...rest] = renderAnswer(result);
    expect(rest).toEqual([]);
    expectValidParts([html!]);
    expect(html).toContain("Babaryko was there [1], and Vlasova [2].");
    expect(html).toContain(
      '<b>[1]</b> <a href="https://example.com/1">Title 1</a>\n<blockquote>Quote number 1.</blockquote>',
    );
    expect(html).toContain("<b>[2]</b> <b>Title 2</b>");
  });

  it("does not repeat the title of a second quote from the same article", () => {
    const result: AnswerResult = {
      answer: "Babaryko was there [1], and Vlasova [2].",
      abstained: false,
      citations: [citation(1), citation(2, { articleId: citation(1).articleId, title: "Title 1" })],
    };
    const [html] = renderAnswer(result);
    expect(html!.split("Title 1").length - 1).toBe(1);
    expect(html).toContain("<b>[2]</b> <i>same article</i>\n<blockquote>Quote number 2.</blockquote>");
  });

  it("escapes hostile answers, titles, quotes and URLs", () => {
    const result: AnswerResult = {
      answer: `${HOSTILE} [1]`,
      abstained: false,
      citations: [citation(1, { title: HOSTILE, quote: HOSTILE, url: 'https://e.com/"><b>x' })],
    };
    const parts = renderAnswer(result);
    expectValidParts(parts);
    const text = visible(parts);
    expect(text.split(HOSTILE).length - 1).toBe(3);
  });

  it("splits a long answer at passage boundaries into messages Telegram accepts", () => {
    const citations = Array.from({ length: 8 }, (_, i) =>
      citation(i + 1, { quote: `${i + 1}: ${"passage text & more < ".repeat(40)}` }),
    );
    const result: AnswerResult = {
      answer: `${"The answer. ".repeat(300)}\n\n${"Second paragraph 😀. ".repeat(200)}`,
      abstained: false,
      citations,
    };
    const parts = renderAnswer(result);
    expect(parts.length).toBeGreaterThan(1);
    expectValidParts(parts);
    // Every quote arrives whole in one message.
    for (const c of citations) expect(parts.some((p) => p.includes(escapeHtml(c.quote.trim())))).toBe(true);
  });

  it("says nothing was found in one line when the answerer abstains", () => {
    expect(renderAnswer({ answer: "I don't know.", abstained: true, citations: [] })).toEqual([
      escapeHtml(NOTHING_FOUND),
    ]);
  });
});

describe("renderList", () => {
  const en = translator("en");
  const article = (i: number): ArticleSummary => ({
    id: `id${i}`,
    libraryId: "chat:1",
    title: i === 0 ? HOSTILE : `Article ${i}`,
    url: i % 2 ? `https://e.com/${i}` : null,
    byline: null,
    publishedAt: i === 1 ? "2020-10-10T00:00:00Z" : null,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
    chunks: i,
    chars: 100,
  });

  it("pages ten at a time, newest first, with ids, dates and passage counts", () => {
    const all = Array.from({ length: 23 }, (_, i) => article(i));
    const first = renderList(en, all, 0);
    expect(first.pages).toBe(3);
    expect(first.html).toContain("<code>id22</code>");
    expect(first.html).toContain("page 1 of 3");
    const last = renderList(en, all, 99);
    expect(last.page).toBe(2);
    expect(last.html).toContain("<code>id1</code>");
    expect(last.html).toContain("published 2020-10-10 · 1 passage");
    expect(first.html).toContain("added 2024-01-01 · 22 passages");
    expectValidParts([first.html, last.html]);
  });

  it("says how to add one when empty", () => {
    expect(renderList(en, [], 0).html).toContain("/ingest");
  });
});

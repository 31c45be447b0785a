import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { markdownToText, reflowPdfPage } from "../../src/ingest/documents.ts";
import { fallbackTitle, readSource } from "../../src/ingest/read-source.ts";
import type { IngestSource } from "../../src/types.ts";
import { makePdf } from "../fixtures/ingest/make-pdf.ts";
import { failure } from "../helpers/failure.ts";

const config = loadConfig({});
const enc = (s: string) => new TextEncoder().encode(s);
const file = (bytes: Uint8Array, filename?: string, contentType?: string): IngestSource => ({
  kind: "file",
  bytes,
  ...(filename ? { filename } : {}),
  ...(contentType ? { contentType } : {}),
});
const read = (source: IngestSource, cfg = config) => readSource(source, { config: cfg });

const body =
  "Bees communicate the location of flowers with a waggle dance. The angle of the dance shows the direction relative to the sun, and its length shows the distance.";

describe("plain text", () => {
  it("reads a .txt file, with the first short line as the title", async () => {
    const article = await read(file(enc(`The waggle dance\r\n\r\n${body}  \r\n`), "bees.txt", "text/plain"));
    expect(article).toEqual({
      text: `The waggle dance\n\n${body}`,
      title: "The waggle dance",
      source: "file",
    });
  });

  it("titles text that starts with a sentence by its first words", async () => {
    const article = await read({ kind: "text", text: body });
    expect(article.title).toBe("Bees communicate the location of flowers with a…");
    expect(article.text).toBe(body);
    expect(article.source).toBe("text");
  });

  it("uses a title given with pasted text", async () => {
    expect((await read({ kind: "text", text: body, title: " Bees " })).title).toBe("Bees");
  });

  it("normalises pasted text: line ends, trailing spaces, blank runs, NFC", async () => {
    const article = await read({
      kind: "text",
      text: "Cafe\u0301 society   \r\n\r\n\r\n\r\nThe café opened in 1910 and served writers and painters for decades.",
    });
    expect(article.text).toBe(
      "Café society\n\nThe café opened in 1910 and served writers and painters for decades.",
    );
  });

  it("decodes Windows-1252 when a file is not UTF-8 but reads sensibly", async () => {
    const bytes = Buffer.from(
      "Le café de la gare a fermé. Les habitués étaient déçus, mais la ville a promis un nouveau lieu.",
      "latin1",
    );
    const article = await read(file(new Uint8Array(bytes), "cafe.txt"));
    expect(article.text).toContain("Le café de la gare a fermé.");
  });

  it("honours a declared charset", async () => {
    const bytes = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21]); // "Привет, мир!" in windows-1251
    const article = await read(file(bytes, "hello.txt", "text/plain; charset=windows-1251"));
    expect(article.text).toBe("Привет, мир!");
  });

  it("decodes UTF-16 with a byte order mark", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("Tides rise twice a day.", "utf16le")]);
    expect((await read(file(bytes, "tides.txt"))).text).toBe("Tides rise twice a day.");
  });

  it("refuses text that is neither UTF-8 nor sensible legacy text", async () => {
    const garbage = new Uint8Array(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    const error = await failure(read(file(garbage, "notes.txt", "text/plain; charset=utf-8")));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toMatch(/not valid UTF-8/);
  });
});

describe("markdown", () => {
  const md = [
    "---",
    "layout: post",
    "---",
    "# How *bees* find flowers",
    "",
    'Bees use a **waggle dance**, as [Karl von Frisch](https://example.com/frisch "bio") showed. See ![a diagram](dance.png).',
    "",
    "## The dance",
    "",
    "> The angle gives the _direction_; the length gives the distance.",
    "",
    "- one `snake_case` item",
    "",
    "---",
    "",
    "[ref]: https://example.com",
  ].join("\n");

  it("keeps the words, strips the markup, and takes the first # heading as the title", async () => {
    const article = await read(file(enc(md), "bees.md", "text/plain"));
    expect(article.title).toBe("How bees find flowers");
    expect(article.text).toBe(
      [
        "How bees find flowers",
        "",
        "Bees use a waggle dance, as Karl von Frisch showed. See a diagram.",
        "",
        "The dance",
        "",
        "The angle gives the direction; the length gives the distance.",
        "",
        "- one snake_case item",
      ].join("\n"),
    );
  });

  it("reads front-matter titles and setext headings", () => {
    expect(markdownToText('---\ntitle: "Front"\n---\nText here.').title).toBe("Front");
    expect(markdownToText("Big Title\n=========\n\nText.")).toEqual({
      text: "Big Title\n\nText.",
      title: "Big Title",
    });
  });
});

describe("HTML files and pasted HTML", () => {
  const html = readFileSync(new URL("../fixtures/ingest/article.html", import.meta.url));

  it("extracts the article from an .html file", async () => {
    const article = await read(file(new Uint8Array(html), "page.html"));
    expect(article.title).toBe("Ocean currents are slowing, study finds");
    expect(article.text).toContain("has weakened by about 15 percent");
    expect(article.text).not.toContain("cookies");
    expect(article.url).toBe("https://daily-harbour.example/og/ocean-currents"); // no page URL to resolve the relative canonical
  });

  it("treats pasted text that is HTML as HTML", async () => {
    const article = await read({ kind: "text", text: html.toString("utf8") });
    expect(article.text).toContain("Why it matters");
    expect(article.text).not.toContain("<p>");
    expect(article.byline).toBe("Maria Keller");
  });
});

describe("PDF", () => {
  const lines = [
    "Tides and the Moon",
    "The Moon pulls the oceans towards it.",
    "This makes the tides rise and fall twice a day.",
  ];

  it("extracts the text layer and the metadata title", async () => {
    const article = await read(
      file(makePdf(lines, { title: "Tides explained" }), "tides.pdf", "application/pdf"),
    );
    expect(article.title).toBe("Tides explained");
    expect(article.text).toBe(
      "Tides and the Moon\n\nThe Moon pulls the oceans towards it.\n\nThis makes the tides rise and fall twice a day.",
    );
  });

  it("falls back to the first line for the title, and sniffs %PDF- without a name or type", async () => {
    const article = await read(file(makePdf(lines)));
    expect(article.title).toBe("Tides and the Moon");
  });

  it("says when a PDF has no text layer", async () => {
    const error = await failure(read(file(makePdf([]), "scan.pdf")));
    expect(error.code).toBe("NO_ARTICLE");
    expect(error.message).toMatch(/no text \(a scan\?\)/);
  });

  it("says when a PDF is damaged", async () => {
    const error = await failure(read(file(enc("%PDF-1.7\nthis is not really a pdf"), "bad.pdf")));
    expect(error.code).toBe("BAD_INPUT");
  });

  it("reflows visual lines into paragraphs", () => {
    const page = [
      "A heading",
      "This is a long line of running text that fills the whole width of",
      "the page and goes on to the next line, where the sentence ends.",
      "Short last line.",
      "Another paragraph starts here and it is also long enough to fill",
      "the line.",
    ].join("\n");
    expect(reflowPdfPage(page)).toBe(
      "A heading\n\nThis is a long line of running text that fills the whole width of the page and goes on to the next line, where the sentence ends. Short last line.\n\nAnother paragraph starts here and it is also long enough to fill the line.",
    );
  });
});

describe("what cannot be read", () => {
  it("refuses binary data", async () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
    const error = await failure(read(file(bytes, "data.txt")));
    expect(error.code).toBe("BINARY_INPUT");
    expect(error.message).toMatch(/binary file .*send text, HTML, Markdown or PDF/);
  });

  it("names well-known binary formats", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await failure(read(file(png)));
    expect(error.code).toBe("BINARY_INPUT");
    expect(error.message).toContain("a PNG image");
  });

  it("refuses binary pasted text", async () => {
    expect((await failure(read({ kind: "text", text: "abc\u0000def" }))).code).toBe("BINARY_INPUT");
  });

  it.each([
    ["image/png", "photo.png", "image/png"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "essay.docx", ".docx files"],
    [undefined, "essay.docx", ".docx"],
    ["application/zip", "archive.zip", "application/zip"],
    [undefined, "archive.zip", ".zip"],
  ])("refuses %s %s as an unsupported type", async (contentType, filename, named) => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
    const error = await failure(read(file(zip, filename, contentType)));
    expect(error.code).toBe("UNSUPPORTED_TYPE");
    expect(error.message).toContain(named);
    expect(error.message).toMatch(/HTML.*plain text.*Markdown.*PDF/);
  });

  it.each([
    ["an empty file", file(new Uint8Array(), "empty.txt")],
    ["a whitespace-only file", file(enc(" \n\t\r\n  "), "blank.txt")],
    ["whitespace-only text", { kind: "text", text: "   \n\n  " } satisfies IngestSource],
    ["furniture only", { kind: "text", text: "ADVERTISEMENT\n\nShare this article" } satisfies IngestSource],
  ])("refuses %s as empty", async (_, source) => {
    const error = await failure(read(source));
    expect(error.code).toBe("EMPTY_ARTICLE");
    expect(error.message).toMatch(/There is no text to store/);
  });

  it("refuses text over MAX_ARTICLE_CHARS, naming the limit", async () => {
    const small = loadConfig({ MAX_ARTICLE_CHARS: "1000" });
    const error = await failure(
      read({ kind: "text", text: `${"A sentence that goes on. ".repeat(60)}` }, small),
    );
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain("1,000 characters");
  });

  it("refuses a far larger file before parsing it", async () => {
    const small = loadConfig({ MAX_ARTICLE_CHARS: "1000" });
    const started = Date.now();
    const html = `<html><body>${"<p>A short paragraph of text.</p>".repeat(120_000)}</body></html>`; // ~4 MB: seconds in jsdom
    const error = await failure(read(file(enc(html), "big.html"), small));
    expect(error.code).toBe("TOO_LARGE");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("fallbackTitle", () => {
  it("is never empty", () => {
    expect(fallbackTitle("Short headline\n\nBody.")).toBe("Short headline");
    expect(fallbackTitle("", "notes.txt")).toBe("notes");
    expect(fallbackTitle("")).toBe("Untitled");
    expect(fallbackTitle("x".repeat(300))).toMatch(/…$/);
  });
});

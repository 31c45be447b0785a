import { describe, expect, it } from "vitest";
import { isFootnoteError } from "../../src/errors.ts";
import { extractHtml, toIsoDate } from "../../src/ingest/extract-html.ts";

const paragraphs = [
  "The old lighthouse on the northern cape was switched off for the last time on Sunday evening, after 142 years of guiding ships past the reef.",
  "Its keeper, who lived in the tower for three decades, said he would miss the sound of the foghorn more than the light itself.",
  "A museum will open in the keeper's cottage next spring, the council said, with the great lens on display in the former oil store.",
];
const page = (head: string, article: string) =>
  `<!doctype html><html><head><title>Lighthouse goes dark</title>${head}</head><body><main><article><h1>Lighthouse goes dark</h1>${article}</article></main></body></html>`;
const body = paragraphs.map((p) => `<p>${p}</p>`).join("\n");

describe("extractHtml", () => {
  it("keeps paragraphs, headings, list items and line breaks apart, and collapses inline whitespace", async () => {
    const html = page(
      "",
      `<p>${paragraphs[0]}</p><h2>The   keeper</h2><p>${paragraphs[1]}<br>Second line.</p>
       <ul><li>Built in 1882.</li><li>Automated   in\n 1990.</li></ul><p>${paragraphs[2]} <em>Tickets</em>  are free.</p>
       <figure><img src="x.jpg" alt="The lamp"><figcaption>The lamp. Photo: A. Smith</figcaption></figure>`,
    );
    const { text } = await extractHtml(html, "https://news.example/lighthouse");
    expect(text).toBe(
      [
        paragraphs[0],
        "The keeper",
        `${paragraphs[1]}\nSecond line.`,
        "Built in 1882.",
        "Automated in 1990.",
        `${paragraphs[2]} Tickets are free.`,
      ].join("\n\n"),
    );
  });

  it("leaves out a picture's caption and credit held inline in a paragraph", async () => {
    const picture =
      '<span class="storyimage inlineimage"><span class="image"><img src="x.jpg" alt=""></span>' +
      '<span class="attribution">© Provided by Coast News Ltd</span> Harbour/Archive</span>';
    const { text } = await extractHtml(
      page(
        "",
        `<p>${picture} ${paragraphs[0]}</p><p>${paragraphs[1]} <span class="note">(updated)</span></p>`,
      ),
    );
    expect(text).toBe(`${paragraphs[0]}\n\n${paragraphs[1]} (updated)`);
  });

  it("takes the canonical link, then og:url, then the page URL", async () => {
    const canonical = await extractHtml(
      page('<link rel="Canonical" href="../a/lighthouse">', body),
      "https://news.example/x/y/page",
    );
    expect(canonical.url).toBe("https://news.example/x/a/lighthouse");
    const og = await extractHtml(
      page(
        '<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://news.example/og">',
        body,
      ),
      "https://news.example/p",
    );
    expect(og.url).toBe("https://news.example/og");
    expect((await extractHtml(page("", body), "https://news.example/p?q=1")).url).toBe(
      "https://news.example/p?q=1",
    );
    expect((await extractHtml(page("", body))).url).toBeUndefined();
  });

  it("finds the date in meta tags or a <time> element", async () => {
    const meta = await extractHtml(page('<meta name="date" content="2023-06-01">', body));
    expect(meta.publishedAt).toBe("2023-06-01");
    const time = await extractHtml(
      page("", `<time datetime="2022-01-02T03:04:05+01:00">2 Jan</time>${body}`),
    );
    expect(time.publishedAt).toBe("2022-01-02T02:04:05.000Z");
  });

  it("runs no scripts", async () => {
    const html = page(
      "<script>document.title = 'HACKED'; globalThis.__ran = true;</script>",
      `${body}<script>document.body.innerHTML = ''</script>`,
    );
    const result = await extractHtml(html);
    expect(result.title).toBe("Lighthouse goes dark");
    expect(result.text).toContain(paragraphs[0]);
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });

  it.each([
    [
      "an empty shell",
      "<!doctype html><html><head><title>App</title></head><body><div id=root></div><script src=app.js></script></body></html>",
    ],
    ["a short page", page("", "<p>Coming soon.</p>")],
    ["nothing", ""],
  ])("says NO_ARTICLE for %s", async (_, html) => {
    const error = await extractHtml(html).catch((e: unknown) => e);
    expect(isFootnoteError(error, "NO_ARTICLE")).toBe(true);
    expect((error as Error).message).toMatch(/^I could not find an article on that page/);
  });
});

describe("toIsoDate", () => {
  it("keeps day dates, normalises timestamps, drops nonsense", () => {
    expect(toIsoDate("2020-10-10")).toBe("2020-10-10");
    expect(toIsoDate("2020-10-10T12:00:00Z")).toBe("2020-10-10T12:00:00.000Z");
    expect(toIsoDate("yesterday")).toBeUndefined();
    expect(toIsoDate(undefined)).toBeUndefined();
  });
});

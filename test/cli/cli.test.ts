import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import {
  SHARED_ARTICLE,
  SHARED_DATASET,
  SHARED_PAGES,
  SHARED_PRESENT,
  syntheticArticle,
  tempDir,
} from "../helpers/footnote.ts";
import { cliWith } from "../helpers/cli.ts";

const NEWS_SET = new URL("../fixtures/news/questions.json", import.meta.url).pathname;

const cli = cliWith;

const PAGE = `<!doctype html><html><head><title>The harbour reopens | Harbour news</title><link rel="canonical" href="https://news.example.org/harbour"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>The harbour reopens</h1>
<p>The old harbour of Portwick reopened on Monday after two years of repairs, the town council said.</p>
<p>Mayor Ada Finch cut the ribbon in front of about three hundred people, and the first ferry left at noon for the island of Skellig.</p>
<p>The repairs cost 14 million euros, most of it paid by the regional government, and replaced the sea wall that a storm broke in 2022.</p>
</article></main><footer>© Harbour news. <a href="/privacy">Privacy</a></footer></body></html>`;

describe("footnote CLI", () => {
  let server: TestServer;
  let dataDir: string;
  let run: ReturnType<typeof cli>;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url === "/harbour") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(PAGE);
      } else {
        res.writeHead(404).end("not found");
      }
    });
    dataDir = tempDir();
    run = cli({ DATA_DIR: dataDir, ALLOW_PRIVATE_URLS: "true" });
  });
  afterAll(async () => {
    await server.close();
  });

  it.runIf(SHARED_PRESENT)(
    "ingests the shared article from a file, and answers about the meeting with exact quotes",
    async () => {
      const ingest = await run("ingest", SHARED_ARTICLE, "--json");
      expect(ingest.code).toBe(0);
      const { articles } = JSON.parse(ingest.stdout);
      expect(articles).toHaveLength(1);
      expect(articles[0]).toMatchObject({
        title: "Belarus' Lukashenko holds talks with jailed rivals",
        duplicate: false,
      });
      expect(articles[0].chunks).toBeGreaterThan(2);

      const again = await run("ingest", SHARED_ARTICLE, "--json");
      expect(JSON.parse(again.stdout).articles[0]).toMatchObject({ id: articles[0].id, duplicate: true });

      const ask = await run("ask", "Who was at the meeting?", "--json");
      expect(ask.code).toBe(0);
      const answer = JSON.parse(ask.stdout);
      expect(answer.abstained).toBe(false);
      // The article names them where it describes the photo, never with the word "meeting".
      for (const name of ["Viktor Babaryko", "Liliya Vlasova", "Vitali Shkliarov"]) {
        expect(answer.answer, name).toContain(name);
        expect(
          answer.citations.some((c: { quote: string }) => c.quote.includes(name)),
          name,
        ).toBe(true);
      }
      const article = fs.readFileSync(SHARED_ARTICLE, "utf8");
      for (const c of answer.citations) {
        expect(c).toMatchObject({ articleId: articles[0].id, title: articles[0].title });
        // Exact text of the article: each of its lines stands in the file as written (the
        // furniture between paragraphs is what cleaning took out).
        for (const line of c.quote.split("\n").filter(Boolean)) expect(article).toContain(line);
        // Page furniture never reaches a quote.
        expect(c.quote).not.toMatch(/READ MORE|Recommended|SOURCE:|MIN READ/);
      }
      // Markers point at the citations given.
      const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
      expect(markers.length).toBeGreaterThan(0);
      for (const n of markers) expect(answer.citations.some((c: { n: number }) => c.n === n)).toBe(true);

      const text = await run("ask", "Who was at the meeting?");
      expect(text.stdout).toContain("[1] Belarus' Lukashenko holds talks with jailed rivals");
    },
  );

  it("ingests a URL served locally, with its canonical link, and answers from it", async () => {
    const r = await run("ingest", `${server.url}/harbour`, "--json", "--library", "web");
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout).articles[0];
    expect(a).toMatchObject({
      title: "The harbour reopens",
      url: "https://news.example.org/harbour",
      duplicate: false,
    });
    const ask = await run("ask", "How much did the repairs cost?", "--json", "--library", "web");
    const answer = JSON.parse(ask.stdout);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain("14 million euros");
    // A calibrated confidence, and not the features it was computed from.
    expect(answer.confidence).toBeGreaterThan(0.5);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(answer.evidence).toBeUndefined();
    expect(answer.citations[0]).toMatchObject({
      url: "https://news.example.org/harbour",
      title: "The harbour reopens",
    });
    expect(answer.answer + answer.citations[0].quote).not.toMatch(/Home|Privacy/);
  });

  it("says it found nothing, rather than guessing, when the articles do not hold the answer", async () => {
    const ask = await run("ask", "What is the boiling point of tungsten?", "--json", "--library", "web");
    expect(JSON.parse(ask.stdout)).toMatchObject({ abstained: true, citations: [] });
    expect(typeof JSON.parse(ask.stdout).confidence).toBe("number");
    const empty = await run("ask", "Anything at all?", "--library", "nothing-here");
    expect(empty.stdout).toMatch(/couldn't find/);
  });

  it("reads standard input, lists and forgets", async () => {
    const stdinRun = cli({ DATA_DIR: dataDir }, syntheticArticle("albatross"));
    const r = await stdinRun("ingest", "-", "--title", "Albatross notes", "--library", "notes", "--json");
    expect(r.code, r.stderr).toBe(0);
    const id = JSON.parse(r.stdout).articles[0].id;
    const list = await run("list", "--library", "notes", "--json");
    expect(JSON.parse(list.stdout).articles).toMatchObject([{ id, title: "Albatross notes" }]);
    expect((await run("forget", id, "--library", "notes")).stdout).toContain(`Forgot article ${id}`);
    const missing = await run("forget", id, "--library", "notes");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No article "${id}"`);
    expect((await run("list", "--library", "notes")).stdout).toContain("No articles");
  });

  it("gives a clear message and a non-zero exit for bad input, storing nothing", async () => {
    const dir = tempDir();
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "   \n");
    const bin = path.join(dir, "blob.txt");
    fs.writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]));
    const cases: Array<[string[], RegExp]> = [
      [["ingest", empty], /no text/i],
      [["ingest", bin], /binary/i],
      [["ingest", path.join(dir, "nope.txt")], /No such file/],
      [["ingest", `${server.url}/missing`], /404/],
      [["ingest", "ftp://example.org/x"], /http/i],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv, "--library", "bad");
      expect(r.code, argv.join(" ")).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect((await run("ask")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("list", "--library", "bad", "--json")).stdout).toBe('{"articles":[]}\n');
  });

  it("names a bad setting", async () => {
    const r = await cli({ DATA_DIR: dataDir, EMBEDDINGS_PROVIDER: "magic" })("list");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("EMBEDDINGS_PROVIDER");
  });

  it.runIf(SHARED_PRESENT)("evaluates on the shared SQuAD file and prints the agreed JSON keys", async () => {
    const r = await run("eval", "--dataset", SHARED_DATASET, "--json", "--limit", "150");
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    for (const key of [
      "hit@1",
      "hit@3",
      "hit@5",
      "mrr",
      "answer_containment",
      "answer_only_containment",
      "abstention",
      "false_abstention",
      "reply_chars_median",
      "query_ms_p50",
      "query_ms_p95",
    ]) {
      expect(typeof report[key], key).toBe("number");
    }
    expect(report["hit@5"]).toBeGreaterThanOrEqual(report["hit@1"]);
    expect(report.questions).toBe(150);
  });

  it.runIf(SHARED_PRESENT)(
    "scores a news set from saved pages and writes one report line a question",
    async () => {
      // Two of the shared pages and a few questions in the news set's format (the whole set
      // takes too long for a unit test; score it with footnote eval). jsdom reads each page in
      // a few seconds on a busy machine, hence the longer timeout.
      const set = JSON.parse(fs.readFileSync(NEWS_SET, "utf8")) as {
        questions: Array<{ page: string }>;
      };
      const pages = ["cnn.html", "buzzfeed-1.html"];
      const small = path.join(dataDir, "news-small.json");
      fs.writeFileSync(
        small,
        JSON.stringify({
          pagesDir: SHARED_PAGES,
          pages,
          questions: set.questions.filter((q) => pages.includes(q.page)).slice(0, 6),
        }),
      );
      const file = path.join(dataDir, "news-report.jsonl");
      const r = await run("eval", "--dataset", small, "--report", file, "--json");
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ questions: 6, articles: 2 });
      const lines = fs
        .readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(6);
      for (const line of lines) {
        for (const key of ["question", "gold", "answer", "citations", "abstained", "confidence", "rank"])
          expect(line, key).toHaveProperty(key);
        expect(typeof line.confidence).toBe("number");
      }
    },
    90_000,
  );
});

/**
 * The article companion's figures on the shared news pages: each page is ingested as a file
 * (into a throw-away library, on the built-in defaults) with its gist and suggested questions,
 * and every suggested question is asked again, first restricted to its own article, then of
 * the library of all the pages, where it must still be answered from its own article. Prints
 * the counts, the pages with fewer than two questions, and what the companion costs an ingest.
 *
 *   npx tsx scripts/companion-check.ts [--pages ../shared/pages] [--show nytimes-3,guardian-1] [--json out.json]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { createFootnote } from "../src/footnote.ts";
import { createLogger } from "../src/logger.ts";

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "../shared/pages" },
    show: { type: "string", default: "" },
    json: { type: "string" },
  },
});
const files = fs
  .readdirSync(values.pages)
  .filter((f) => f.endsWith(".html"))
  .sort();
if (files.length === 0) {
  console.error(`No .html pages in ${values.pages}.`);
  process.exit(1);
}
const show = new Set(values.show.split(",").filter(Boolean));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-companion-"));
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: "debug", LOG_FORMAT: "json" });
// The companion logs how long it took ("companion ready"): its own time, apart from the rest of
// the ingest and from whatever else the machine is doing.
let companionMs = 0;
const logger = createLogger(config, {
  write(line: string) {
    const entry = JSON.parse(line) as { msg?: string; ms?: number };
    if (entry.msg === "companion ready") companionMs = entry.ms ?? 0;
  },
});
const footnote = await createFootnote({ config, logger });

interface Page {
  file: string;
  id: string;
  title: string;
  summary?: string;
  questions: string[];
  ownArticle: number;
  wholeLibrary: number;
  ingestMs: number;
  plainMs: number;
  companionMs: number;
}
const pages: Page[] = [];
try {
  // Warm-up: the first ingest pays for loading modules either way.
  const first = fs.readFileSync(path.join(values.pages, files[0]!));
  await footnote.ingest("warm", { kind: "file", bytes: first, filename: files[0] }, { companion: true });
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(values.pages, file));
    let t = performance.now();
    await footnote.ingest("plain", { kind: "file", bytes, filename: file });
    const plainMs = performance.now() - t;
    t = performance.now();
    const r = await footnote.ingest("pages", { kind: "file", bytes, filename: file }, { companion: true });
    const ingestMs = performance.now() - t;
    const ownMs = companionMs;
    pages.push({
      file,
      id: r.id,
      title: r.title,
      ...(r.summary ? { summary: r.summary } : {}),
      questions: r.questions ?? [],
      ownArticle: 0,
      wholeLibrary: 0,
      ingestMs,
      plainMs,
      companionMs: ownMs,
    });
  }
  for (const page of pages) {
    for (const q of page.questions) {
      const own = await footnote.ask("pages", q, { articleIds: [page.id] });
      if (!own.abstained && own.citations.length && own.citations.every((c) => c.articleId === page.id))
        page.ownArticle++;
      const all = await footnote.ask("pages", q);
      if (!all.abstained && all.citations.length && all.citations.every((c) => c.articleId === page.id))
        page.wholeLibrary++;
    }
  }
} finally {
  await footnote.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const sum = (f: (p: Page) => number) => pages.reduce((s, p) => s + f(p), 0);
const questions = sum((p) => p.questions.length);
const pct = (n: number) => (questions ? `${((100 * n) / questions).toFixed(1)}%` : "–");
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const extra = pages.map((p) => p.companionMs);

console.log("page                     questions  own article  whole library  gist  ingest ms  companion ms");
for (const p of pages)
  console.log(
    `${p.file.padEnd(24)} ${String(p.questions.length).padStart(9)}  ${String(p.ownArticle).padStart(11)}  ${String(p.wholeLibrary).padStart(13)}  ${p.summary ? " yes" : "  no"}  ${p.plainMs.toFixed(0).padStart(9)}  ${p.companionMs.toFixed(0).padStart(12)}`,
  );
console.log("");
console.log(`pages: ${pages.length}; with a gist: ${pages.filter((p) => p.summary).length}`);
console.log(
  `suggested questions: ${questions}; answered from their own article: ${sum((p) => p.ownArticle)} (${pct(sum((p) => p.ownArticle))}); ` +
    `and so in the library of all ${pages.length} pages: ${sum((p) => p.wholeLibrary)} (${pct(sum((p) => p.wholeLibrary))})`,
);
// The figure issue 25 sets (two or more a page), and which pages fall short by how much.
const listed = (ps: Page[]) => `${ps.length}${ps.length ? ` (${ps.map((p) => p.file).join(", ")})` : ""}`;
console.log(
  `pages with two questions or more: ${pages.filter((p) => p.questions.length >= 2).length}/${pages.length}; ` +
    `with one: ${listed(pages.filter((p) => p.questions.length === 1))}; ` +
    `with none: ${listed(pages.filter((p) => p.questions.length === 0))}`,
);
console.log(
  `ingest time: median ${median(pages.map((p) => p.plainMs)).toFixed(0)} ms without the companion; ` +
    `the companion adds a median ${median(extra).toFixed(0)} ms (max ${Math.max(...extra).toFixed(0)} ms, ` +
    `total ${sum((p) => p.companionMs).toFixed(0)} ms against ${sum((p) => p.plainMs).toFixed(0)} ms of ingest)`,
);
for (const p of pages.filter((x) => show.has(x.file.replace(/\.html$/, "")))) {
  console.log(`\n== ${p.file}: ${p.title}\n${p.summary ?? "(no gist)"}`);
  for (const q of p.questions) console.log(`  [${q}]`);
}
if (values.json) fs.writeFileSync(values.json, JSON.stringify(pages, null, 2));

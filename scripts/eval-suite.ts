/**
 * Every quality figure the issues name, in one table: `footnote eval` on the shared SQuAD file,
 * the news set and its held-out sibling, the non-English pages set and each XQuAD language, on the built-in defaults,
 * one after the other (each in its own throw-away library). For the closing notes and for
 * before/after comparisons in commit messages.
 *
 *   npx tsx scripts/eval-suite.ts [--shared ../shared] [--only squad,news,holdout,unseen-a,unseen-c,unseen-d,unseen-e,pages,xquad] [--json out.json]
 *
 * `unseen-b` (test/fixtures/news/unseen-b.json) is held out for good: add it to --only for its
 * aggregate figures alone, never to read its questions or tune on them. `unseen-e` is held out
 * the same way, and runs by default for its aggregate figures.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { runEval, type EvalReport } from "../src/eval/squad.ts";

const { values } = parseArgs({
  options: {
    shared: { type: "string", default: "../shared" },
    only: { type: "string", default: "squad,news,holdout,unseen-a,unseen-c,unseen-d,unseen-e,pages,xquad" },
    json: { type: "string" },
  },
});
const shared = values.shared;
const only = new Set(values.only.split(","));

interface Run {
  name: string;
  file: string;
  pagesDir?: string;
  language?: string;
}
const runs: Run[] = [];
if (only.has("squad"))
  runs.push({ name: "SQuAD (shared)", file: `${shared}/datasets/squad2-dev-5articles.json` });
if (only.has("news"))
  runs.push({ name: "news set", file: "test/fixtures/news/questions.json", pagesDir: `${shared}/pages` });
if (only.has("holdout"))
  runs.push({ name: "news held out", file: "test/fixtures/news/holdout.json", pagesDir: `${shared}/pages` });
// The second reader's sets of issue 22: A may be read and fitted on; B is held out for good
// (never read, never fitted on), so it runs only when asked for by name.
if (only.has("unseen-a"))
  runs.push({ name: "news unseen A", file: "test/fixtures/news/unseen-a.json", pagesDir: `${shared}/pages` });
// A third second reader's set (session 11): chat-style questions on 18 English pages. Read for
// its misses, not fitted on: fitted on, it only lowered the decision's threshold (docs/quality.md).
if (only.has("unseen-c"))
  runs.push({ name: "news unseen C", file: "test/fixtures/news/unseen-c.json", pagesDir: `${shared}/pages` });
if (only.has("unseen-d"))
  runs.push({
    name: "news unseen D (7 languages)",
    file: "test/fixtures/news/unseen-d.json",
    pagesDir: `${shared}/pages`,
  });
// A fifth second reader's set (session 13): the pages of B and D, in eight languages, new
// questions. Written before that session's changes; held out for good, as B is: run for its
// aggregate figures only, never read or fitted on.
if (only.has("unseen-e"))
  runs.push({
    name: "news unseen E (8 languages)",
    file: "test/fixtures/news/unseen-e.json",
    pagesDir: `${shared}/pages`,
  });
if (only.has("unseen-b"))
  runs.push({ name: "news unseen B", file: "test/fixtures/news/unseen-b.json", pagesDir: `${shared}/pages` });
if (only.has("pages"))
  runs.push({
    name: "pages (languages)",
    file: "test/fixtures/languages/pages-questions.json",
    pagesDir: `${shared}/pages`,
  });
if (only.has("xquad")) {
  const dir = `${shared}/datasets/xquad`;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^xquad\.\w+\.json$/.test(f)) : [];
  // English first: the other languages are measured against it.
  files.sort((a, b) => (a === "xquad.en.json" ? -1 : b === "xquad.en.json" ? 1 : a.localeCompare(b)));
  for (const f of files) {
    const language = f.split(".")[1]!;
    runs.push({ name: `XQuAD ${language}`, file: path.join(dir, f), language });
  }
}

const config = loadConfig({});
const results: Array<Run & { report: EvalReport; seconds: number }> = [];
for (const run of runs) {
  if (!fs.existsSync(run.file)) {
    console.error(`skipped ${run.name}: ${run.file} does not exist`);
    continue;
  }
  const t0 = performance.now();
  const report = await runEval(config, run.file, { pagesDir: run.pagesDir });
  const seconds = (performance.now() - t0) / 1000;
  results.push({ ...run, report, seconds });
  console.error(`${run.name}: done in ${seconds.toFixed(0)} s`);
}

const f3 = (x: number) => x.toFixed(3);
console.log(
  "| set | questions | hit@1 | hit@5 | containment | in answer | abstention | false abstention | follow-ups | median reply | p95 ms |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const { name, report: r } of results)
  console.log(
    `| ${name} | ${r.answerable}+${r.unanswerable} | ${f3(r["hit@1"])} | ${f3(r["hit@5"])} | ${f3(r.answer_containment)} | ${f3(r.answer_only_containment)} | ${r.unanswerable ? f3(r.abstention) : "–"} | ${f3(r.false_abstention)} | ${r.follow_ups ? `${f3(r.follow_ups_answered)} of ${r.follow_ups}` : "–"} | ${r.reply_chars_median} | ${r.query_ms_p95.toFixed(1)} |`,
  );

// The news sets asked as a chat asks them: each question right after sharing its page.
const afterSharing = results.filter((r) => r.report.after_sharing);
if (afterSharing.length) {
  console.log("\n| asked right after sharing the page | containment | abstention | false abstention |");
  console.log("| --- | --- | --- | --- |");
  for (const { name, report } of afterSharing) {
    const s = report.after_sharing!;
    console.log(
      `| ${name} | ${f3(s.answer_containment)} | ${f3(s.abstention)} | ${f3(s.false_abstention)} |`,
    );
  }
}

// Issue 13's bar, per language against English: hit@1 ≥ 0.9×, containment ≥ 0.85×, false abstention ≤ 0.12.
const en = results.find((r) => r.language === "en")?.report;
if (en) {
  console.log("\n| language | hit@1 ≥ 0.9×en | containment ≥ 0.85×en | false abstention ≤ 0.12 |");
  console.log("| --- | --- | --- | --- |");
  const mark = (ok: boolean) => (ok ? "✔" : "✘");
  for (const { language, report: r } of results.filter((x) => x.language)) {
    const h = r["hit@1"] / en["hit@1"];
    const c = r.answer_containment / en.answer_containment;
    console.log(
      `| ${language} | ${mark(h >= 0.9)} ${h.toFixed(2)} | ${mark(c >= 0.85)} ${c.toFixed(2)} | ${mark(r.false_abstention <= 0.12)} ${f3(r.false_abstention)} |`,
    );
  }
}
if (values.json)
  fs.writeFileSync(
    values.json,
    JSON.stringify(
      results.map(({ name, report }) => ({ name, ...report })),
      null,
      1,
    ),
  );

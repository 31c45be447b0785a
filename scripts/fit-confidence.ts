/**
 * Fits the extractive answerer's decision (src/answer/decision.ts): a logistic model over its
 * evidence features, on the shared SQuAD 2.0 file, the news set and the XQuAD files (the same
 * answerable questions in 9 languages, all of them together weighted half as much as SQuAD's
 * answerable ones, so that they do not swamp its unanswerable ones), with the threshold chosen
 * for a stated false-abstention rate (weighted over every set's answerable questions).
 *
 * What the model learns to predict (`--label`): by default that the question has an answer
 * ("answerable"); or that the reply will hold it ("correct": an answerable question whose
 * reply, at threshold 0, quotes a gold answer), which also declines where the answerer tends to
 * quote the wrong sentence. "correct" held more on SQuAD (containment 0.861 against 0.847) and
 * declined more of the news set's unanswerable questions (0.583 against 0.458), but it declined
 * "Who was at the meeting?" on the shared article (one question word, answered from a sentence
 * that never says "meeting"), so it is not the default. The threshold is chosen, and false
 * abstention counted, over answerable questions either way.
 * Reports leave-one-article-out cross-validation (each article's
 * questions, in every language and set it appears in, scored by a model fitted without them)
 * before writing the weights.
 *
 *   npx tsx scripts/fit-confidence.ts [--squad ../shared/datasets/squad2-dev-5articles.json]
 *     [--news test/fixtures/news/questions.json,test/fixtures/news/holdout.json,test/fixtures/news/unseen-a.json]
 *     [--xquad ../shared/datasets/xquad]
 *     [--target 0.055] [--reports dir] [--from dir] [--write]
 *
 * The news sets (comma-separated) are grouped by page across sets: a page's questions in every
 * set are held out together. test/fixtures/news/unseen-b.json and unseen-e.json are never fitted
 * on: they are kept to measure the fitted model on questions nobody read.
 *
 * `--from dir` reads the per-question reports of earlier `footnote eval --report` runs
 * (squad.jsonl, news.jsonl, x.<lang>.jsonl) instead of running them: the features do not
 * depend on the threshold, so any run of the same code will do.
 */
import fs from "node:fs";
import * as prettier from "prettier";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { runEval, type EvalReportLine } from "../src/eval/squad.ts";
import { createExtractiveAnswerer } from "../src/answer/extractive.ts";
import { FEATURES } from "../src/answer/decision.ts";
import { fitLogistic } from "./fit-logistic.ts";
import { FIT_SET_OPTIONS, refuseHeldOut } from "./fit-sets.ts";

const { values } = parseArgs({
  options: {
    ...FIT_SET_OPTIONS,
    /** A folder of xquad.<lang>.json files; "" for none. */
    xquad: { type: "string", default: "../shared/datasets/xquad" },
    /** All XQuAD questions together weigh this many times SQuAD's answerable ones. */
    "xquad-weight": { type: "string", default: "0.5" },
    from: { type: "string" },
    /** False-abstention rate wanted among the answerable questions the model decides on. */
    target: { type: "string", default: "0.055" },
    /** Weight of a news question against a SQuAD one (the news set is small, and is what users ask). */
    "news-weight": { type: "string", default: "4" },
    l2: { type: "string", default: "0.001" },
    write: { type: "boolean", default: false },
    /** "correct" (the reply holds a gold answer) or "answerable" (the question has one). */
    label: { type: "string", default: "answerable" },
    /** Keep the per-question reports (features included) in this folder. */
    reports: { type: "string" },
  },
});
const target = Number(values.target);
const newsWeight = Number(values["news-weight"]);
const l2 = Number(values.l2);
const xquadWeight = Number(values["xquad-weight"]);
if (values.label !== "correct" && values.label !== "answerable")
  throw new Error(`--label takes correct or answerable, not ${values.label}`);
const label = values.label;

interface Row {
  x: number[];
  /** What the model is fitted to predict (--label). */
  y: 0 | 1;
  /** Whether the question has an answer: the threshold and the rates count these. */
  answerable: 0 | 1;
  /** Whether its reply, when given, holds a gold answer. */
  inReply: boolean;
  w: number;
  group: string;
  /** "squad", "news" or "x.<lang>". */
  set: string;
}

interface Collected {
  rows: Row[];
  floor: Record<0 | 1, number>;
}

const reportsDir = values.from ?? values.reports ?? fs.mkdtempSync(path.join(os.tmpdir(), "footnote-fit-"));
fs.mkdirSync(reportsDir, { recursive: true });

async function collect(file: string, set: string, weight: number): Promise<Collected> {
  const report = path.join(reportsDir, `${set}.jsonl`);
  if (!values.from)
    // Threshold 0: every question gets its features (only the coverage floor still abstains).
    await runEval(loadConfig({}), file, {
      reportFile: report,
      answerer: createExtractiveAnswerer({ threshold: 0 }),
    });
  const rows: Row[] = [];
  const floor = { 0: 0, 1: 0 };
  for (const line of fs.readFileSync(report, "utf8").split("\n").filter(Boolean)) {
    const r = JSON.parse(line) as EvalReportLine & { follow_up?: string };
    // Follow-up pairs are reported too; the decision is fitted on single questions.
    if (r.follow_up !== undefined) continue;
    const answerable = r.gold.length > 0 ? 1 : 0;
    if (!r.evidence) {
      floor[answerable]++;
      continue;
    }
    const y = label === "answerable" ? answerable : answerable && r.in_reply ? 1 : 0;
    rows.push({
      x: FEATURES.map((f) => r.evidence![f] ?? 0),
      y,
      answerable,
      inReply: r.in_reply,
      w: weight,
      // XQuAD's articles are SQuAD's, some of them in the shared file too: one article is one
      // group in every set and language, so that no translation of it is left in training.
      group: set.startsWith("news") ? `news:${r.article}` : r.article,
      set,
    });
  }
  return { rows, floor };
}

/** The shared logistic fit (fit-logistic.ts) at this script's L2. */
const fit = (rows: Row[]) => fitLogistic(rows, l2);

const prob = (m: { weights: number[]; bias: number }, x: number[]) =>
  1 / (1 + Math.exp(-(m.bias + m.weights.reduce((a, wj, j) => a + wj * x[j]!, 0))));

/** The highest threshold that abstains on at most `target` of the answerable rows (weighted). */
function chooseThreshold(m: { weights: number[]; bias: number }, rows: Row[]): number {
  const pos = rows.filter((r) => r.answerable === 1).map((r) => ({ p: prob(m, r.x), w: r.w }));
  pos.sort((a, b) => a.p - b.p);
  const total = pos.reduce((a, r) => a + r.w, 0);
  let cum = 0;
  for (const r of pos) {
    if ((cum + r.w) / total > target) return r.p;
    cum += r.w;
  }
  return 1;
}

function score(rows: Row[], predict: (r: Row) => boolean, floor: Record<0 | 1, number>) {
  const ans = rows.filter((r) => r.answerable === 1);
  const un = rows.filter((r) => r.answerable === 0);
  const falseAbst = (ans.filter((r) => !predict(r)).length + floor[1]) / (ans.length + floor[1]);
  const abst = (un.filter((r) => !predict(r)).length + floor[0]) / (un.length + floor[0]);
  const contained = ans.filter((r) => r.inReply && predict(r)).length / (ans.length + floor[1]);
  return {
    abstention: +abst.toFixed(3),
    false_abstention: +falseAbst.toFixed(3),
    containment: +contained.toFixed(3),
  };
}

const squad = await collect(values.squad, "squad", 1);
const newsFiles = values.news.split(",").filter(Boolean);
newsFiles.forEach(refuseHeldOut);
const newsSets = new Map<string, Collected>();
for (const f of newsFiles)
  newsSets.set(
    `news.${path.basename(f, ".json")}`,
    await collect(f, `news.${path.basename(f, ".json")}`, newsWeight),
  );
const news: Collected = {
  rows: [...newsSets.values()].flatMap((c) => c.rows),
  floor: {
    0: [...newsSets.values()].reduce((n, c) => n + c.floor[0], 0),
    1: [...newsSets.values()].reduce((n, c) => n + c.floor[1], 0),
  },
};
const xquad = new Map<string, Collected>();
const xquadFiles = values.xquad
  ? fs
      .readdirSync(values.xquad)
      .filter((f) => /^xquad\.[a-z]{2}\.json$/.test(f))
      .sort()
  : [];
// Each XQuAD question weighs so that all of them together weigh `xquad-weight` x SQuAD's answerable ones.
const squadAnswerable = squad.rows.filter((r) => r.answerable === 1).length + squad.floor[1];
let xquadCount = 0;
for (const f of xquadFiles) {
  const lines = fs.readFileSync(path.join(values.xquad, f), "utf8");
  xquadCount += (JSON.parse(lines) as { data: { paragraphs: { qas: unknown[] }[] }[] }).data
    .flatMap((a) => a.paragraphs)
    .reduce((n, p) => n + p.qas.length, 0);
}
const perXquad = xquadCount ? (xquadWeight * squadAnswerable) / xquadCount : 0;
for (const f of xquadFiles) {
  const set = `x.${f.split(".")[1]}`;
  xquad.set(set, await collect(path.join(values.xquad, f), set, perXquad));
}
const rows = [...squad.rows, ...news.rows, ...[...xquad.values()].flatMap((c) => c.rows)];

// Leave one article out: each article's questions decided by a model (and threshold) fitted on the others.
const held = new Map<Row, boolean>();
for (const g of new Set(rows.map((r) => r.group))) {
  const train = rows.filter((r) => r.group !== g);
  const m = fit(train);
  const t = chooseThreshold(m, train);
  for (const r of rows) if (r.group === g) held.set(r, prob(m, r.x) >= t);
}
const scoreAll = (predict: (r: Row) => boolean) => ({
  squad: score(squad.rows, predict, squad.floor),
  ...Object.fromEntries([...newsSets].map(([set, c]) => [set, score(c.rows, predict, c.floor)])),
  ...Object.fromEntries(
    [...xquad].map(([set, c]) => [set, score(c.rows, predict, c.floor).false_abstention]),
  ),
});
const cv = scoreAll((r) => held.get(r)!);

const model = fit(rows);
const threshold = chooseThreshold(model, rows);
const all = scoreAll((r) => prob(model, r.x) >= threshold);
const out = {
  features: [...FEATURES],
  weights: model.weights.map((x) => +x.toFixed(4)),
  bias: +model.bias.toFixed(4),
  threshold: +threshold.toFixed(4),
  fitted: `scripts/fit-confidence.ts on ${path.basename(values.squad)} (${squad.rows.length} questions past the coverage floor), ${newsFiles.map((f) => path.basename(f)).join(", ")} (${news.rows.length}, weight ${newsWeight}) and XQuAD in ${xquad.size} languages (${[...xquad.values()].reduce((n, c) => n + c.rows.length, 0)}, weight ${perXquad.toFixed(4)} each, ${xquadWeight} x SQuAD's answerable together); fitted to predict a ${label === "correct" ? "reply that holds the answer" : "question that has one"}; threshold for ${target} false abstention (weighted, all sets); L2 ${l2}. Leave-one-article-out: ${JSON.stringify(cv)}`,
};
console.log(JSON.stringify({ cv, fitted: all, model: out }, null, 2));
if (values.write) {
  const file = new URL("../src/answer/confidence-model.json", import.meta.url);
  // In the repository's style, so that CI's format check passes on a refit.
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(JSON.stringify(out), { ...options, parser: "json" }));
}

/**
 * Fits the extractive answerer's sentence choice (src/answer/choice.ts): a conditional logit
 * (a softmax over each question's candidate sentences, maximising the chance given to those
 * that hold a gold answer: the answerer picks one sentence among them, so the fit ranks them
 * within a question rather than scoring them one by one) over their choice features, on the answerable
 * questions of the shared SQuAD file, XQuAD English and the news sets (not unseen-b or unseen-e,
 * which are held out for good). Reports article-grouped cross-validation (each article's questions, in
 * every set, ranked by weights fitted without them): the share of questions whose first
 * sentence, as the answerer orders them, holds the answer, for the weights in use and the
 * fitted ones. The weights are scaled so that `relevance` weighs 1.
 *
 *   npx tsx scripts/fit-choice.ts [--squad …] [--news a.json,b.json] [--xquad-en …] [--write]
 *     [--save rows.json | --from rows.json]   (the candidates collected, to fit again without the evals)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { loadConfig } from "../src/config.ts";
import { normalise, runEval } from "../src/eval/squad.ts";
import { loadEvalSet } from "../src/eval/datasets.ts";
import { choiceCandidates, createExtractiveAnswerer } from "../src/answer/extractive.ts";
import { CHOICE_FEATURES, loadChoiceModel } from "../src/answer/choice.ts";
import type { Answerer } from "../src/answer/types.ts";
import { solve, type Logistic } from "./fit-logistic.ts";
import { FIT_SET_OPTIONS, refuseHeldOut } from "./fit-sets.ts";

const { values } = parseArgs({
  options: {
    ...FIT_SET_OPTIONS,
    "xquad-en": { type: "string", default: "../shared/datasets/xquad/xquad.en.json" },
    pages: { type: "string", default: "../shared/pages" },
    l2: { type: "string", default: "0.001" },
    write: { type: "boolean", default: false },
    save: { type: "string" },
    from: { type: "string" },
  },
});
const l2 = Number(values.l2);

interface Candidate {
  x: number[];
  y: 0 | 1;
}
interface QuestionRows {
  group: string;
  candidates: Candidate[];
}

const questions: QuestionRows[] = [];
const current = loadChoiceModel();

async function collect(file: string, set: "squad" | "news" | "xquad", pagesDir?: string): Promise<void> {
  refuseHeldOut(file);
  const evalSet = loadEvalSet(file, pagesDir ? { pagesDir } : {});
  const byQuestion = new Map(evalSet.questions.filter((q) => q.gold.length).map((q) => [q.question, q]));
  const inner = createExtractiveAnswerer({ threshold: 0 });
  const answerer: Answerer = {
    name: inner.name,
    answer(question, passages, opts) {
      const qa = byQuestion.get(question);
      if (qa) {
        const gold = qa.gold.map(normalise);
        const candidates = choiceCandidates(question, passages, opts?.query).map((c) => ({
          x: c.x,
          y: gold.some((g) => normalise(c.text).includes(g)) ? (1 as const) : (0 as const),
        }));
        // Only a question some candidate answers says anything about choosing between them.
        if (candidates.some((c) => c.y === 1))
          questions.push({ group: set === "news" ? `news:${qa.article}` : qa.article, candidates });
        byQuestion.delete(question);
      }
      return inner.answer(question, passages, opts);
    },
  };
  await runEval(loadConfig({}), file, { answerer, ...(pagesDir ? { pagesDir } : {}) });
}

/** The answerer's order: typed sentences of a named article that match well enough first, then by score. */
function first(candidates: Candidate[], score: (x: number[]) => number): Candidate {
  const idx = (f: string) => CHOICE_FEATURES.indexOf(f as (typeof CHOICE_FEATURES)[number]);
  const [rel, typed, elsewhere] = [idx("relevance"), idx("typed"), idx("elsewhere")];
  const bar = Math.max(0.2, 0.5 * Math.max(...candidates.map((c) => c.x[rel]!)));
  const lead = (c: Candidate) => c.x[typed] === 1 && c.x[elsewhere] === 0 && c.x[rel]! >= bar;
  const pool = candidates.some(lead) ? candidates.filter(lead) : candidates;
  return pool.reduce((a, b) => (score(b.x) > score(a.x) ? b : a));
}

const linear = (m: { weights: number[] }) => (x: number[]) => m.weights.reduce((a, w, j) => a + w * x[j]!, 0);
const top1 = (qs: QuestionRows[], score: (x: number[]) => number) =>
  qs.filter((q) => first(q.candidates, score).y === 1).length / (qs.length || 1);

/** Weights scaled so that relevance weighs 1 (the answerer compares scores as shares of the best). */
function scaled(m: Logistic): number[] {
  const r = m.weights[0]!;
  if (!(r > 0)) throw new Error(`relevance got weight ${r}: the fit is not usable`);
  return m.weights.map((w) => +(w / r).toFixed(4));
}

if (values.from) questions.push(...(JSON.parse(fs.readFileSync(values.from, "utf8")) as QuestionRows[]));
else {
  await collect(values.squad, "squad");
  await collect(values["xquad-en"], "xquad");
  for (const f of values.news.split(",").filter(Boolean)) await collect(f, "news", values.pages);
}
if (values.save) fs.writeFileSync(values.save, JSON.stringify(questions));

/**
 * Conditional logit by Newton's method: for each question, the log of the softmax mass on its
 * candidates that hold the answer; L2 on every weight (there is no bias: it cancels).
 */
function fitChoice(qs: QuestionRows[]): Logistic {
  const d = CHOICE_FEATURES.length;
  let beta = [...current.weights];
  const objective = (b: number[]) => {
    let ll = 0;
    for (const q of qs) {
      const s = q.candidates.map((c) => c.x.reduce((a, xj, j) => a + xj * b[j]!, 0));
      const max = Math.max(...s);
      const all = s.reduce((a, v) => a + Math.exp(v - max), 0);
      const pos = s.reduce((a, v, i) => a + (q.candidates[i]!.y ? Math.exp(v - max) : 0), 0);
      ll += Math.log(pos / all);
    }
    return ll / qs.length - (l2 / 2) * b.reduce((a, v) => a + v * v, 0);
  };
  for (let it = 0; it < 100; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const q of qs) {
      const s = q.candidates.map((c) => c.x.reduce((a, xj, j) => a + xj * beta[j]!, 0));
      const max = Math.max(...s);
      const e = s.map((v) => Math.exp(v - max));
      for (const subset of [q.candidates.map(() => true), q.candidates.map((c) => c.y === 1)]) {
        const sign = subset.every(Boolean) ? -1 : 1;
        const z = e.reduce((a, v, i) => a + (subset[i] ? v : 0), 0);
        const mean = new Array<number>(d).fill(0);
        q.candidates.forEach((c, i) => {
          if (subset[i]) for (let j = 0; j < d; j++) mean[j]! += (e[i]! / z) * c.x[j]!;
        });
        for (let j = 0; j < d; j++) g[j]! += (sign * mean[j]!) / qs.length;
        q.candidates.forEach((c, i) => {
          if (!subset[i]) return;
          for (let j = 0; j < d; j++)
            for (let k = 0; k < d; k++)
              h[j]![k]! += (sign * (e[i]! / z) * (c.x[j]! - mean[j]!) * (c.x[k]! - mean[k]!)) / qs.length;
        });
      }
    }
    for (let j = 0; j < d; j++) {
      g[j]! -= l2 * beta[j]!;
      h[j]![j]! -= l2;
    }
    // Newton's step on the concave part, halved until the objective rises.
    const step = solve(
      h.map((row) => row.map((v) => -v)),
      g,
    );
    let t = 1;
    const before = objective(beta);
    let next = beta.map((b, j) => b + t * step[j]!);
    while (objective(next) < before && t > 1e-4) {
      t /= 2;
      next = beta.map((b, j) => b + t * step[j]!);
    }
    const moved = Math.max(...next.map((v, j) => Math.abs(v - beta[j]!)));
    beta = next;
    if (moved < 1e-7) break;
  }
  return { weights: beta, bias: 0 };
}

const heldTop: Record<string, [number, number, number]> = {};
const sets = ["squad", "news", "xquad"] as const;
const setOf = (g: string) => (g.startsWith("news:") ? "news" : "squad-or-xquad");
let cvHits = 0;
for (const g of new Set(questions.map((q) => q.group))) {
  const train = questions.filter((q) => q.group !== g);
  const m = fitChoice(train);
  const test = questions.filter((q) => q.group === g);
  const s = setOf(g);
  heldTop[s] ??= [0, 0, 0];
  heldTop[s][0] += test.length;
  heldTop[s][1] += test.filter((q) => first(q.candidates, linear(current)).y === 1).length;
  heldTop[s][2] += test.filter((q) => first(q.candidates, linear(m)).y === 1).length;
  cvHits += test.filter((q) => first(q.candidates, linear(m)).y === 1).length;
}
const model = fitChoice(questions);
const weights = scaled(model);
const report = {
  questions: questions.length,
  sets,
  in_use: { weights: current.weights, top1: +top1(questions, linear(current)).toFixed(3) },
  fitted: { weights, top1: +top1(questions, linear({ weights })).toFixed(3) },
  article_grouped_cv: {
    top1_fitted: +(cvHits / questions.length).toFixed(3),
    by_set: Object.fromEntries(
      Object.entries(heldTop).map(([s, [n, a, b]]) => [
        s,
        { questions: n, top1_in_use: +(a / n).toFixed(3), top1_fitted: +(b / n).toFixed(3) },
      ]),
    ),
  },
};
console.log(JSON.stringify(report, null, 2));
if (values.write) {
  const file = new URL("../src/answer/choice-model.json", import.meta.url);
  const out = {
    features: [...CHOICE_FEATURES],
    weights,
    fitted: `scripts/fit-choice.ts on ${path.basename(values.squad)}, ${path.basename(values["xquad-en"])} and ${values.news
      .split(",")
      .map((f) => path.basename(f))
      .join(
        ", ",
      )} (${questions.length} answerable questions some candidate answers; each question's candidates weigh 1 together); L2 ${l2}; scaled so that relevance weighs 1. Article-grouped CV top-1: ${JSON.stringify(report.article_grouped_cv.by_set)}`,
  };
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(JSON.stringify(out), { ...options, parser: "json" }));
}

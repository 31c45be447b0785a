/**
 * `footnote eval`: scores the bot's own code path on a SQuAD-format file, exactly as
 * shared/datasets/README.md defines it: every article ingested through the ingest path, every
 * question asked through the ask path, in a throw-away data folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import { createFootnote } from "../footnote.ts";
import { renderAnswerText } from "../answer/render-text.ts";

interface SquadFile {
  data: Array<{
    title: string;
    paragraphs: Array<{
      context: string;
      qas: Array<{ question: string; answers: Array<{ text: string }>; is_impossible?: boolean }>;
    }>;
  }>;
}

export interface EvalReport {
  "hit@1": number;
  "hit@3": number;
  "hit@5": number;
  mrr: number;
  answer_containment: number;
  /** Containment in the short answer alone, without the quotes under it. */
  answer_only_containment: number;
  abstention: number;
  false_abstention: number;
  query_ms_p50: number;
  query_ms_p95: number;
  questions: number;
  answerable: number;
  unanswerable: number;
  articles: number;
  passages: number;
  ingest_ms: number;
}

const MAX_PASSAGE = 1000;
const MAX_REPLY = 1500;

export const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

export async function runEval(
  config: Config,
  datasetPath: string,
  opts: { limit?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<EvalReport> {
  let squad: SquadFile;
  try {
    squad = JSON.parse(fs.readFileSync(datasetPath, "utf8")) as SquadFile;
  } catch (error) {
    throw new FootnoteError(
      "BAD_INPUT",
      `Could not read the dataset ${datasetPath}: ${(error as Error).message}. Give a SQuAD-format JSON file.`,
    );
  }
  if (!Array.isArray(squad.data))
    throw new FootnoteError("BAD_INPUT", `${datasetPath} is not in SQuAD format (no "data" list).`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-eval-"));
  const footnote = await createFootnote({ config: { ...config, DATA_DIR: dataDir } });
  const library = "eval";
  try {
    const t0 = performance.now();
    let passages = 0;
    for (const article of squad.data) {
      const text = article.paragraphs.map((p) => p.context).join("\n\n");
      const r = await footnote.ingest(library, { kind: "text", text, title: article.title });
      passages += r.chunks;
    }
    const ingestMs = performance.now() - t0;

    const questions = squad.data.flatMap((a) => a.paragraphs.flatMap((p) => p.qas)).slice(0, opts.limit);
    let hit1 = 0,
      hit3 = 0,
      hit5 = 0,
      rr = 0,
      contained = 0,
      containedInAnswer = 0,
      abstainedUnans = 0,
      abstainedAns = 0,
      answerable = 0,
      unanswerable = 0;
    const latencies: number[] = [];
    // Warm-up, so the first question does not pay for lazy loading.
    await footnote.askDetailed(library, "warm up question");
    for (const [i, qa] of questions.entries()) {
      const start = performance.now();
      const { retrieved, answer } = await footnote.askDetailed(library, qa.question, { retrieveK: 10 });
      latencies.push(performance.now() - start);
      const impossible = qa.is_impossible === true || qa.answers.length === 0;
      if (impossible) {
        unanswerable++;
        if (answer.abstained) abstainedUnans++;
      } else {
        answerable++;
        const gold = qa.answers.map((a) => normalise(a.text));
        const rank = retrieved.findIndex((p) => {
          if (p.text.length > MAX_PASSAGE)
            throw new Error(`a retrieved passage has ${p.text.length} characters, over ${MAX_PASSAGE}`);
          const t = normalise(p.text);
          return gold.some((g) => t.includes(g));
        });
        if (rank === 0) hit1++;
        if (rank >= 0 && rank < 3) hit3++;
        if (rank >= 0 && rank < 5) hit5++;
        if (rank >= 0 && rank < 10) rr += 1 / (rank + 1);
        if (answer.abstained) abstainedAns++;
        const reply = normalise(renderAnswerText(answer).slice(0, MAX_REPLY));
        if (gold.some((g) => reply.includes(g))) contained++;
        const short = normalise(answer.answer);
        if (gold.some((g) => short.includes(g))) containedInAnswer++;
      }
      opts.onProgress?.(i + 1, questions.length);
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return {
      "hit@1": r3(hit1 / answerable),
      "hit@3": r3(hit3 / answerable),
      "hit@5": r3(hit5 / answerable),
      mrr: r3(rr / answerable),
      answer_containment: r3(contained / answerable),
      answer_only_containment: r3(containedInAnswer / answerable),
      abstention: r3(unanswerable ? abstainedUnans / unanswerable : 0),
      false_abstention: r3(abstainedAns / answerable),
      query_ms_p50: r3(pct(0.5)),
      query_ms_p95: r3(pct(0.95)),
      questions: questions.length,
      answerable,
      unanswerable,
      articles: squad.data.length,
      passages,
      ingest_ms: Math.round(ingestMs),
    };
  } finally {
    await footnote.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

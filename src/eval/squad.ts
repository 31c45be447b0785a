/**
 * `footnote eval`: scores the bot's own code path on a question set (SQuAD 2.0 or a news set,
 * see datasets.ts), exactly as shared/datasets/README.md defines the figures: every article
 * ingested through the ingest path, every question asked through the ask path, in a throw-away
 * data folder. With a report file, one JSON line per question, so misses can be read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config.ts";
import { footnoteOver } from "../footnote.ts";
import { openParts } from "../pipeline/parts.ts";
import { renderAnswerText } from "../answer/render-text.ts";
import { loadEvalSet, type EvalFollowUp } from "./datasets.ts";
import { Conversations } from "../conversation/conversation.ts";
import { conversationDbPath, SqliteConversationStore } from "../conversation/sqlite-store.ts";
import { silentLogger } from "../logger.ts";
import type { FootnoteService } from "../footnote.ts";
import type { Answerer } from "../answer/types.ts";
import { throwawaySchema } from "../library/postgres/throwaway.ts";

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
  /** Median characters of a reply (answer and quotes, as the terminal shows it), answered questions only. */
  reply_chars_median: number;
  query_ms_p50: number;
  query_ms_p95: number;
  questions: number;
  answerable: number;
  unanswerable: number;
  articles: number;
  passages: number;
  ingest_ms: number;
  /** Follow-up pairs in the set (a news set's `followUps`), and the share whose follow-up reply holds a gold answer. */
  follow_ups: number;
  follow_ups_answered: number;
}

/** One line of `--report`. */
export interface EvalReportLine {
  question: string;
  article: string;
  gold: string[];
  answer: string;
  citations: Array<{ n: number; title: string; quote: string }>;
  abstained: boolean;
  confidence: number | null;
  /** Rank (1-based) of the first retrieved passage holding a gold answer; null if none of 10 does. */
  rank: number | null;
  /** Gold found in the short answer / in the whole reply. */
  in_answer: boolean;
  in_reply: boolean;
  reply_chars: number;
  /** What the answerer decided on, when it says (the extractive answerer's features). */
  evidence?: Record<string, number>;
}

const MAX_PASSAGE = 1000;
const MAX_REPLY = 1500;

export const normalise = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();

export async function runEval(
  config: Config,
  datasetPath: string,
  opts: {
    limit?: number;
    pagesDir?: string;
    reportFile?: string;
    /** Another answerer than the configured one (scripts/fit-confidence.ts: one that always decides to answer). */
    answerer?: Answerer;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<EvalReport> {
  const set = loadEvalSet(datasetPath, { pagesDir: opts.pagesDir });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-eval-"));
  // With DATABASE_URL, the eval's library lives in a schema of its own, dropped at the end.
  const scratch = config.DATABASE_URL ? await throwawaySchema(config.DATABASE_URL) : undefined;
  const parts = await openParts({
    config: { ...config, DATA_DIR: dataDir, ...(scratch ? { DATABASE_URL: scratch.url } : {}) },
    ...(opts.answerer ? { answerer: opts.answerer } : {}),
  }).catch(async (error: unknown) => {
    await scratch?.drop();
    throw error;
  });
  const footnote = footnoteOver(parts);
  const library = "eval";
  const report = opts.reportFile ? fs.openSync(opts.reportFile, "w") : undefined;
  try {
    const t0 = performance.now();
    let passages = 0;
    for (const article of set.articles) passages += (await footnote.ingest(library, article.source)).chunks;
    const ingestMs = performance.now() - t0;

    const questions = set.questions.slice(0, opts.limit);
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
    const replyChars: number[] = [];
    // Warm-up, so the first question does not pay for lazy loading.
    await parts.ask.askDetailed(library, "warm up question");
    for (const [i, qa] of questions.entries()) {
      const start = performance.now();
      const { retrieved, answer } = await parts.ask.askDetailed(library, qa.question, { retrieveK: 10 });
      latencies.push(performance.now() - start);
      const rendered = renderAnswerText(answer);
      if (!answer.abstained) replyChars.push(rendered.length);
      const gold = qa.gold.map(normalise);
      let rank = -1;
      let inAnswer = false;
      let inReply = false;
      if (gold.length === 0) {
        unanswerable++;
        if (answer.abstained) abstainedUnans++;
      } else {
        answerable++;
        rank = retrieved.findIndex((p) => {
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
        const reply = normalise(rendered.slice(0, MAX_REPLY));
        inReply = gold.some((g) => reply.includes(g));
        if (inReply) contained++;
        const short = normalise(answer.answer);
        inAnswer = !answer.abstained && gold.some((g) => short.includes(g));
        if (inAnswer) containedInAnswer++;
      }
      if (report !== undefined) {
        const line: EvalReportLine = {
          question: qa.question,
          article: qa.article,
          gold: qa.gold,
          answer: answer.answer,
          citations: answer.citations.map((c) => ({ n: c.n, title: c.title, quote: c.quote })),
          abstained: answer.abstained,
          confidence: answer.confidence ?? null,
          rank: rank >= 0 ? rank + 1 : null,
          in_answer: inAnswer,
          in_reply: inReply,
          reply_chars: rendered.length,
          ...(answer.evidence ? { evidence: answer.evidence } : {}),
        };
        fs.writeSync(report, `${JSON.stringify(line)}\n`);
      }
      opts.onProgress?.(i + 1, questions.length);
    }
    const followUps = await askFollowUps(footnote, library, dataDir, set.followUps, report);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    replyChars.sort((a, b) => a - b);
    return {
      "hit@1": r3(hit1 / answerable),
      "hit@3": r3(hit3 / answerable),
      "hit@5": r3(hit5 / answerable),
      mrr: r3(rr / answerable),
      answer_containment: r3(contained / answerable),
      answer_only_containment: r3(containedInAnswer / answerable),
      abstention: r3(unanswerable ? abstainedUnans / unanswerable : 0),
      false_abstention: r3(abstainedAns / answerable),
      reply_chars_median: replyChars.length ? replyChars[Math.floor((replyChars.length - 1) / 2)]! : 0,
      query_ms_p50: r3(pct(0.5)),
      query_ms_p95: r3(pct(0.95)),
      questions: questions.length,
      answerable,
      unanswerable,
      articles: set.articles.length,
      passages,
      ingest_ms: Math.round(ingestMs),
      follow_ups: set.followUps.length,
      follow_ups_answered: set.followUps.length ? r3(followUps / set.followUps.length) : 0,
    };
  } finally {
    if (report !== undefined) fs.closeSync(report);
    await footnote.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Asks each follow-up pair in a conversation of its own, through the path the bot and `footnote
 * chat` take (conversation/), and counts the follow-ups whose reply holds a gold answer.
 */
async function askFollowUps(
  footnote: FootnoteService,
  library: string,
  dataDir: string,
  pairs: EvalFollowUp[],
  report: number | undefined,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const store = new SqliteConversationStore(conversationDbPath(dataDir), { maxTurns: 10, ttlMs: 3_600_000 });
  const conversations = new Conversations(footnote, store, silentLogger());
  let answered = 0;
  try {
    for (const [i, pair] of pairs.entries()) {
      const key = { chat: `eval:${i}`, thread: "" };
      await conversations.ask(key, library, pair.first);
      const { result, turn } = await conversations.ask(key, library, pair.followUp);
      const reply = normalise(renderAnswerText(result).slice(0, MAX_REPLY));
      const inReply = !result.abstained && pair.gold.some((g) => reply.includes(normalise(g)));
      if (inReply) answered++;
      if (report !== undefined)
        fs.writeSync(
          report,
          `${JSON.stringify({ follow_up: pair.followUp, first: pair.first, resolved: turn.resolved, article: pair.article, gold: pair.gold, answer: result.answer, abstained: result.abstained, in_reply: inReply })}\n`,
        );
    }
  } finally {
    await conversations.close();
  }
  return answered;
}

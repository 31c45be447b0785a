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
import { askAfterSharing, type AfterSharing } from "./after-sharing.ts";
import { Conversations } from "../conversation/conversation.ts";
import { conversationDbPath, SqliteConversationStore } from "../conversation/sqlite-store.ts";
import { silentLogger } from "../logger.ts";
import type { FootnoteService } from "../footnote.ts";
import type { Answerer } from "../answer/types.ts";
import type { AnswerResult } from "../types.ts";

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
  /** A news set's questions asked in a chat right after sharing their page (after-sharing.ts). */
  after_sharing?: AfterSharing;
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

/** Whether a reply, as the terminal shows it (its first MAX_REPLY characters), holds a gold answer. */
export function holdsGold(rendered: string, gold: readonly string[]): boolean {
  const reply = normalise(rendered.slice(0, MAX_REPLY));
  return gold.some((g) => reply.includes(normalise(g)));
}

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
  // (`pg` loads only then, as everywhere else.)
  const scratch = config.DATABASE_URL
    ? await (await import("../library/postgres/throwaway.ts")).throwawaySchema(config.DATABASE_URL)
    : undefined;
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
    const articleIds = new Map<string, string>();
    for (const article of set.articles) {
      const stored = await footnote.ingest(library, article.source);
      passages += stored.chunks;
      articleIds.set(article.key, stored.id);
    }
    const ingestMs = performance.now() - t0;

    const questions = set.questions.slice(0, opts.limit);
    const tally = newTally();
    // Warm-up, so the first question does not pay for lazy loading.
    await parts.ask.askDetailed(library, "warm up question");
    for (const [i, qa] of questions.entries()) {
      const start = performance.now();
      const { retrieved, answer } = await parts.ask.askDetailed(library, qa.question, { retrieveK: 10 });
      tally.latencies.push(performance.now() - start);
      const rendered = renderAnswerText(answer);
      const scored = score(tally, qa.gold, retrieved, answer, rendered);
      if (report !== undefined)
        fs.writeSync(report, `${JSON.stringify(reportLine(qa, answer, rendered, scored))}\n`);
      opts.onProgress?.(i + 1, questions.length);
    }
    const followUps = await askFollowUps(footnote, library, dataDir, set.followUps, report);
    const afterSharing =
      set.kind === "news"
        ? await askAfterSharing(footnote, library, questions, articleIds, holdsGold)
        : undefined;
    return {
      ...figures(tally),
      questions: questions.length,
      answerable: tally.answerable,
      unanswerable: tally.unanswerable,
      articles: set.articles.length,
      passages,
      ingest_ms: Math.round(ingestMs),
      follow_ups: set.followUps.length,
      follow_ups_answered: set.followUps.length ? r3(followUps / set.followUps.length) : 0,
      ...(afterSharing ? { after_sharing: afterSharing } : {}),
    };
  } finally {
    if (report !== undefined) fs.closeSync(report);
    await footnote.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Running counts over the questions asked so far. */
interface Tally {
  hit1: number;
  hit3: number;
  hit5: number;
  rr: number;
  contained: number;
  containedInAnswer: number;
  abstainedUnans: number;
  abstainedAns: number;
  answerable: number;
  unanswerable: number;
  latencies: number[];
  replyChars: number[];
}

function newTally(): Tally {
  return {
    hit1: 0,
    hit3: 0,
    hit5: 0,
    rr: 0,
    contained: 0,
    containedInAnswer: 0,
    abstainedUnans: 0,
    abstainedAns: 0,
    answerable: 0,
    unanswerable: 0,
    latencies: [],
    replyChars: [],
  };
}

/** How one question did: the gold's rank in retrieval (-1: absent), and whether the answer or reply holds it. */
interface Scored {
  rank: number;
  inAnswer: boolean;
  inReply: boolean;
}

/** Scores one answer against its gold strings (none: unanswerable) and counts it into `t`. */
function score(
  t: Tally,
  goldStrings: string[],
  retrieved: Array<{ text: string }>,
  answer: AnswerResult,
  rendered: string,
): Scored {
  if (!answer.abstained) t.replyChars.push(rendered.length);
  const gold = goldStrings.map(normalise);
  if (gold.length === 0) {
    t.unanswerable++;
    if (answer.abstained) t.abstainedUnans++;
    return { rank: -1, inAnswer: false, inReply: false };
  }
  t.answerable++;
  const rank = retrieved.findIndex((p) => {
    if (p.text.length > MAX_PASSAGE)
      throw new Error(`a retrieved passage has ${p.text.length} characters, over ${MAX_PASSAGE}`);
    const text = normalise(p.text);
    return gold.some((g) => text.includes(g));
  });
  if (rank === 0) t.hit1++;
  if (rank >= 0 && rank < 3) t.hit3++;
  if (rank >= 0 && rank < 5) t.hit5++;
  if (rank >= 0 && rank < 10) t.rr += 1 / (rank + 1);
  if (answer.abstained) t.abstainedAns++;
  const inReply = holdsGold(rendered, goldStrings);
  if (inReply) t.contained++;
  const short = normalise(answer.answer);
  const inAnswer = !answer.abstained && gold.some((g) => short.includes(g));
  if (inAnswer) t.containedInAnswer++;
  return { rank, inAnswer, inReply };
}

/** One line of `eval --report`. */
function reportLine(
  qa: { question: string; article: string; gold: string[] },
  answer: AnswerResult,
  rendered: string,
  { rank, inAnswer, inReply }: Scored,
): EvalReportLine {
  return {
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
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The rates and times of a finished tally. */
function figures(t: Tally) {
  const latencies = [...t.latencies].sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const replyChars = [...t.replyChars].sort((a, b) => a - b);
  return {
    "hit@1": r3(t.hit1 / t.answerable),
    "hit@3": r3(t.hit3 / t.answerable),
    "hit@5": r3(t.hit5 / t.answerable),
    mrr: r3(t.rr / t.answerable),
    answer_containment: r3(t.contained / t.answerable),
    answer_only_containment: r3(t.containedInAnswer / t.answerable),
    abstention: r3(t.unanswerable ? t.abstainedUnans / t.unanswerable : 0),
    false_abstention: r3(t.abstainedAns / t.answerable),
    reply_chars_median: replyChars.length ? replyChars[Math.floor((replyChars.length - 1) / 2)]! : 0,
    query_ms_p50: r3(pct(0.5)),
    query_ms_p95: r3(pct(0.95)),
  };
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
      const inReply = !result.abstained && holdsGold(renderAnswerText(result), pair.gold);
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

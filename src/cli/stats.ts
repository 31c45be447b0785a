/**
 * `footnote stats`: what the deployment holds and how it has been answering: libraries,
 * articles and passages on disk, and the questions of the last day (answered, declined,
 * follow-ups, latency) as the bot, `footnote chat` and `footnote ask` recorded them; of every
 * library, or of one (`--library`).
 */
import type { ConversationStore } from "../conversation/types.ts";
import { count } from "./plural.ts";

/** What `footnote stats` reports, as its --json prints it. */
export interface Stats {
  /** The one library the figures are of, when --library named one. */
  library?: string;
  libraries: number;
  articles: number;
  passages: number;
  lastDay: {
    questions: number;
    answered: number;
    declined: number;
    followUps: number;
    p50Ms: number | null;
    p95Ms: number | null;
  };
}

/** The window the question figures cover. */
export const DAY_MS = 24 * 3600_000;

/** The store's counts, with the last day's questions from the conversation store (of `library` only, if given). */
export async function collectStats(
  counts: { libraries: number; articles: number; passages: number },
  store: ConversationStore,
  now = Date.now(),
  library?: string,
): Promise<Stats> {
  const q = await store.questionStats(now - DAY_MS, library);
  return {
    ...(library !== undefined ? { library } : {}),
    ...counts,
    lastDay: { questions: q.answered + q.declined, ...q },
  };
}

const ms = (v: number | null) => (v === null ? "–" : `${Math.round(v).toLocaleString("en")} ms`);

/** The stats as a two-column table for the terminal. */
export function formatStats(s: Stats): string {
  const d = s.lastDay;
  const rows: Array<[string, string]> = [
    s.library !== undefined ? ["library", s.library] : ["libraries", s.libraries.toLocaleString("en")],
    ["articles", s.articles.toLocaleString("en")],
    ["passages", s.passages.toLocaleString("en")],
    [
      "questions, last 24 hours",
      `${d.questions.toLocaleString("en")}: ${d.answered} answered, ${d.declined} declined (${count(d.followUps, "follow-up")})`,
    ],
    ["answer time p50 / p95", `${ms(d.p50Ms)} / ${ms(d.p95Ms)}`],
  ];
  return rows.map(([k, v]) => `${k.padEnd(26)} ${v}`).join("\n") + "\n";
}

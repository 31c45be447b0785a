/**
 * The evaluation sets both fitting scripts (fit-choice.ts, fit-confidence.ts) fit on by default,
 * and the one they never fit on: test/fixtures/news/unseen-b.json is held out for good.
 */
import path from "node:path";

/** The `--squad` and `--news` options, as parseArgs takes them. */
export const FIT_SET_OPTIONS = {
  squad: { type: "string", default: "../shared/datasets/squad2-dev-5articles.json" },
  news: {
    type: "string",
    default:
      "test/fixtures/news/questions.json,test/fixtures/news/holdout.json,test/fixtures/news/unseen-a.json",
  },
} as const;

/** Throws when `file` is the held-out news set. */
export function refuseHeldOut(file: string): void {
  if (path.basename(file) === "unseen-b.json")
    throw new Error("unseen-b.json is held out for good: it is never fitted on");
}

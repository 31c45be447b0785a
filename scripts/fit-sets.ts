/**
 * The evaluation sets both fitting scripts (fit-choice.ts, fit-confidence.ts) fit on by default,
 * and the ones they never fit on: test/fixtures/news/unseen-b.json and unseen-e.json are held
 * out for good, to measure what the fitted models do on questions nobody read.
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

/** The news sets held out for good. */
const HELD_OUT = new Set(["unseen-b.json", "unseen-e.json"]);

/** Throws when `file` is a held-out news set. */
export function refuseHeldOut(file: string): void {
  const name = path.basename(file);
  if (HELD_OUT.has(name)) throw new Error(`${name} is held out for good: it is never fitted on`);
}

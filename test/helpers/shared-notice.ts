/**
 * vitest's global setup: says, once and up front, when ../shared is not beside the repository
 * and which tests are skipped for it, so that no test is skipped without a word.
 */
import { SHARED_PRESENT } from "./footnote.ts";

export function setup(): void {
  if (SHARED_PRESENT) return;
  console.warn(
    "\n../shared is not beside the repository: the tests that read the shared article, the SQuAD " +
      "file or the news pages (the shared-article answers, conversations and Telegram end-to-end " +
      "runs, and three CLI tests) are skipped. CI runs them with ../shared in place.\n",
  );
}

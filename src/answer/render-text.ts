/** The terminal rendering of an answer: the answer, then each cited passage quoted. */
import type { AnswerResult } from "../types.ts";

/** The answer as a terminal shows it: the text, then each citation's "[n] title — url" and quote. */
export function renderAnswerText(result: AnswerResult): string {
  const lines = [result.answer];
  if (result.citations.length) lines.push("");
  let previous: string | undefined;
  for (const c of result.citations) {
    // A second quote from the same article does not repeat its title and link.
    lines.push(
      c.articleId === previous
        ? `[${c.n}] (same article)`
        : `[${c.n}] ${c.title}${c.url ? ` — ${c.url}` : ""}`,
    );
    previous = c.articleId;
    lines.push(
      ...c.quote
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => `    “${l.trim()}”`.replace(/^ {4}“(.*)”$/, "    > $1")),
    );
  }
  return lines.join("\n");
}

/** The terminal rendering of an answer: the answer, then each cited passage quoted. */
import type { AnswerResult } from "../types.ts";

export function renderAnswerText(result: AnswerResult): string {
  const lines = [result.answer];
  if (result.citations.length) lines.push("");
  for (const c of result.citations) {
    lines.push(`[${c.n}] ${c.title}${c.url ? ` — ${c.url}` : ""}`);
    lines.push(
      ...c.quote
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => `    “${l.trim()}”`.replace(/^ {4}“(.*)”$/, "    > $1")),
    );
  }
  return lines.join("\n");
}

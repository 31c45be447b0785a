/**
 * Whether an article says who a person is, as the answerer reads it: some sentence holds the
 * description the answer rule for "Who is X?" looks for (src/answer/rules/describes.ts). A
 * person the article only names is not worth a "Who is …?": the answerer declines it.
 */
import { readQuestion } from "../answer/question.ts";
import { holdsForm } from "../answer/rules/index.ts";
import type { Span } from "../text/span.ts";

/**
 * Whether a sentence of `text` (among `sentences`) describes `name`, asked as `whoIs` asks it
 * (English by default; the companion's "¿Quién es …?" in Spanish).
 */
export function isDescribed(
  name: string,
  text: string,
  sentences: readonly Span[],
  lang = "en",
  whoIs: (name: string) => string = (n) => `Who is ${n}?`,
): boolean {
  const q = readQuestion(whoIs(name), lang);
  if (q.form !== "description") return false;
  const surname = name.split(/\s+/).at(-1)!;
  for (const [i, span] of sentences.entries()) {
    const sentence = text.slice(span.start, span.end);
    const prev = sentences[i - 1];
    const before = prev ? text.slice(prev.start, prev.end) : undefined;
    if (!sentence.includes(surname) && !before?.includes(surname)) continue;
    if (holdsForm(q, { text: sentence, ...(before !== undefined ? { before } : {}) })) return true;
  }
  return false;
}

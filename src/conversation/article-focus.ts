/**
 * The article a conversation is on. Someone who shares a link and then asks "How much does it
 * cost?" or "Which country came out on top?" asks about that article, not about the library: an
 * article added alone since the conversation's last turn (within its window) is searched first, and
 * the conversation stays on it while its questions are answered there. A question it does not
 * answer is asked of the whole library, and the conversation leaves the article.
 */
import type { AnswerResult, AskOptions, Footnote } from "../types.ts";
import type { Turn } from "./types.ts";

/**
 * The article the next question is asked of first: the one article added to the library since
 * the previous turn and since `horizon` (the start of the conversation's window); else the
 * previous turn's focus, while that turn was answered from it; else none.
 */
export async function articleToAskFirst(
  footnote: Pick<Footnote, "list" | "addedSince">,
  libraryId: string,
  previous: Turn | undefined,
  horizon: number,
): Promise<string | undefined> {
  const since = Math.max(previous?.at ?? 0, horizon);
  // Two are enough to tell one from several, read newest first without listing the library.
  const added = footnote.addedSince
    ? await footnote.addedSince(libraryId, since, 2)
    : (await footnote.list(libraryId)).filter((a) => Date.parse(a.createdAt) > since);
  // Several added at once (a batch, an import) leave it open which one a question is about.
  if (added.length === 1) return added[0]!.id;
  if (added.length > 1) return undefined;
  const kept = previous?.focus;
  return kept && !previous.abstained && previous.articleIds.includes(kept) ? kept : undefined;
}

/** An answer, and the article it was asked of first when it came from there. */
export interface FocusedAnswer {
  result: AnswerResult;
  /** The article in focus, when the answer came from it. */
  focus?: string;
}

/**
 * Asks `question` of the article in focus first. If it declines there, the whole library
 * answers. If it answers with a confidence (the extractive answerer), the library is asked too,
 * and its answer from another article wins only when it is more confident: "When will the
 * council vote?", asked while on a board meeting's article, is about the council's article.
 * A chat model's answer (no confidence) is kept, rather than paying for a second call.
 */
export async function askWithFocus(
  footnote: Pick<Footnote, "ask">,
  libraryId: string,
  question: string,
  opts: AskOptions,
  focus: string | undefined,
): Promise<FocusedAnswer> {
  if (!focus) return { result: await footnote.ask(libraryId, question, opts) };
  // Not streamed: a chat model's decline there would flash before the library's answer.
  const { onPartial: _streamed, ...quiet } = opts;
  const onFocus = await footnote.ask(libraryId, question, { ...quiet, articleIds: [focus] });
  if (onFocus.abstained) return { result: await footnote.ask(libraryId, question, opts) };
  if (onFocus.confidence === undefined) return { result: onFocus, focus };
  const library = await footnote.ask(libraryId, question, quiet);
  const elsewhere = !library.abstained && !library.citations.some((c) => c.articleId === focus);
  return elsewhere && (library.confidence ?? 0) > onFocus.confidence
    ? { result: library }
    : { result: onFocus, focus };
}

/**
 * A text that ends in a question mark, perhaps inside closing quotes or brackets, in any script
 * the text layer reads ("?", "？", "؟"): the answerer never quotes one as an answer, and the
 * companion offers an article's own question lines (companion/heading-questions.ts).
 */
const ASKS = /[?？؟]["'”’»)\]」』）]*$/u;

/** Whether `text` (trimmed) ends by asking. */
export function endsAsking(text: string): boolean {
  return ASKS.test(text.trim());
}

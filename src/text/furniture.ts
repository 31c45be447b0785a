/**
 * Page furniture that the text layer recognises wherever text is read: at ingest (ingest/clean.ts
 * removes it) and when text stored before a rule existed is read (the answerer does not quote it,
 * the tokenizer does not split words on it).
 */

/**
 * Characters that hide inside words and split them for every reader: the soft hyphen
 * ("Netan\u00adyahu"), the zero-width space, the word joiner and a byte-order mark. The
 * zero-width (non-)joiners are left alone: Persian and Indic scripts spell with them.
 */
export const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

/**
 * A caption that says where its pictures are: "Clockwise from top: …", "From left: …",
 * "Above: …", "Pictured: …", "Top left: …".
 */
const CAPTION_LEAD =
  /^(?:(?:clockwise|anti-?clockwise|counter-?clockwise)(?: from [\p{L} ]{1,20})?|from (?:left|right|top|bottom)|(?:top|bottom|above|below|left|right|inset|main|pictured|main picture|main image)(?: (?:left|right|top|bottom|centre|center))?)\s*:\s*\S/iu;

/** Whether a line is a picture's caption by its opening ("Clockwise from top: …"). */
export function isCaptionLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 600 && CAPTION_LEAD.test(t);
}

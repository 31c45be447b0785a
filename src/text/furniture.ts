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

/** What stood in for a picture or a player, alone on a line: "Image", "Photo", "Video". */
const MEDIA_LABEL = /^(?:image|photo|picture|video|graphic|illustration|gallery|slideshow|audio)s?$/i;

/**
 * A newspaper's print trailer ("A version of this article appears in print on …") or its row
 * of reader links ("Order Reprints | Today's Paper | Subscribe").
 */
export const PRINT_TRAILER =
  /^(?:a version of this (?:article|story|review|column|essay) appear(?:s|ed) in print\b|order reprints\b)/i;
export const READER_LINKS = /\border reprints\s*\|/i;

/**
 * Whether a line is furniture by its form alone, wherever it stands: a caption, a media label,
 * a print trailer or reader links. Stored text from before ingest removed them keeps them;
 * its sentence spans leave them out (sentences.ts, `answerSpans`).
 */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  return (
    isCaptionLine(t) ||
    MEDIA_LABEL.test(t) ||
    PRINT_TRAILER.test(t) ||
    (READER_LINKS.test(t) && t.length <= 300)
  );
}

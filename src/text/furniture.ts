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
 * What a site puts around an article, alone on a line, in the languages users share pages in:
 * "Continue reading the main story", "Powered by SmartAsset.com", "Buscar", "Lo más reciente",
 * "转播到腾讯微博" (share on Tencent Weibo), "精彩视频推荐" (videos we recommend).
 */
const SITE_LABEL = new RegExp(
  `^(?:${[
    "continue reading(?: the main story| below)?",
    "powered by [\\p{L}\\d.-]{2,40}",
    "highlights|about the author|search|up next",
    // es, pt, fr, de, it
    "buscar|búsqueda|lo más reciente|lo más leído|más leídas|lo último|pesquisar|leia também|veja também|mais lidas",
    "rechercher|recherche|lire aussi|à lire aussi|les plus lus|suche|mehr zum thema|auch interessant|meistgelesen",
    "cerca|leggi anche|i più letti",
    // zh, ja
    "转播到腾讯微博|分享到[\\p{L}\\s]{0,12}|精彩视频推荐|相关阅读|相关新闻|热门推荐|関連記事|おすすめ記事",
  ].join("|")})$`,
  "iu",
);
/** A link to more of a section, ending in its arrow: "Más en Opinión ›", "More in Politics »". */
const MORE_IN =
  /^(?:more (?:in|from|on)|más en|más de|plus (?:de|sur|dans)|mehr (?:zu|aus|von|in)|mais (?:em|de|sobre)|altro (?:su|da|in))\s.{1,60}?\s*[›»→]$/iu;

/** Whether a line is a site's label around the article, in one of the languages above. */
export function isSiteLabel(line: string): boolean {
  const t = line.trim();
  return t.length <= 80 && (SITE_LABEL.test(t) || MORE_IN.test(t));
}

/** A wiki's link to edit a section, after its heading: "History[edit]", "Geschichte[Bearbeiten | Quelltext bearbeiten]". */
export const EDIT_LINK =
  /\s*\[(?:edit|edit source|bearbeiten|quelltext bearbeiten|bearbeiten \| quelltext bearbeiten|modifier|modifier le code|modifier \| modifier le code|editar|editar código-fonte|editar código|modifica|modifica wikitesto|править|править код|編集|编辑)\]$/iu;

/**
 * Whether a line is furniture by its form alone, wherever it stands: a caption, a media label,
 * a site's label, a print trailer or reader links. Stored text from before ingest removed them keeps them;
 * its sentence spans leave them out (sentences.ts, `answerSpans`).
 */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  return (
    isCaptionLine(t) ||
    MEDIA_LABEL.test(t) ||
    isSiteLabel(t) ||
    PRINT_TRAILER.test(t) ||
    (READER_LINKS.test(t) && t.length <= 300)
  );
}

/**
 * Page furniture that survives cleaning and must never stand in a gist or seed a question:
 * photo captions and credits ("Photo: …", "Image copyright …", "Clockwise from top …"),
 * bylines, datelines, headings and one-word lines. Cleaning (ingest/clean.ts) drops what it is
 * sure of; this is the stricter test for sentences a user is shown as the article's gist. The
 * text layer's caption test (text/furniture.ts) is one of its rules.
 */
import { isCaptionLine } from "../text/furniture.ts";

/** A label and a colon (or bar, dash) opening a caption, a credit or a byline: "Photo: …", "Source | …". */
const LABEL_OPENING =
  /^\s*[([]?\s*(?:photo(?:graph)?s?|pictures?|images?|video|watch|listen|illustration|graphic|caption|credits?|source|file|screenshot|foto|fotos|bild|bildquelle|quelle|imagen|imagem|crédits?|légende|legende|read more|related|advertisement|sponsored|copyright|by|posted|updated|published|share|subscribe|follow|editor'?s note)\s*[:|–—]/i;

/** Openings that are furniture whatever follows: "Clockwise from top …", "Photo by …", "Image copyright …". */
const CAPTION_OPENING =
  /^\s*[([]?\s*(?:clockwise|pictured|left to right|from left|(?:photo|photograph|picture|image|video|illustration)s? (?:by|courtesy|credit|copyright|caption|via|from)|image (?:copyright|caption)|read more|sign up|subscribe|click here|advertisement)\b/i;

/** A credit anywhere: "© Reuters", "Getty Images", "AP Photo/…", "(Image: …)". */
const CREDIT =
  /©|\b(?:getty images|shutterstock|associated press|ap photo|afp photo|reuters\/|epa\/|photo credit|image credit|image copyright|all rights reserved)\b|\((?:photo|image|picture|credit)s?\s*:/i;

/** Directions to a picture rather than statements about the world. */
const POINTING =
  /\b(?:clockwise from|(?:pictured|seen|shown) (?:above|below|here|left|right)|in this (?:photo|picture|image|file photo))\b/i;

/** Minimum words for a sentence a reader would take for a statement. */
const MIN_WORDS = 8;
/** Longer than this, a "sentence" is a run-on list or a paragraph the splitter could not cut. */
const MAX_CHARS = 400;

/**
 * Whether a sentence is furniture (or too short or long to say what an article is about).
 * `minWords`: fewer words than this is too short (a short sentence may still answer a question).
 */
export function isFurniture(sentence: string, minWords = MIN_WORDS): boolean {
  const s = sentence.trim();
  if (s.length > MAX_CHARS) return true;
  const words = s.match(/[\p{L}\p{N}]+/gu) ?? [];
  // Scripts without spaces between words: count characters instead (about two a word).
  const cjk = (s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu) ?? [])
    .length;
  if (words.length + cjk / 2 < minWords) return true;
  // A heading or a caption has no full stop; a statement ends in one.
  if (!/[.!?。！？…]["'”’»)\]」』]*$/u.test(s)) return true;
  if (
    isCaptionLine(s) ||
    LABEL_OPENING.test(s) ||
    CAPTION_OPENING.test(s) ||
    CREDIT.test(s) ||
    POINTING.test(s)
  )
    return true;
  // Shouting, or a line of names and pipes.
  const letters = s.replace(/[^\p{L}]/gu, "");
  if (letters.length > 10 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    return true;
  if (/[|•·]/.test(s)) return true;
  return false;
}

/**
 * Removes page furniture from article text: "Read more" links, ads labels, reading-time and
 * section labels, photo credits, a duplicated headline, a lone dateline, a wiki's table of
 * contents and its "[edit]" links, and the trailing list of other headlines that copied pages
 * end with. Every rule is general (labels, shapes of
 * lines, position in the text), never one site's markup, and errs on keeping text: a line
 * that ends a sentence is only removed when it is a label or credit by its form.
 */

import {
  EDIT_LINK,
  INVISIBLE,
  isCaptionLine,
  isSiteLabel,
  PRINT_TRAILER,
  READER_LINKS,
} from "../text/furniture.ts";

export interface CleanedArticle {
  text: string;
  /** The first line, when it reads like a headline. */
  title?: string;
  /** A "By …" line from the top of the text. */
  byline?: string;
  /** A lone dateline, as YYYY-MM-DD. */
  publishedAt?: string;
}

/** \r\n → \n, trailing spaces trimmed per line, runs of blank lines → one, NFC, invisible characters out. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/\f/g, "\n\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .trimEnd();
}

export function cleanArticleText(text: string, opts?: { title?: string }): string {
  return cleanArticle(text, opts).text;
}

// ---------------------------------------------------------------------------------------
// Line shapes

const CLOSERS = `["'”’»)\\]]*`;
const SENTENCE_END = new RegExp(`[.!?…]${CLOSERS}$`);
const TOP_LINES = 10; // the "top area": datelines, bylines and section labels live here
const END_LINES = 5;

const words = (line: string) => line.split(/\s+/).filter(Boolean).length;
const endsSentence = (line: string) => SENTENCE_END.test(line.trim());

/** A line of running text: a sentence of some length, or too long to be a label. */
function isBody(line: string): boolean {
  const t = line.trim();
  return (endsSentence(t) && words(t) >= 6) || t.length >= 200;
}

/** Short, capitalised, no sentence punctuation: a headline or a subheading. */
function isHeadlineLike(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 160 || endsSentence(t) || /[:,;]$/.test(t)) return false;
  if (/^[-*•·–—>]\s|^\d+[.)]\s/.test(t)) return false; // list items are content
  return /^[\p{Lu}\p{N}"'“‘«(]/u.test(t) && words(t) >= 3;
}

// Labels that stand alone on a line. Also the ones that introduce a list of other stories.
const LIST_LABELS = [
  "explore( more)?",
  "related( articles| stories| content| coverage| news| posts| links| reading| topics)?",
  "more (from|on|in|about) .{1,60}",
  "more (stories|news|articles|to read|like this)",
  "trending( now| stories| topics| articles)?",
  "most (read|popular|viewed|shared|watched|commented)( stories| articles)?",
  "popular( now| stories| articles)?",
  "read next|up next|what to read next|next up",
  "(you|we think you) (may|might|will|could) (also )?(like|enjoy|be interested in)",
  "recommended( for you| stories| articles| reading| videos)?",
  "top stories|latest( news| stories| articles)?|editor'?s'? picks|don'?t miss|also on .{1,40}",
  "tags|topics|filed under|keywords",
];
const OTHER_LABELS = [
  "advertisement|advertising|advert|ads?|sponsored( content)?|promoted( content)?|paid content|partner content",
  // What stood in for a picture or a player: "Image", "Photo", "Video", "Gallery".
  "image|photo|picture|video|graphic|illustration|gallery|slideshow|audio",
  "read more|read also|also read|see also|continue reading|keep reading|show more|load more",
  "share( this)?( article| story| page| post)?|share on \\w+|share via \\w+",
  "follow us( on .{1,40})?|subscribe( now| today)?|sign up|newsletter|click here",
  "skip to( main)? content|back to top|jump to( main)? content",
  "(show |view |leave a |add a |\\d+ )?comments?|listen to (this )?(article|story)|print( this)?( article)?|email( this)?( article)?",
];
const LIST_LABEL = new RegExp(`^(?:${LIST_LABELS.join("|")})$`, "i");
const OTHER_LABEL = new RegExp(`^(?:${OTHER_LABELS.join("|")})$`, "i");

/** Labels that lead a line: "READ MORE: …", "Related: …", "Sign up for our … newsletter". */
const PREFIX_LABELS = [
  /^(?:read more|read also|also read|read next|see also|related|recommended|watch|listen|more|advertisement|sponsored|trending|explore|must read)\s*[:|»›>–—-]\s*\S/i,
  /^sign up\b.*\bnewsletters?\b/i,
  /^subscribe (?:to|for|now|today)\b/i,
  /^(?:follow us|click here|share this|tap here|download (?:our|the) app)\b/i,
];

function labelKey(line: string): string {
  return line
    .trim()
    .replace(/^[\s>»›•·|*#-]+/, "")
    .replace(/[\s:>»›•·|.…*-]+$/, "")
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ");
}

const isListLabel = (line: string) => line.trim().length <= 80 && LIST_LABEL.test(labelKey(line));

function isLabel(line: string): boolean {
  const t = line.trim();
  if (t.length > 200) return false;
  if (isSiteLabel(t)) return true;
  if (t.length <= 80 && (LIST_LABEL.test(labelKey(t)) || OTHER_LABEL.test(labelKey(t)))) return true;
  return PREFIX_LABELS.some((re) => re.test(t));
}

const READING_TIME =
  /^(?:(?:reading time|read time|est\.? reading time)\s*:?\s*)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|read time|reading time|listen))?$/i;

/** Photo captions and credits, by their usual forms. */
function isCredit(line: string): boolean {
  const t = line.trim();
  if (isCaptionLine(t)) return true;
  if (t.length > 300) return false;
  if (/\s\/\s*(?:[\p{Lu}][\p{L}&.'-]*)(?:\s+[\p{Lu}][\p{L}&.'-]*){0,3}$/u.test(t) && !endsSentence(t))
    return true;
  if (
    /^(?:photo(?:graph)?|picture|image|illustration|graphic|video|photo credit|image credit|credit|caption)s?(?:\s+by)?\s*:/i.test(
      t,
    )
  )
    return true;
  if (
    /\((?:(?:photo|photograph|image|picture)(?: by| credit)?[^)]*|[^)]*\b(?:getty images|afp|reuters|ap photo|epa|shutterstock|alamy|file photo)\b[^)]*)\)$/i.test(
      t,
    )
  )
    return true;
  if (/\b(?:photo(?:graph)?|image|picture)(?:\s*credit)?\s*:\s*[^.]{1,80}$/i.test(t) && t.length <= 200)
    return true;
  return /^(?:getty images|afp|reuters|ap|epa|shutterstock|alamy)(?:\s*(?:\/|via)\s*[\p{L} ]+)?$/iu.test(t);
}

/**
 * A line wholly in brackets is a cross-link or an editor's note, not the article: "[Read:
 * Why the vote failed]", "[What you need to know to start the day: Get New York Today in your
 * inbox.]". Numbered references ("[1]") are too short to match.
 */
function isBracketedLink(line: string): boolean {
  const t = line.trim();
  return t.length >= 12 && t.length <= 300 && /^\[[^[\]]+\]$/.test(t) && /\p{L}{3}/u.test(t);
}

/** SHORT ALL-CAPS section labels such as "WORLD" or "US POLITICS". */
function isSectionLabel(line: string): boolean {
  const t = line.trim();
  return t.length <= 40 && words(t) <= 4 && /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t) && !/[.!?]$/.test(t);
}

/** "Home › World › Europe": short segments joined by breadcrumb separators. */
function isBreadcrumb(line: string): boolean {
  const parts = line.trim().split(/\s+(?:›|»|>|\/|\||→|::)\s+/);
  return (
    parts.length >= 2 && line.trim().length <= 100 && parts.every((p) => words(p) <= 3 && !endsSentence(p))
  );
}

const isSourceLine = (line: string) => line.trim().length <= 120 && /^sources?\s*:/i.test(line.trim());

const BYLINE =
  /^(?:by|By|BY)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|del|van|von|der|bin|al|la|le)){0,6})(?:\s*(?:,|\||·|•|—|–|-|\bin\b)\s*.{0,60})?$/u;

// ---------------------------------------------------------------------------------------
// Dates

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY =
  "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\\.?,?\\s+)?";
const PREFIX =
  "(?:(?:published|updated|posted|last updated|last modified|first published|date)(?:\\s+on)?\\s*:?\\s*)?";
const TIME =
  "(?:\\s*(?:[,|•·–—-]|at)?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:[a-z]{2,5}|[+-]\\d{2}:?\\d{2}))?)?";
const DATE_FORMS = [
  {
    re: new RegExp(`^${PREFIX}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, "i"),
    m: 1,
    d: 2,
    y: 3,
  },
  {
    re: new RegExp(`^${PREFIX}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`, "i"),
    m: 2,
    d: 1,
    y: 3,
  },
  {
    re: new RegExp(
      `^${PREFIX}(\\d{4})-(\\d{2})-(\\d{2})(?:[t ]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:z|[+-]\\d{2}:?\\d{2})?)?$`,
      "i",
    ),
    m: 2,
    d: 3,
    y: 1,
  },
];

/** A line that is only a date (optionally "Published …", a weekday, a time): YYYY-MM-DD. */
export function parseDateLine(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 80) return undefined;
  for (const form of DATE_FORMS) {
    const match = form.re.exec(t);
    if (!match) continue;
    const rawMonth = match[form.m]!;
    const month = /^\d+$/.test(rawMonth)
      ? Number(rawMonth)
      : MONTHS.indexOf(rawMonth.slice(0, 3).toLowerCase()) + 1;
    const day = Number(match[form.d]);
    const year = Number(match[form.y]);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return date.toISOString().slice(0, 10);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------

const sameLine = (a: string, b: string) => titleKey(a) === titleKey(b);
function titleKey(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, " ")
    .replace(/[\s.:|–—-]+$/, "")
    .trim();
}

/** A wiki's table of contents: its heading, then numbered section titles ("1 History", "3.7.1 NSS"). */
const CONTENTS =
  /^(?:contents|table of contents|inhalt|inhaltsverzeichnis|sommaire|índice|contenido|contenidos|sumário|indice|содержание|目次|目录)$/iu;
const CONTENTS_ENTRY = /^\d+(?:\.\d+)*\.?\s+\S.{0,100}$/u;

/** Drops a table of contents: its heading and the run of numbered entries right under it. */
function dropContents(lines: string[], keep: boolean[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!CONTENTS.test(lines[i]!.trim())) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === "" || CONTENTS_ENTRY.test(lines[j]!.trim()))) j++;
    // A heading alone, with no entries under it, may be a section called "Contents": kept.
    if (lines.slice(i + 1, j).some((l) => l.trim() !== "")) for (let k = i; k < j; k++) keep[k] = false;
  }
}

export function cleanArticle(input: string, opts?: { title?: string }): CleanedArticle {
  const lines = normalizeText(input)
    .split("\n")
    .map((line) => line.replace(EDIT_LINK, ""));
  const keep = lines.map(() => true);
  dropContents(lines, keep);
  const out: Omit<CleanedArticle, "text"> = {};
  const nonEmpty = () => lines.map((l, i) => i).filter((i) => keep[i] && lines[i]!.trim() !== "");

  // 1. Labels, reading times and credits, wherever they are. A bare label that opens a
  //    list drops the headline-like lines under it in the same block.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    if (isLabel(line) || READING_TIME.test(line.trim()) || isCredit(line) || isBracketedLink(line)) {
      keep[i] = false;
      if (isListLabel(line)) {
        for (
          let j = i + 1;
          j < lines.length && lines[j]!.trim() !== "" && !isBody(lines[j]!) && lines[j]!.trim().length <= 160;
          j++
        )
          keep[j] = false;
      }
    }
  }

  // 2. The top area: section labels, a byline, a lone dateline.
  for (const i of nonEmpty().slice(0, TOP_LINES)) {
    const line = lines[i]!.trim();
    if (isBody(line)) continue;
    const date = parseDateLine(line);
    if (date) {
      keep[i] = false;
      out.publishedAt ??= date;
      continue;
    }
    const by = BYLINE.exec(line);
    if (by && !endsSentence(line) && line.length <= 100 && out.byline === undefined) {
      keep[i] = false;
      out.byline = by[1]!.trim();
      continue;
    }
    if ((isSectionLabel(line) || isBreadcrumb(line)) && !(opts?.title && sameLine(line, opts.title)))
      keep[i] = false;
  }

  // 3. The title: kept once where it opens the text, dropped where it repeats.
  const first = nonEmpty()[0];
  const firstLine = first === undefined ? undefined : lines[first]!;
  const title =
    opts?.title?.trim() ||
    (firstLine !== undefined && looksLikeTitle(firstLine, nonEmpty().length) ? firstLine.trim() : undefined);
  if (title) {
    if (firstLine !== undefined && sameLine(firstLine, title)) out.title = firstLine.trim();
    for (const i of nonEmpty()) if (i !== first && sameLine(lines[i]!, title)) keep[i] = false;
  }

  // 4. The end: a print trailer, a trailing list of other stories, source lines, a closing dateline.
  const trailer = lines.findIndex((l, i) => keep[i] && PRINT_TRAILER.test(l.trim()));
  if (trailer > 0) for (let j = trailer; j < lines.length; j++) keep[j] = false;
  lines.forEach((l, i) => READER_LINKS.test(l) && l.length <= 300 && (keep[i] = false));
  cutTail(lines, keep);
  for (const i of nonEmpty().slice(-END_LINES)) {
    const line = lines[i]!;
    if (isSourceLine(line)) keep[i] = false;
    else if (parseDateLine(line)) keep[i] = false;
  }
  cutTail(lines, keep);

  const text = normalizeText(lines.filter((_, i) => keep[i]).join("\n"));
  return { text, ...out };
}

function looksLikeTitle(line: string, lineCount: number): boolean {
  const t = line.trim();
  return (
    lineCount > 1 &&
    t.length <= 150 &&
    !endsSentence(t) &&
    !/[:,;]$/.test(t) &&
    words(t) >= 2 &&
    /^[\p{Lu}\p{N}"'“‘«]/u.test(t)
  );
}

/**
 * Cuts what follows the article's last paragraph when it is not article: from a list label
 * ("Explore", "Most read", "More from …") after which no running text follows, or a run of
 * three or more headline-like lines at the very end.
 */
function cutTail(lines: string[], keep: boolean[]): void {
  const idx = lines
    .map((_, i) => i)
    .filter((i) => keep[i] !== false || isListLabel(lines[i]!))
    .filter((i) => lines[i]!.trim() !== "");
  if (!idx.some((i) => keep[i] && isBody(lines[i]!))) return;

  // Latest position after which only non-body lines remain.
  let lastBody = -1;
  for (let k = idx.length - 1; k >= 0; k--) {
    if (keep[idx[k]!] && isBody(lines[idx[k]!]!)) {
      lastBody = k;
      break;
    }
  }
  for (let k = lastBody + 1; k < idx.length; k++) {
    if (isListLabel(lines[idx[k]!]!)) {
      for (let j = idx[k]!; j < lines.length; j++) keep[j] = false;
      return;
    }
  }

  const kept = idx.filter((i) => keep[i]);
  let run = 0;
  for (let k = kept.length - 1; k >= 0 && isHeadlineLike(lines[kept[k]!]!) && !isBody(lines[kept[k]!]!); k--)
    run++;
  const before = kept.slice(0, kept.length - run);
  if (run >= 3 && before.some((i) => isBody(lines[i]!))) {
    for (let j = kept[kept.length - run]!; j < lines.length; j++) keep[j] = false;
  }
}

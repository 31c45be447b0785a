/**
 * Abbreviations that do not end a sentence, by language, in one table so that a language is
 * one more row. ICU has such lists ("suppressions") but Intl.Segmenter does not apply them.
 *
 * - `titles` come before a name ("Mr. Trump", "Dr. Müller"): the sentence never ends there.
 * - `others` usually sit inside a sentence ("5 p.m. on Friday", "the U.S. Senate") but may end
 *   one ("he lives in the U.S. The rest ..."): they end it only when the next word could start a
 *   sentence (a capitalised common word).
 */
import { LANGUAGES, language } from "./languages.ts";
import { isStopWord, words } from "./tokens.ts";

interface AbbreviationTable {
  titles: string[];
  others: string[];
  /** Capitalised words that start sentences after an `others` abbreviation ("The", "He"). */
  starters: string[];
}

const TABLES: Record<string, AbbreviationTable> = {
  en: {
    titles: [
      "mr",
      "mrs",
      "ms",
      "dr",
      "prof",
      "sen",
      "rep",
      "gov",
      "gen",
      "lt",
      "col",
      "sgt",
      "capt",
      "cmdr",
      "adm",
      "maj",
      "rev",
      "hon",
      "pres",
      "supt",
      "st",
      "fr",
      "messrs",
      "no",
      "nos",
      "vol",
      "fig",
      "pp",
    ],
    others: [
      "jr",
      "sr",
      "inc",
      "ltd",
      "co",
      "corp",
      "bros",
      "vs",
      "etc",
      "approx",
      "dept",
      "est",
      "jan",
      "feb",
      "mar",
      "apr",
      "jun",
      "jul",
      "aug",
      "sep",
      "sept",
      "oct",
      "nov",
      "dec",
      "mt",
      "ft",
      "ave",
      "blvd",
      "e.g",
      "i.e",
      "a.m",
      "p.m",
      "u.s",
      "u.k",
      "u.n",
      "e.u",
      "d.c",
      "u.s.a",
      "n.y",
      "l.a",
      "ph.d",
    ],
    starters: [
      "the",
      "a",
      "an",
      "he",
      "she",
      "it",
      "they",
      "we",
      "i",
      "you",
      "this",
      "that",
      "these",
      "those",
      "but",
      "and",
      "or",
      "so",
      "yet",
      "in",
      "on",
      "at",
      "for",
      "as",
      "if",
      "when",
      "while",
      "after",
      "before",
      "there",
      "his",
      "her",
      "its",
      "their",
      "our",
      "my",
      "some",
      "many",
      "most",
      "one",
      "no",
      "not",
      "what",
      "who",
      "how",
      "why",
      "where",
      "then",
      "still",
      "now",
      "meanwhile",
    ],
  },
  de: {
    titles: ["hr", "fr", "dr", "prof", "nr", "st"],
    others: ["z.b", "d.h", "u.a", "bzw", "ca", "usw", "vgl", "s", "mio", "mrd", "evtl", "ggf", "inkl"],
    starters: ["der", "die", "das", "er", "sie", "es", "wir", "ich", "aber", "und", "in", "im"],
  },
  fr: {
    titles: ["m", "mm", "mme", "mlle", "dr", "me", "pr", "st", "ste"],
    others: ["etc", "cf", "env", "av", "apr", "j.-c", "p", "n°"],
    starters: [
      "le",
      "la",
      "les",
      "il",
      "elle",
      "ils",
      "elles",
      "nous",
      "je",
      "mais",
      "et",
      "en",
      "un",
      "une",
    ],
  },
  es: {
    titles: ["sr", "sra", "srta", "dr", "dra", "d", "dña", "lic", "ing", "prof"],
    others: ["etc", "ee.uu", "pág", "núm", "aprox", "avda", "p.ej", "uds", "ud"],
    starters: ["el", "la", "los", "las", "él", "ella", "pero", "y", "en", "un", "una"],
  },
};

/** Abbreviations before a number: "No. 10", "Fig. 2", "pp. 4-5". */
const BEFORE_NUMBER = new Set(["no", "nos", "nr", "vol", "fig", "pp", "p", "art", "ch", "sec", "n°"]);

const TITLES = new Set<string>();
const OTHERS = new Set<string>();
const STARTERS = new Set<string>();
for (const t of Object.values(TABLES)) {
  for (const w of t.titles) TITLES.add(w);
  for (const w of t.others) OTHERS.add(w);
  for (const w of t.starters) STARTERS.add(w);
}

/**
 * Every other language of the table (languages.ts): its abbreviations ("г.", "т.е.", "sig.",
 * "κ.") run on into the next word unless that word is one of the language's stop words with a
 * capital ("… в 1856 г. В Москве …" ends; "г. Москва", "проф. Иванов" do not). Stop words stand
 * in for the curated sentence starters the four tables above have.
 */
const LANGUAGES_OF = new Map<string, string[]>();
for (const code of LANGUAGES)
  if (!(code in TABLES))
    for (const a of language(code)?.abbreviations ?? [])
      LANGUAGES_OF.set(a, [...(LANGUAGES_OF.get(a) ?? []), code]);
/** Languages written in a script other than Latin, whose stop words can start a sentence after an initial. */
const NON_LATIN = LANGUAGES.filter((c) => !["latin", "turkish"].includes(language(c)!.script));

function startsSentence(word: string, langs: readonly string[]): boolean {
  return langs.some((l) => isStopWord(words(word, l)[0] ?? "", l));
}

/** The last word of a segment, with the full stop it ends on: "Mr.", "U.S.", "J.". */
const LAST_WORD = /(?:^|[\s("“'‘[])((?:\p{L}{1,4}\.){2,}|[\p{L}°]+\.|\p{Lu}\.)\s*$/u;
const NEXT_WORD = /^\s*["“'‘(]?([\p{L}\p{N}]+)/u;

/**
 * Whether `segment` (a sentence as ICU cut it) ends on an abbreviation that does not end a
 * sentence before `rest` (the text that follows it on the line).
 */
export function endsWithAbbreviation(segment: string, rest: string): boolean {
  // Fast path, for most sentence ends: no full stop, or a plain word longer than any
  // abbreviation in the tables before it.
  const end = segment.trimEnd();
  if (end.charCodeAt(end.length - 1) !== 46 /* . */) return false;
  const space = end.lastIndexOf(" ");
  const last = end.slice(space + 1, -1);
  if (last.length > 6 && !last.includes(".")) return false;
  const m = LAST_WORD.exec(segment);
  if (!m) return false;
  const next = NEXT_WORD.exec(rest)?.[1];
  if (next === undefined) return false;
  const word = m[1]!;
  const key = word.slice(0, -1).toLowerCase();
  // A single capital with a full stop is an initial ("J. R. R. Tolkien", "George W. Bush")
  // when a name follows.
  if (/^\p{Lu}\.$/u.test(word) && /^\p{Lu}/u.test(next))
    return (
      !STARTERS.has(next.toLowerCase()) &&
      !(/^\P{Script=Latin}/u.test(next) && startsSentence(next, NON_LATIN))
    );
  if (BEFORE_NUMBER.has(key) && /^\p{N}/u.test(next)) return true;
  if (TITLES.has(key)) return /^[\p{Lu}\p{N}]/u.test(next);
  const langs = OTHERS.has(key) ? undefined : LANGUAGES_OF.get(key);
  if (langs) return !/^\p{Lu}/u.test(next) || !startsSentence(next, langs);
  const dotted = key.includes(".");
  if (OTHERS.has(key) || dotted) {
    // Lower case or a number runs on ("5 p.m. on Friday"); a capital runs on unless it is a
    // word that starts sentences ("in the U.S. The next day ...").
    if (!/^\p{Lu}/u.test(next)) return true;
    return !STARTERS.has(next.toLowerCase());
  }
  return false;
}

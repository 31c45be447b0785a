/**
 * One tokenizer for every lexical step (the local embedder, the reranker, the extractive
 * answerer, the full-text index), so that they agree on what a "word" is, in every language.
 * English (the default) is exactly what it always was: Porter stems (the `stemmer` package),
 * `stopword`'s English list plus question words. Every other language takes its rules from its
 * entry in languages.ts: ICU word segmentation where words have no spaces between them, the
 * script's folding, its Snowball stemmer (`multilingual-stemmer`) and its stop words.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";
import { createStemmer } from "multilingual-stemmer";
import { language, writtenWithoutSpaces, type LanguageEntry } from "./languages.ts";
import { foldScript } from "./fold.ts";
import { INVISIBLE } from "./furniture.ts";

const STOP = new Set<string>([
  ...eng,
  // Question words and fillers that carry no topic in a question.
  "what",
  "which",
  "who",
  "whom",
  "whose",
  "when",
  "where",
  "why",
  "how",
  "does",
  "did",
  "do",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "has",
  "have",
  "had",
  "can",
  "could",
  "would",
  "should",
  "may",
  "might",
  "will",
  "shall",
  "name",
  "called",
  "many",
  "much",
  "one",
  "also",
  "its",
  "it's",
  "s",
  "type",
  "kind",
]);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function isStopWord(word: string, lang = "en"): boolean {
  if (lang === "en") return STOP.has(word);
  return rulesOf(lang).stop.has(word);
}

// ASCII plus typographic quotes and dashes (most English text): NFKD changes nothing there
// and the Unicode classes match exactly the ASCII ones, so the cheap path gives the same words.
const PLAIN = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;
const PLAIN_WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;

/** Lower-cased words with diacritics folded, in order, stop words kept. */
export function words(text: string, lang = "en"): string[] {
  if (PLAIN.test(text)) {
    if (lang !== "en") return rulesOf(lang).words(text);
    return text.toLowerCase().match(PLAIN_WORD) ?? [];
  }
  // A soft hyphen or a zero-width space inside a word (text stored before ingest removed them)
  // does not split it.
  const visible = text.replace(INVISIBLE, "");
  if (lang !== "en") return rulesOf(lang).words(visible);
  const folded = visible
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  return folded.match(WORD) ?? [];
}

const stemCache = new Map<string, string>();

export function stem(word: string, lang = "en"): string {
  if (lang !== "en") return rulesOf(lang).stem(word);
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word.replace(/['’]s$/, ""));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Stemmed content terms: the unit of lexical matching. */
export function terms(text: string, lang = "en"): string[] {
  const out: string[] = [];
  if (lang !== "en") {
    const rules = rulesOf(lang);
    for (const w of rules.words(text)) if (!rules.stop.has(w)) out.push(rules.stem(w));
    return out;
  }
  for (const w of words(text)) if (!STOP.has(w)) out.push(stem(w));
  return out;
}

/**
 * Whether a stem always begins with its word's first letter, so that a word can be skipped
 * unstemmed when no stem of the question starts with its letter. Snowball's Arabic, Persian
 * and Indonesian stemmers strip prefixes ("وال", "mem-"), so theirs may not.
 */
export function stemKeepsInitial(lang = "en"): boolean {
  return !PREFIX_STRIPPING.has(lang);
}
const PREFIX_STRIPPING = new Set(["ar", "fa", "id"]);

/** A language's compiled rules: its segmentation, folding, stop words and stemmer, with a cache. */
interface Rules {
  entry: LanguageEntry;
  words(text: string): string[];
  stem(word: string): string;
  stop: ReadonlySet<string>;
}

const rules = new Map<string, Rules>();

/**
 * The rules for a language code; a code with no entry gets a generic entry: ICU segmentation,
 * Latin-style folding, no stemming, no stop words (nothing is assumed about a language we
 * have no data for).
 */
function rulesOf(lang: string): Rules {
  let r = rules.get(lang);
  if (!r) {
    r = compile(language(lang) ?? genericEntry(lang));
    rules.set(lang, r);
  }
  return r;
}

function genericEntry(code: string): LanguageEntry {
  return {
    code,
    name: code,
    script: "latin",
    snowball: null,
    stopWords: [],
    fillers: [],
    cues: [],
    abbreviations: [],
  };
}

// Letters, digits and the combining marks that spell many scripts' vowels (Devanagari, Thai).
// An apostrophe splits ("l'homme", "Türkiye'nin"): elisions and suffixes are their own words.
const ANY_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_LIKE = /[\p{L}\p{N}]/u;

/**
 * ICU's dictionary segmentation costs about 3 µs a character, and the sentence rerank reads the
 * same sentences question after question: the last few thousand texts' words are kept.
 */
function segmentWith(segmenter: Intl.Segmenter): (text: string) => string[] {
  const memo = new Map<string, string[]>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = [];
      for (const s of segmenter.segment(text))
        if (s.isWordLike && WORD_LIKE.test(s.segment)) out.push(s.segment);
      if (memo.size >= SEGMENT_MEMO) memo.clear();
      memo.set(text, out);
    }
    return out.slice();
  };
}
const SEGMENT_MEMO = 20_000;

function compile(entry: LanguageEntry): Rules {
  const lower =
    entry.script === "turkish" ? (t: string) => t.toLocaleLowerCase("tr") : (t: string) => t.toLowerCase();
  const fold = (t: string) => foldScript(lower(t), entry);
  const segmenter = writtenWithoutSpaces(entry.script)
    ? new Intl.Segmenter(entry.code, { granularity: "word" })
    : null;
  const split = segmenter ? segmentWith(segmenter) : (text: string) => text.match(ANY_WORD) ?? [];
  // Question words count as stop words, as they do in English: they say what is asked, not about what.
  const stop = new Set<string>();
  for (const w of entry.stopWords) stop.add(fold(w));
  // In a script without spaces a cue's pieces may be content words ("年" of "几年"): only whole cues.
  for (const p of [...entry.cues.flatMap((c) => c.phrases), ...entry.fillers]) {
    const phrase = fold(p.replace(/^\^/, ""));
    if (segmenter) stop.add(phrase);
    else for (const w of split(phrase)) stop.add(w);
  }
  const snowball = entry.snowball ? createStemmer(entry.snowball) : null;
  const cache = new Map<string, string>();
  const rewrites = entry.prefixRewrites ?? [];
  return {
    entry,
    stop,
    // Folding first, then splitting: folding may join what a mark split (and keeps offsets out of it).
    words: (text) => split(fold(text)),
    stem(word) {
      let s = cache.get(word);
      if (s === undefined) {
        let w = word;
        for (const [from, to] of rewrites)
          if (w.startsWith(from) && w.length - from.length >= 3) {
            w = to + w.slice(from.length);
            break;
          }
        s = snowball && !/^\d/.test(w) ? snowball(w) : w;
        if (s.length === 0) s = word;
        if (cache.size > 200_000) cache.clear();
        cache.set(word, s);
      }
      return s;
    },
  };
}

/**
 * The tokens the full-text index holds for a text in `lang`: the stem of every word, stop
 * words included (so that BM25's length normalisation counts the whole text, as it did when
 * FTS5 stemmed), split at apostrophes before stemming ("emma's" is "emma" and "s", as FTS5's
 * porter tokenizer had it, which keeps English's BM25 where it was). Questions are reduced to the same stems (analyseQuery),
 * so BM25 matches in every language; the index's tokenizer only splits on spaces.
 */
const APOSTROPHES = /['’]/;

export function indexTokens(text: string, lang = "en"): string[] {
  const out: string[] = [];
  const ws = words(text, lang);
  // English, the bulk of most libraries, skips the language dispatch: its stems are cached.
  const stemOf = lang === "en" ? (w: string) => stemCache.get(w) ?? stem(w) : (w: string) => stem(w, lang);
  for (const w of ws) {
    if (w.indexOf("'") < 0 && w.indexOf("’") < 0) out.push(stemOf(w));
    else for (const piece of w.split(APOSTROPHES)) if (piece.length > 0) out.push(stemOf(piece));
  }
  return out;
}

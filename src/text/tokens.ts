/**
 * One tokenizer for every lexical step (the local embedder, the reranker, the extractive
 * answerer), so that they agree on what a "word" is. Porter stems (the `stemmer` package)
 * match SQLite FTS5's `porter` tokenizer closely enough for IDF look-ups.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";

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

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

// ASCII plus typographic quotes and dashes (most English text): NFKD changes nothing there
// and the Unicode classes match exactly the ASCII ones, so the cheap path gives the same words.
const PLAIN = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;
const PLAIN_WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;

/** Lower-cased words with diacritics folded, in order, stop words kept. */
export function words(text: string): string[] {
  if (PLAIN.test(text)) return text.toLowerCase().match(PLAIN_WORD) ?? [];
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  return folded.match(WORD) ?? [];
}

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word.replace(/['’]s$/, ""));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Stemmed content terms: the unit of lexical matching. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP.has(w)) out.push(stem(w));
  return out;
}

const INDEX_TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * The tokens a full-text index holds for a text, as SQLite FTS5's `porter unicode61
 * remove_diacritics 2` tokenizer makes them: runs of letters and digits (an apostrophe splits
 * "emma's" into "emma" and "s"), diacritics folded, lower-cased, Porter-stemmed. The Postgres
 * backend indexes these, so that both backends rank the same words the same way.
 */
export function indexTokens(text: string): string[] {
  const folded = PLAIN.test(text)
    ? text.toLowerCase()
    : text
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase();
  const out: string[] = [];
  for (const t of folded.match(INDEX_TOKEN) ?? []) out.push(/^\d/.test(t) ? t : stemmer(t));
  return out;
}

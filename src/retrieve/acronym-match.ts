/**
 * A name the question gives as an acronym and the article spells out, or the other way round:
 * "When do the Palestinians join the ICC?" against "… after it joins the International
 * Criminal Court at The Hague on April 1 …". The letters are read from the text itself (the
 * capitalised words' initials), so no list of acronyms is needed and any language that writes
 * names with capitals is served.
 */
import { isStopWord, stem } from "../text/tokens.ts";

/** A name of the question that an article may write the other way. */
export interface SpelledName {
  /** The question's stems the name stands for: the acronym's, or the spelled words'. */
  stems: string[];
  /** Its letters, upper-case: "ICC". */
  letters: string;
  /** How the question writes it: the sentence is searched for the other form. */
  written: "acronym" | "spelled";
}

/** An acronym as written: two to six capitals, perhaps dotted ("NYPD", "U.N."). */
const ACRONYM = /(?<![\p{L}\d])(?:\p{Lu}\.?){2,6}(?![\p{L}\d])/gu;
/** Small words a spelled name keeps without an initial: "Federal Bureau of Investigation". */
const LINK_WORDS = [
  "of",
  "the",
  "for",
  "and",
  "on",
  "de",
  "du",
  "des",
  "del",
  "la",
  "le",
  "di",
  "von",
  "van",
  "für",
  "und",
  "&",
];
const LINKS = new Set(LINK_WORDS);
/** Runs of capitalised words, with the small words between them. */
const RUN = new RegExp(
  `\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:(?:${LINK_WORDS.join("|")})\\s+)*\\p{Lu}[\\p{L}'’-]*)+`,
  "gu",
);

const initials = (run: string) =>
  run
    .split(/\s+/)
    .filter((w) => !LINKS.has(w))
    .map((w) => w.charAt(0))
    .join("")
    .toUpperCase();

/** The acronyms a question writes and the capitalised names it spells out, with their stems. */
export function spelledNames(question: string, lang: string): SpelledName[] {
  const out: SpelledName[] = [];
  for (const m of question.matchAll(ACRONYM)) {
    const letters = m[0].replace(/\./g, "");
    out.push({ stems: [stem(letters.toLowerCase(), lang)], letters, written: "acronym" });
  }
  // The question's first word has a capital whatever it is: a run starts after it.
  const firstWord = /^\s*[\p{L}'’]+/u.exec(question)?.[0].length ?? 0;
  for (const m of question.slice(firstWord).matchAll(RUN)) {
    const words = m[0].split(/\s+/).filter((w) => !LINKS.has(w));
    if (words.length < 2 || words.length > 6 || words.every((w) => /^\p{Lu}+$/u.test(w))) continue;
    out.push({
      stems: words.map((w) => stem(w.toLowerCase(), lang)),
      letters: initials(m[0]),
      written: "spelled",
    });
  }
  return out;
}

/** Whether `sentence` writes `name` the other way: spelled out for an acronym, or as the acronym. */
export function writesOtherwise(sentence: string, name: SpelledName): boolean {
  if (name.written === "spelled")
    return [...sentence.matchAll(ACRONYM)].some((m) => m[0].replace(/\./g, "") === name.letters);
  return (
    [...sentence.matchAll(RUN)].some(
      (m) => initials(m[0]).includes(name.letters) && spells(m[0], name.letters),
    ) || spelledInLowerCase(sentence, name.letters)
  );
}

/** Acronyms up to this long may be spelled in lower case ("VP", "CEO", "CFO"). */
const LOWER_CASE_MAX = 3;

/**
 * A title's acronym spelled out in lower case, as running text writes a role: "VP" for "vice
 * president", "CEO" for "chief executive officer". Only short acronyms, and only words that
 * are not stop words, one right after another: "and it" is no "AI".
 */
function spelledInLowerCase(sentence: string, letters: string): boolean {
  if (letters.length > LOWER_CASE_MAX) return false;
  const words = [...letters.toLowerCase()].map((c) => `${c}[\\p{Ll}'’-]*`).join("\\s+");
  const found = new RegExp(`(?<![\\p{L}])${words}(?![\\p{L}])`, "u").exec(sentence);
  return found !== null && found[0].split(/\s+/).every((w) => w.length > 2 && !isStopWord(w));
}

/** Whether some consecutive capitalised words of a run (links allowed between them) give exactly `letters`. */
function spells(run: string, letters: string): boolean {
  const words = run.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (LINKS.has(words[i]!)) continue;
    let got = "";
    for (let j = i; j < words.length && got.length < letters.length; j++)
      if (!LINKS.has(words[j]!)) got += words[j]!.charAt(0).toUpperCase();
    if (got === letters) return true;
  }
  return false;
}

/** Whether `text` writes a name of the question ("ICC", "Federal Bureau of Investigation") the other way. */
export function writesNameOtherwise(name: string, text: string): boolean {
  const letters = name.replace(/\./g, "");
  if (/^\p{Lu}{2,6}$/u.test(letters))
    return writesOtherwise(text, { stems: [], letters, written: "acronym" });
  const words = name.split(/\s+/).filter((w) => !LINKS.has(w));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  return writesOtherwise(text, { stems: [], letters: initials(name), written: "spelled" });
}

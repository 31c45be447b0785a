/**
 * Acronyms an article spells out: "the Interactive Advertising Bureau (IAB)", "VPN（Virtual
 * Private Network）", "DNC（可微神经计算机）", "L.E.A.N. stands for Light, Encrypted, …". A reader
 * who meets the acronym asks what it stands for, and the sentence that spells it out answers;
 * the question is a fixed phrase around the acronym in each language that has one.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/**
 * The questions about an acronym, per language, the one worth offering first: what it stands
 * for, or what it is. English asks "What is PII?" too: the answerer may decline "What does
 * PII stand for?" where no "stand" is written (one of the two is offered: one sentence, one
 * question).
 */
const ASK: Record<string, ReadonlyArray<(acronym: string) => string>> = {
  en: [(a) => `What does ${a} stand for?`, (a) => `What is ${a}?`],
  de: [(a) => `Was ist ${a}?`],
  fr: [(a) => `Que signifie ${a} ?`],
  es: [(a) => `¿Qué significa ${a}?`],
  it: [(a) => `Cosa significa ${a}?`],
  pt: [(a) => `O que significa ${a}?`],
  zh: [(a) => `${a}是什么？`],
  ja: [(a) => `${a}とは何ですか？`],
};

/** An acronym: two to six capitals or digits, the first a capital ("VPN", "TOTP", "G7"). */
const ACRONYM = "\\p{Lu}[\\p{Lu}\\d]{1,5}";
/** "ACR (spelt out)", in ASCII or full-width brackets; the acronym may open a compound ("TOTP-Standard"). */
const ACRONYM_FIRST = new RegExp(
  `(?<![\\p{Script=Latin}\\d.])(${ACRONYM})(?:-\\p{L}+)?\\s?[(（]([^()（）]{2,80})[)）]`,
  "gu",
);
/** "spelt out (ACR)": the words before the bracket are read back until they spell it. */
const ACRONYM_AFTER = new RegExp(`[(（](${ACRONYM})[)）]`, "gu");
/** "L.E.A.N. stands for Light, Encrypted, …" (English). */
const STANDS_FOR = /(?<![\p{L}.])((?:\p{Lu}\.){2,6}|\p{Lu}{2,6})\s+stands\s+for\s+([^.;:]{3,120})/gu;

/** Whether the letters of `acronym` appear in order among the initials of `words`, the first first. */
function spells(acronym: string, words: readonly string[]): boolean {
  const initials = words.map((w) => w.charAt(0).toUpperCase()).join("");
  const letters = acronym.replace(/[^\p{Lu}]/gu, "");
  if (letters.length < 2 || initials.charAt(0) !== letters.charAt(0)) return false;
  let at = 0;
  for (const ch of initials) if (ch === letters[at]) at++;
  return at === letters.length;
}

/** The words a bracketed spelling is made of: hyphenated parts count apart ("Time-Based"). */
const wordsOf = (s: string) => s.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));

/** Whether a bracketed text glosses the acronym before it: its initials spell it, or it is a CJK phrase. */
function glosses(acronym: string, gloss: string): boolean {
  if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]{2,20}$/u.test(gloss)) return true;
  return /^\p{L}/u.test(gloss) && !/\d/.test(gloss) && spells(acronym, wordsOf(gloss));
}

/** The fewest words just before `at` (quotation marks dropped) that spell `acronym`, if any. */
function spelledBefore(text: string, at: number, acronym: string): string | undefined {
  // Quotation marks and CJK text around a Latin spelling part it from the words before it.
  const lead = text
    .slice(Math.max(0, at - 120), at)
    .replace(/[「」『』"“”\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, " ");
  // Single quotation marks around the spelling go; an apostrophe inside a word stays ("d’accès").
  const words = lead
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^[‘']+|[’']+$/gu, ""));
  for (let n = 2; n <= Math.min(words.length, 8); n++) {
    const phrase = words.slice(-n);
    if (!phrase.every((w) => /^\p{L}/u.test(w))) return undefined;
    // The spelling may be in lower case: "personally identifiable information (PII)".
    if (spells(acronym, phrase.flatMap(wordsOf))) return phrase.join(" ");
  }
  return undefined;
}

/** Every acronym `text` spells out, with its spelling and where it is, the first time only. */
export function spelledAcronyms(text: string): Array<{ acronym: string; spelling: string; at: number }> {
  const found = new Map<string, { acronym: string; spelling: string; at: number }>();
  const add = (acronym: string, spelling: string, at: number) => {
    if (!found.has(acronym)) found.set(acronym, { acronym, spelling: spelling.trim(), at });
  };
  for (const m of text.matchAll(ACRONYM_FIRST)) if (glosses(m[1]!, m[2]!)) add(m[1]!, m[2]!, m.index);
  for (const m of text.matchAll(ACRONYM_AFTER)) {
    const spelling = spelledBefore(text, m.index, m[1]!);
    if (spelling) add(m[1]!, spelling, m.index);
  }
  for (const m of text.matchAll(STANDS_FOR)) if (spells(m[1]!, wordsOf(m[2]!))) add(m[1]!, m[2]!, m.index);
  return [...found.values()].sort((a, b) => a.at - b.at);
}

/** German nouns by these endings are feminine: after "der" such a noun is in the dative or genitive. */
const FEMININE = /(?:ung|heit|keit|ion|tät|schaft|ik|ei|ie|ur|enz|anz)$/;

/**
 * "der TOTP-Standard", when a German article names the acronym as a compound's first part in
 * the nominative (a reader asks "Was ist der TOTP-Standard?" where "Was ist TOTP?" finds only
 * other compounds): the article and the compound, or undefined.
 */
function germanCompound(text: string, at: number, acronym: string): string | undefined {
  const article = /(?<![\p{L}])([Dd]er|[Dd]ie|[Dd]as)\s+$/u.exec(text.slice(Math.max(0, at - 8), at))?.[1];
  const compound = new RegExp(`^${acronym}-\\p{Lu}\\p{Ll}+`, "u").exec(text.slice(at))?.[0];
  if (!article || !compound) return undefined;
  if (article.toLowerCase() === "der" && FEMININE.test(compound)) return undefined;
  return `${article.toLowerCase()} ${compound}`;
}

/**
 * "What does <acronym> stand for?" (or the language's own phrase) for each acronym the
 * article spells out in a sentence it offers questions from (`sentences`); the answer must hold
 * the spelling.
 */
export function acronymQuestions(
  text: string,
  sentences: readonly Span[],
  lang: string,
): QuestionCandidate[] {
  const asks = ASK[lang];
  if (!asks) return [];
  const inSentence = (at: number) => sentences.some((s) => s.start <= at && at < s.end);
  return spelledAcronyms(text)
    .filter((a) => inSentence(a.at))
    .flatMap((a) => {
      const compound = lang === "de" ? germanCompound(text, a.at, a.acronym) : undefined;
      const questions = [...asks.map((ask) => ask(a.acronym)), ...(compound ? [asks[0]!(compound)] : [])];
      return questions.map((question) => ({
        question,
        kind: "what-is" as const,
        at: a.at,
        holds: a.spelling,
      }));
    });
}

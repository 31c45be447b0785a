/**
 * Suggested questions: candidates made from the article's own sentences, each offered only
 * when the answerer answers it from that article. English candidates come from
 * english-questions.ts, what kind of thing a name is (kind-questions.ts), what a thing it
 * defines is (definitions.ts), what a term it glosses after a dash is (glossed-terms.ts) and
 * how much a fee, an offer or a bill it gives a sum is (money-nouns.ts), what a superlative
 * phrase names (superlatives.ts) and what share of a group a percentage is (percentages.ts) and how many of a thing something is
 * made of (made-of.ts).
 * In other languages "who is <name>?", in the languages whose question this is a fixed phrase
 * of: first for a name some sentence describes as the answer rule reads a description
 * (answer/rules/describe-words.ts), then for one the article gives in full and then by surname
 * (fewer questions rather than bad ones); in French, Spanish, German, Italian and Portuguese
 * also what a person it quotes said (speakers-languages.ts) and what a thing costs
 * (prices-languages.ts); in French and German how many of a subject a sentence counts
 * (counts-languages.ts); in Chinese, what or who a name in Latin letters is when a kind or a
 * role comes right before it (chinese-names.ts). In every language with a phrase for it, what
 * an acronym the article spells out stands for (acronyms.ts). In every language, the questions
 * the article asks itself in its headings (heading-questions.ts).
 */
import { sentenceSpans } from "../text/sentences.ts";
import type { Span } from "../text/span.ts";
import { isStopWord } from "../text/tokens.ts";
import { language } from "../text/languages.ts";
import { isDescribed } from "./described.ts";
import { DESCRIBE_WORDS } from "../answer/rules/describe-words.ts";
import type { AnswerResult } from "../types.ts";
import { englishQuestions, type QuestionCandidate } from "./english-questions.ts";
import { isFurniture } from "./furniture.ts";
import { quotes } from "./speakers.ts";
import { acronymQuestions } from "./acronyms.ts";
import { definitionQuestions } from "./definitions.ts";
import { glossedTermQuestions } from "./glossed-terms.ts";
import { kindQuestions } from "./kind-questions.ts";
import { moneyNounQuestions } from "./money-nouns.ts";
import { priceQuestionsIn } from "./prices-languages.ts";
import { countQuestionsIn } from "./counts-languages.ts";
import { chineseNameQuestions } from "./chinese-names.ts";
import { quotesInAnyLanguage, speakerQuestionsIn } from "./speakers-languages.ts";
import { superlativeQuestions } from "./superlatives.ts";
import { percentageQuestions } from "./percentages.ts";
import { headingQuestions } from "./heading-questions.ts";
import { madeOfQuestions } from "./made-of.ts";

export type { QuestionCandidate } from "./english-questions.ts";

/**
 * "Who is X?" in the languages that write names with capitals, ask it with a fixed phrase and
 * do not decline names (Czech's "Declana Rice" is Declan Rice in another case: no question).
 */
const WHO_IS: Record<string, (name: string) => string> = {
  de: (n) => `Wer ist ${n}?`,
  es: (n) => `¿Quién es ${n}?`,
  fr: (n) => `Qui est ${n} ?`,
  it: (n) => `Chi è ${n}?`,
  pt: (n) => `Quem é ${n}?`,
  nl: (n) => `Wie is ${n}?`,
  id: (n) => `Siapa ${n}?`,
  cs: (n) => `Kdo je ${n}?`,
};

/** A word of a name: "Ocalan", "D'Alema", "Jean-Luc". */
const NAME_WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
/** A full name, its particles inside it ("Laure de la Raudière", "Luiz Inácio Lula da Silva"). */
const DESCRIBED_NAME = new RegExp(
  `(?<![\\p{L}'’-])${NAME_WORD}(?:\\s(?:(?:de|la|da|do|dos|del|di|van|von|der|le)\\s)*${NAME_WORD}){1,3}(?![\\p{L}'’-])`,
  "gu",
);
/**
 * Czech declines names: "Declana Rice" is Declan Rice as an object. A name is asked only in a
 * form no oblique case of a man's name ends with (a woman's "-ová", "-á" is her nominative).
 */
const CS_OBLIQUE = /(?:a|em|ovi|u|ou|ým|ého|ému)$/;
const nominative = (name: string) =>
  /(?:ová|á)$/.test(name) || name.split(/\s+/).every((w) => !CS_OBLIQUE.test(w));

/**
 * Full names in a text not written in English that some sentence describes as the answerer
 * reads a description (src/answer/rules/describes.ts), in the order they first appear: not
 * one that opens with a word of the language ("La Commission"), nor in German one that opens
 * a sentence (where any noun has a capital).
 */
function describedNames(
  text: string,
  spans: readonly Span[],
  lang: string,
): Array<{ name: string; at: number }> {
  const ask = WHO_IS[lang]!;
  const wordsOf = DESCRIBE_WORDS[lang];
  const capitalisesNouns = language(lang)?.capitalisesNouns ?? false;
  const seen = new Map<string, number>();
  for (const m of text.matchAll(DESCRIBED_NAME)) {
    const first = m[0].split(/\s+/)[0]!;
    if (
      seen.has(m[0]) ||
      isStopWord(first.toLowerCase(), lang) ||
      wordsOf?.notRole.includes(first.toLowerCase())
    )
      continue;
    if (capitalisesNouns && /(?:^|[.!?:"“«]\s*|\n\s*)$/u.test(text.slice(Math.max(0, m.index - 30), m.index)))
      continue;
    if (lang === "cs" && !nominative(m[0])) continue;
    seen.set(m[0], m.index);
  }
  return [...seen]
    .filter(([name]) => isDescribed(name, text, spans, lang, ask))
    .map(([name, at]) => ({ name, at }));
}

/** Two or three capitalised words: a full name as such articles write one. */
const FULL_NAME = /\b\p{Lu}\p{Ll}+(?:[ -](?:de |da |do |dos |van |von |del |la |le )?\p{Lu}\p{Ll}+){1,2}\b/gu;

/**
 * Full names in a text not written in English, most mentioned first: a name counts only when
 * the article also calls the person by the surname alone, twice or more (news style), and
 * never opens a sentence with it (where any noun has a capital in German).
 */
function namesByMentions(text: string): Array<{ name: string; at: number }> {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(FULL_NAME)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    // At a sentence's start, or after another capitalised word (part of a longer name): no.
    if (m.index === 0 || /[.!?:"“«]\s*$|\n\s*$|\p{Lu}[\p{L}.]*\s$/u.test(before)) continue;
    if (!seen.has(m[0])) seen.set(m[0], m.index);
  }
  const out: Array<{ name: string; at: number; alone: number }> = [];
  for (const [name, at] of seen) {
    const surname = name.split(/[ -]/).at(-1)!;
    const alone =
      (text.match(new RegExp(`(?<!\\p{L})${surname}(?!\\p{L})`, "gu"))?.length ?? 0) -
      (text.split(name).length - 1);
    if (alone >= 2) out.push({ name, at, alone });
  }
  return out.sort((a, b) => b.alone - a.alone || a.at - b.at);
}

/** A sentence with fewer words than this asks nothing worth asking. */
const QUESTION_WORDS = 5;

/**
 * "Who is <name>?" in a language of WHO_IS: described people first; then (not in Czech, which
 * declines them) names mentioned often.
 */
function whoIsQuestions(text: string, spans: readonly Span[], lang: string): QuestionCandidate[] {
  const ask = WHO_IS[lang];
  if (!ask) return [];
  const described = describedNames(text, spans, lang);
  const mentioned = lang === "cs" ? [] : namesByMentions(text).slice(0, 4);
  const names = [...described, ...mentioned.filter((m) => !described.some((d) => d.name.includes(m.name)))];
  return names.map((p) => ({ question: ask(p.name), kind: "who" as const, at: p.at }));
}

/**
 * English candidates: rebuilt sentences and fixed phrases around names (english-questions.ts),
 * acronyms, then what kind of thing a name is, what a thing or a glossed term is, how much
 * a sum's noun is, what a superlative names, what share a percentage is, how many things
 * something is made of, and its own questions.
 */
async function englishCandidates(text: string, spans: readonly Span[]): Promise<QuestionCandidate[]> {
  return [
    ...(await englishQuestions(text, [...spans])),
    ...acronymQuestions(text, spans, "en"),
    ...(await kindQuestions(text, spans)),
    ...(await definitionQuestions(text, spans)),
    ...glossedTermQuestions(text, spans),
    ...moneyNounQuestions(text, spans),
    ...superlativeQuestions(text, spans),
    ...percentageQuestions(text, spans),
    ...madeOfQuestions(text, spans),
    ...headingQuestions(text, "en"),
  ];
}

/**
 * Candidates in another language: who is, what someone said, what costs, how many; Chinese
 * names; acronyms; its own questions.
 */
function otherCandidates(text: string, spans: readonly Span[], lang: string): QuestionCandidate[] {
  return [
    ...whoIsQuestions(text, spans, lang),
    ...speakerQuestionsIn(text, lang),
    ...priceQuestionsIn(text, lang),
    ...countQuestionsIn(text, spans, lang),
    ...(lang === "zh" ? chineseNameQuestions(text, spans) : []),
    ...acronymQuestions(text, spans, lang),
    ...headingQuestions(text, lang),
  ];
}

/** Candidate questions for an article in `lang`, in the order worth trying. */
export async function candidateQuestions(text: string, lang: string): Promise<QuestionCandidate[]> {
  // A short sentence can answer a question ("The One X costs $500."), though not make a gist.
  const spans = sentenceSpans(text).filter((s) => !isFurniture(text.slice(s.start, s.end), QUESTION_WORDS));
  return lang === "en" ? englishCandidates(text, spans) : otherCandidates(text, spans, lang);
}

/** What an answer must show to answer a candidate (QuestionCandidate's checks). */
export type AnswerChecks = Pick<QuestionCandidate, "expect" | "speaker" | "holds" | "within">;

/**
 * Whether an answer answers a candidate from its article: answered, cited, every citation in
 * that article, holding what the candidate's sentence gave (its number or its date; `holds` as
 * written), quoting its speaker when it asks what someone said, and its first citation within
 * the part of the article the candidate names (a heading's section).
 */
export function answersFrom(result: AnswerResult, articleId: string, checks: AnswerChecks = {}): boolean {
  const { expect, speaker, holds, within } = checks;
  if (result.abstained || result.citations.length === 0) return false;
  if (!result.citations.every((c) => c.articleId === articleId)) return false;
  if (speaker && !quotes(speaker, result.answer) && !quotesInAnyLanguage(speaker, result.answer))
    return false;
  if (holds && !squeezed(result.answer).includes(squeezed(holds))) return false;
  const first = result.citations[0]!;
  if (within && (first.start < within.start || first.end > within.end)) return false;
  if (!expect) return true;
  const answer = result.answer.toLowerCase();
  const figures = expect.match(/\d[\d,.]*/g);
  if (figures) return figures.every((f) => answer.includes(f.replace(/[.,]$/, "")));
  const words = expect.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  return words.length === 0 || words.some((w) => answer.includes(w));
}

/** Text compared as written, but for case and runs of white space. */
const squeezed = (s: string) => s.replace(/\s+/g, " ").toLowerCase();

/** Candidates checked at once. */
const BATCH = 3;

/**
 * Up to `max` candidates that pass `check`, one of each kind first (who is, when, how many, how
 * much, how old, what someone said, who did it, what an acronym or a thing is, what the
 * article asks itself),
 * trying at most `maxTries` of them.
 */
export async function pickQuestions(
  candidates: QuestionCandidate[],
  check: (c: QuestionCandidate) => Promise<boolean>,
  max = 3,
  maxTries = 12,
): Promise<string[]> {
  // Figures first: a who-did from the same sentence as a when asks less.
  const kinds = [
    "who",
    "when",
    "how-many",
    "how-much",
    "how-old",
    "what-said",
    "who-did",
    "what-is",
    "asked",
  ] as const;
  const byKind = kinds.map((k) => candidates.filter((c) => c.kind === k));
  // Round robin over the kinds: a who, a when, a how many, then the next of each.
  const order: QuestionCandidate[] = [];
  for (let i = 0; order.length < candidates.length; i++)
    for (const list of byKind) if (list[i]) order.push(list[i]!);
  // Checked a few at a time: with a chat model each check is a round trip, and they overlap.
  const tried = order.slice(0, maxTries);
  const picked: QuestionCandidate[] = [];
  // Two questions from one sentence ask the same thing twice.
  const sameSentence = (c: QuestionCandidate) =>
    c.kind !== "who" && picked.some((p) => p.kind !== "who" && p.at === c.at);
  for (let i = 0; i < tried.length && picked.length < max; i += BATCH) {
    const batch = tried.slice(i, i + BATCH).filter((c) => !sameSentence(c));
    const passed = await Promise.all(batch.map((c) => check(c)));
    for (const [j, c] of batch.entries())
      if (passed[j] && picked.length < max && !sameSentence(c)) picked.push(c);
  }
  return picked.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind)).map((c) => c.question);
}

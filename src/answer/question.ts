/**
 * A question, read once: its language, the kind of thing it asks for, the form an answer of
 * that kind takes, what the answer must be about (its focus), its own names, its negation and
 * the unit it asks in. The extractive answerer builds one `Question` per question
 * (`readQuestion`) and passes it down; its rules (rules/) and the decision read it instead of
 * the question's text.
 */
import { isStopWord, words } from "../text/tokens.ts";
import { undotted } from "../text/undotted.ts";
import { asksReason, isNegated } from "../text/negation.ts";
import { answerType, kindCues, questionNames, type AnswerType, type KindCues } from "./answer-type.ts";

/**
 * The form an answer takes, beyond its kind: "Who is Rae Zimmerman?" is answered by what she
 * is ("a research professor at …"), not by another name; "How old is Hori Parata?" by an age
 * ("Parata, 75"), not by any number; "What's the name of the baby?" by a name given to the
 * baby; "What kind of game is Thumper?" by a kind of game said of Thumper.
 */
export type AnswerForm = "plain" | "description" | "age" | "name" | "kind";

/** What a question asks, read once. */
export interface Question {
  /** As asked (or as a follow-up was resolved). */
  readonly text: string;
  /** ISO 639-1. */
  readonly lang: string;
  readonly type: AnswerType;
  readonly form: AnswerForm;
  /**
   * What the answer must be about, as the question writes it ("Rae Zimmerman", "the baby in
   * the flag photo"); empty when the question's form does not single one out.
   */
  readonly focus: string;
  /** For "what kind of X": X ("game"); for "what's the name of X": X's head noun ("baby"). */
  readonly head?: string;
  /** For "how old was X when …": the moment asked about ("when he played in Super Bowl 50"). */
  readonly moment?: string;
  /** The question's own names (people, places, organisations, numbers). */
  readonly names: readonly string[];
  readonly negated: boolean;
  /** "Why …?", "How come …?". */
  readonly asksReason: boolean;
  /** The cues a sentence's thing of the kind is checked by (unit, count, speaker, doer). */
  readonly cues: KindCues;
  /** The question's words, lower-cased: a thing it names is no answer to it. */
  readonly asked: ReadonlySet<string>;
}

/** Reads `text` (in `lang`, ISO 639-1) once into a Question. */
export function readQuestion(text: string, lang = "en"): Question {
  const shape = lang === "en" ? englishForm(text) : whoIsForm(text, lang);
  return {
    text,
    lang,
    type: answerType(text, lang),
    form: shape?.form ?? "plain",
    focus: shape?.focus ?? "",
    ...(shape?.head ? { head: shape.head } : {}),
    ...(shape?.moment ? { moment: shape.moment } : {}),
    names: questionNames(undotted(text), lang),
    negated: isNegated(text, lang),
    asksReason: asksReason(text, lang),
    cues: kindCues(text, lang),
    asked: new Set(words(text, lang)),
  };
}

/** Prepositions that end a noun phrase's head: "the baby *in* the flag photo". */
const PREPOSITION =
  /\s+(?:in|of|on|at|for|from|with|by|about|behind|to|into|under|over|during|that|who|which)\s+/i;

/** Words that end a noun phrase's head run: a verb form or a clause begins. */
const CLAUSE =
  /^(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must|[\p{Ll}]+(?:ed|n['’]t))$/u;

/**
 * The head noun of a noun phrase: the last word of its first run of nouns, which ends at a
 * preposition, a verb form or a name after a common noun ("baby" in "the baby in the photo",
 * "legislation" in "the legislation passed in 1850", "system" in "the TV scrambling system
 * BSkyB couldn't use").
 */
export function headNoun(phrase: string): string | undefined {
  const core = phrase.split(PREPOSITION)[0] ?? phrase;
  const run: string[] = [];
  for (const raw of core.split(/\s+/)) {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!w) continue;
    if (run.length > 0 && (CLAUSE.test(w) || (/^\p{Lu}/u.test(w) && /^\p{Ll}/u.test(run.at(-1)!)))) break;
    if (isStopWord(w.toLowerCase()) && run.length === 0) continue;
    run.push(w);
  }
  const ws = run.filter((w) => !isStopWord(w.toLowerCase()));
  return ws
    .at(-1)
    ?.replace(/['’]s$/, "")
    .toLowerCase();
}

interface Shape {
  form: AnswerForm;
  focus: string;
  head?: string;
  moment?: string;
}

const NAME_RUN = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|bin|al))*$/u;

/**
 * "Who is X?" in other languages, by its fixed opening: the rest is the person asked about.
 * Only a name is a person described ("Qui est le ministre ?" asks for a person: plain).
 */
const WHO_IS: Record<string, RegExp> = {
  fr: /^qui (?:est|était) (.+)$/i,
  de: /^wer (?:ist|war) (.+)$/i,
  es: /^¿?\s*qui[eé]n (?:es|era|fue) (.+)$/i,
  pt: /^quem (?:é|e|era|foi) (.+)$/i,
  it: /^chi (?:è|e'|era|fu) (.+)$/i,
  nl: /^wie (?:is|was) (.+)$/i,
  cs: /^kdo (?:je|byl|byla) (.+)$/i,
};
/** A person's name in those languages, with the particles inside it ("Laure de la Raudière", "Lula da Silva"). */
const NAME_RUN_OTHER =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|la|le|du|des|del|della|di|da|do|dos|das|van|der|den|von|zu|y|e))*\s+\p{Lu}[\p{L}'’.-]*$/u;

/** The form a question in another language asks for: only "who is <a name>?" has one. */
function whoIsForm(question: string, lang: string): Shape | undefined {
  const opening = WHO_IS[lang];
  const m = opening?.exec(question.trim().replace(/[?!.\s]+$/, ""));
  if (!m || !NAME_RUN_OTHER.test(m[1]!) || /\b\p{Lu}{2,}$/u.test(m[1]!)) return undefined;
  // German capitalises nouns: "Wer war Ayurparibhadras Sohn?" asks for a son, not about a name.
  if (lang === "de" && /^\S+s\s/u.test(m[1]!)) return undefined;
  return { form: "description", focus: m[1]! };
}

/** The form English questions ask for, by their openings. */
function englishForm(question: string): Shape | undefined {
  const q = question
    .trim()
    .replace(/[?!.\s]+$/, "")
    .replace(/^(what|who|how)['’]s\b/i, "$1 is");
  // "Who is Rae Zimmerman?", "Who was Hori Parata?": a person named, and asked what they are.
  let m = /^(?:who|what) (?:is|was|are|were) (.+)$/i.exec(q);
  // A person's name, not a role ("Yahoo's CEO") nor an acronym ("the WHO").
  if (m && NAME_RUN.test(m[1]!) && /^who\b/i.test(q) && !/['’]s\b|\b\p{Lu}{2,}$/u.test(m[1]!))
    return { form: "description", focus: m[1]! };
  m =
    /^how old (?:is|was|are|were|will) (.+?)(?: now| today| ((?:when|during|at the time of|in) .*))?$/i.exec(
      q,
    ) ?? /^what age (?:is|was) (.+)$/i.exec(q);
  if (m) return { form: "age", focus: m[1]!, ...(m[2] ? { moment: m[2] } : {}) };
  m =
    /^what (?:is|was|are|were) (?:the |his |her |their |its )?names? of (.+)$/i.exec(q) ??
    /^what (?:is|was|are|were) (.+?)['’]s? names?$/i.exec(q) ??
    /^what (?:is|was|are|were) (.+?) (?:called|named|known as)$/i.exec(q);
  if (m) {
    const head = headNoun(m[1]!);
    return { form: "name", focus: m[1]!, ...(head ? { head } : {}) };
  }
  m = /^what (?:kind|type|sort|genre) of ([\p{L}-]+) (?:is|was|are|were) (.+)$/iu.exec(q);
  if (m) return { form: "kind", focus: m[2]!, head: m[1]!.toLowerCase() };
  return undefined;
}

/**
 * Questions a reader might ask of an English article, made from its own sentences with
 * compromise's part-of-speech tags: "Who is <a person named in full>?", "When will/did <the
 * subject> <verb> <the object>?" from a sentence that dates its main clause, and "How many
 * <things> <verb phrase>?" from one that counts its subject or its object. Each is rebuilt as
 * a question (subject and auxiliary inverted, the verb in its base form, the answer taken out),
 * never a sentence with a word swapped for "what" ("What did X say?" of a person it quotes is a
 * fixed phrase: speakers.ts); a sentence whose shape is not one of these
 * gives none. compromise is loaded on the first article, not when this module is imported.
 */
import { createRequire } from "node:module";
import type nlpType from "compromise";
import type { Span } from "../text/span.ts";
import { isDescribed } from "./described.ts";
import { speakerQuestions } from "./speakers.ts";
import { escapeRegExp } from "../text/escape-regexp.ts";

/** A question, the sentence it was made from, and the words its answer should hold. */
export interface QuestionCandidate {
  question: string;
  kind: "who" | "when" | "how-many" | "how-much" | "how-old" | "what-said" | "who-did" | "what-is" | "asked";
  /** Where its source sentence starts in the article (for ordering). */
  at: number;
  /** Text the answer should contain (the date, the number), when there is one. */
  expect?: string;
  /** Whom the answer must quote, for "What did X say?": a speech verb beside their name. */
  speaker?: string;
  /** Words the answer must hold as written (an acronym's spelling, a definition). */
  holds?: string;
  /** Where in the article the answer's first citation must be (the section a heading question heads). */
  within?: { start: number; end: number };
}

type Nlp = typeof nlpType;
type ToInfinitive = (word: string, tense: string) => string;
let loading: Promise<{ nlp: Nlp; toInfinitive: ToInfinitive }> | undefined;

/**
 * compromise, loaded once on first use, with its verb conjugator. Its bundled build (the one
 * `require` resolves to) loads in about half the time of its ES modules, file by file.
 */
export function loadNlp(): Promise<{ nlp: Nlp; toInfinitive: ToInfinitive }> {
  loading ??= Promise.resolve().then(() => {
    const nlp = createRequire(import.meta.url)("compromise") as Nlp;
    const { methods, model } = nlp.world() as unknown as {
      methods: {
        two: { transform: { verb: { toInfinitive: (w: string, m: unknown, t: string) => string } } };
      };
      model: unknown;
    };
    return {
      nlp,
      toInfinitive: (w: string, t: string) => methods.two.transform.verb.toInfinitive(w, model, t),
    };
  });
  return loading;
}

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface VerbJson {
  text: string;
  offset: { start: number; length: number };
  terms: Term[];
  verb: {
    auxiliary: string;
    negative: boolean;
    infinitive: string;
    root: string;
    grammar: { form: string; tense?: string; copula?: boolean; passive?: boolean };
  };
}

/** Words after which a clause is no longer the main one: the question stops before them. */
const CLAUSE_END =
  /,(?=\s)|[;:()–—]|\s(?:that|which|who|whom|because|after|before|while|when|where|although|though|since|if|but|and then|according to|said|says)\s/i;
const SUBJECT_START = new Set(["Determiner", "ProperNoun", "Noun", "Adjective", "Possessive", "Value"]);
const PRONOUN =
  /^(?:it|he|she|they|we|i|you|this|that|these|those|there|one|some|many|most|all|each|both|others?)$/i;
/** What a date phrase opens with: a number, a month or a day, perhaps after "the", "early", "mid". */
const DATE_SHAPE =
  /^(?:(?:on|in|at|by|during|since|last|this|next|the|early|mid|late)[\s-]+)*(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;
const MONTH_OR_DAY =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
/** Words that say "about" before a count: they belong to the answer, not the question. */
const APPROXIMATELY =
  /^(?:about|some|nearly|almost|more than|over|at least|around|roughly|only|just|fewer than|less than|up to|an estimated)\s+/i;
const COUNT =
  /^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|billion|thousand|hundred))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)$/i;
const COUNT_WORD =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)\b/i;
/** Counts that are not of things one asks "how many" of. */
const NOT_COUNTED =
  /^(?:percent|per|cent|times|years?|months?|weeks?|days?|hours?|minutes?|seconds?|points?|pounds|kilograms|kilos|grams|ounces|tons|tonnes|dollars|euros|miles|kilometers|kilometres|feet|inches|meters|metres)$/i;

const REPORTING =
  /^(?:say|tell|announce|report|add|explain|write|claim|argue|note|confirm|state|reveal|warn|insist|believe|think|know|show|find|suggest|estimate|predict|admit|deny|agree|decide|expect|hope|plan|want|ask)$/;

const MAX_SUBJECT_WORDS = 7;
const MAX_REST_WORDS = 9;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const tidy = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:?!’'])/g, "$1")
    .trim();
const ucFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The subject as it reads inside a question: "The council" → "the council", names kept. */
function subjectInQuestion(subject: string, first: Term, text: string): string {
  const word = first.text;
  const lower = word.toLowerCase();
  // "The council" → "the council"; "Mozilla", "Pacific halibut" keep their capital unless the
  // article writes the word in lower case elsewhere.
  const common =
    first.tags.includes("Determiner") ||
    (!["ProperNoun", "Person", "Place", "Organization", "Acronym"].some((t) => first.tags.includes(t)) &&
      (first.tags.includes("Plural") || new RegExp(`\\b${escapeRegExp(lower)}\\b`, "u").test(text)));
  return common ? lower + subject.slice(word.length) : subject;
}

/** The main clause's subject: the words before its first verb, when they read as a noun phrase. */
function subjectOf(
  sentence: string,
  terms: Term[],
  verb: VerbJson,
): { text: string; first: Term } | undefined {
  const before = terms.filter((t) => t.offset.start < verb.offset.start);
  // "Protests also emerged": the adverb goes with the verb, and out of the question.
  while (before.length > 1 && before.at(-1)!.tags.includes("Adverb")) before.pop();
  const last = before.at(-1);
  let text = last ? sentence.slice(0, last.offset.start + last.offset.length).trim() : "";
  // A title in quotation marks ends with its closing mark, which compromise leaves out of the word.
  if (last && /^["”]/.test(sentence.slice(last.offset.start + last.offset.length)))
    text += sentence.charAt(last.offset.start + last.offset.length);
  if (/\d|--/.test(text)) return undefined;
  const first = before[0];
  if (!first || !text || /[,;:()[\]]/.test(text)) return undefined;
  // Quotation marks only around the whole subject (a title: "Super Mario Run" will launch …).
  if (/["“”]/.test(text) && !/^["“][^"“”]+["”]$/.test(text)) return undefined;
  if (/^(?:this|that|these|those|such|its|his|her|their|our|my|your|another|other)\b/i.test(text))
    return undefined;
  if (wordCount(text) > MAX_SUBJECT_WORDS) return undefined;
  if (!SUBJECT_START.has(first.tags[0] ?? "") && !first.tags.some((t) => SUBJECT_START.has(t)))
    return undefined;
  if (first.tags.includes("Pronoun") || PRONOUN.test(text)) return undefined;
  if (!before.some((t) => t.tags.includes("Noun"))) return undefined;
  // A verb, preposition or conjunction inside means the sentence opened with something else.
  if (
    before.some(
      (t) => t.tags.includes("Verb") || t.tags.includes("Preposition") || t.tags.includes("Conjunction"),
    )
  )
    return undefined;
  return { text, first };
}

/**
 * The rest of the main clause after the verb: up to a comma, a subordinate clause or a second
 * verb joined by "and"; undefined when another finite verb follows (the first one was then a
 * participle, "A bill approved in February will add …", not the clause's verb).
 */
function clauseRest(sentence: string, from: number, terms: Term[]): string | undefined {
  // A modal later on ("A bill approved in February that raised … will add …") is the clause's
  // verb: the first one was a participle.
  if (terms.some((t) => t.offset.start >= from && t.tags.includes("Modal"))) return undefined;
  let rest = sentence.slice(from);
  const end = CLAUSE_END.exec(rest);
  if (end) rest = rest.slice(0, end.index);
  const stop = from + rest.length;
  const inside = terms.filter((t) => t.offset.start >= from && t.offset.start < stop);
  for (const [i, t] of inside.entries()) {
    if (!t.tags.includes("Verb")) continue;
    const before = inside[i - 1];
    if (before && /^(?:and|or)$/i.test(before.text)) {
      rest = sentence.slice(from, before.offset.start);
      break;
    }
    const nonFinite = ["Gerund", "Participle", "Infinitive"].some((x) => t.tags.includes(x));
    if (!nonFinite && !t.tags.includes("PhrasalVerb")) return undefined;
  }
  return rest.replace(/[.!?…"”’']+\s*$/u, "").trim();
}

function isPlural(terms: Term[], before: number): boolean {
  const nouns = terms.filter((t) => t.offset.start < before && t.tags.includes("Noun"));
  return nouns.at(-1)?.tags.includes("Plural") ?? false;
}

/**
 * The first verb group (auxiliaries, adverbs and the verb) and its form, from the tags alone:
 * compromise's own verb analysis costs ten times the tagging.
 */
function firstVerb(terms: Term[], toInfinitive: ToInfinitive): VerbJson | undefined {
  // A verb opening the sentence is a participle before a noun ("Retired judge Osvald Brekke").
  const i = terms.findIndex((t, at) => at > 0 && t.tags.includes("Verb"));
  if (i < 0) return undefined;
  const group: Term[] = [];
  for (let j = i; j < terms.length; j++) {
    const t = terms[j]!;
    if (!t.tags.includes("Verb") && !(t.tags.includes("Adverb") || t.tags.includes("Negative"))) break;
    group.push(t);
  }
  while (group.length && !group.at(-1)!.tags.includes("Verb")) group.pop();
  const verbs = group.filter((t) => t.tags.includes("Verb"));
  const main = verbs.at(-1)!;
  const auxes = verbs.slice(0, -1).map((t) => t.text.toLowerCase());
  const negative = group.some((t) => /^(?:not|n['’]t|never)$/i.test(t.text) || /n['’]t$/i.test(t.text));
  const copula = main.tags.includes("Copula");
  const participle = main.tags.includes("Participle") || main.tags.includes("PastTense");
  let form: string | undefined;
  if (auxes.length === 0)
    form = main.tags.includes("PastTense")
      ? "simple-past"
      : main.tags.includes("PresentTense") || main.tags.includes("Infinitive")
        ? "simple-present"
        : undefined;
  else if (auxes.length === 1 && auxes[0] === "will") form = "simple-future";
  else if (auxes.length === 1 && /^(?:was|were)$/.test(auxes[0]!) && participle && !copula)
    form = "passive-past";
  else if (auxes.length === 1 && /^(?:has|have)$/.test(auxes[0]!) && participle && !copula)
    form = "present-perfect";
  form ??= "other";
  const tense = main.tags.includes("Participle")
    ? "Participle"
    : main.tags.includes("PastTense")
      ? "PastTense"
      : "PresentTense";
  const root = main.text.replace(/[.,;:!?]+$/, "");
  const infinitive = main.tags.includes("Infinitive")
    ? root.toLowerCase()
    : toInfinitive(root.toLowerCase(), tense);
  const first = group[0]!;
  return {
    text: group.map((t) => t.text).join(" "),
    offset: {
      start: first.offset.start,
      length: main.offset.start + main.offset.length - first.offset.start,
    },
    terms: group,
    verb: { auxiliary: auxes.join(" "), negative, infinitive, root, grammar: { form, copula } },
  };
}

/** The verb's words after the auxiliary: compromise counts trailing adverbs in; they stay out. */
function verbEnd(verb: VerbJson): number {
  const verbs = verb.terms.filter((t) => t.tags.includes("Verb"));
  const last = verbs.at(-1) ?? verb.terms.at(-1)!;
  return last.offset.start + last.offset.length;
}

/**
 * The clause as a question on `wh`, its verb inverted with the subject:
 * "the council will vote on …" → "<wh> will the council vote on …".
 */
function inverted(
  wh: string,
  subject: string,
  plural: boolean,
  verb: VerbJson,
  rest: string,
): string | undefined {
  const { form, copula } = verb.verb.grammar;
  const inf = verb.verb.infinitive;
  const aux = verb.verb.auxiliary.toLowerCase();
  let head: string;
  switch (form) {
    case "simple-future":
      head = `will ${subject} ${inf}`;
      break;
    case "simple-past":
      head = copula ? `${verb.terms[0]!.text.toLowerCase()} ${subject}` : `did ${subject} ${inf}`;
      break;
    case "present-perfect":
      head = `did ${subject} ${inf}`;
      break;
    case "passive-past":
      if (aux !== "was" && aux !== "were") return undefined;
      head = `${aux} ${subject} ${verb.verb.root}`;
      break;
    case "simple-present":
      head = copula
        ? `${verb.terms[0]!.text.toLowerCase()} ${subject}`
        : `${plural ? "do" : "does"} ${subject} ${inf}`;
      break;
    default:
      return undefined;
  }
  return `${ucFirst(wh)} ${head}${rest ? ` ${rest}` : ""}?`;
}

/** "When …?" from a sentence whose main clause holds a date. */
function whenQuestion(
  article: string,
  sentence: string,
  terms: Term[],
  verb: VerbJson,
  dates: Term[][],
  openerDate: string | undefined,
): QuestionCandidate | undefined {
  const subject = subjectOf(sentence, terms, verb);
  if (!subject || verb.verb.negative) return undefined;
  const end = verbEnd(verb);
  let rest = clauseRest(sentence, end, terms);
  if (rest === undefined) return undefined;
  const restStart = end;
  const restEnd = restStart + sentence.slice(restStart).indexOf(rest) + rest.length;
  // The date must be inside the clause asked about (or open the sentence), and specific.
  const date = dates.find((d) => d[0]!.offset.start >= restStart && d.at(-1)!.offset.start < restEnd);
  let dateText = date
    ? sentence
        .slice(date[0]!.offset.start, date.at(-1)!.offset.start + date.at(-1)!.offset.length)
        .replace(/[.,;:]+$/, "")
    : openerDate;
  if (!dateText || (!/\d/.test(dateText) && !MONTH_OR_DAY.test(dateText))) return undefined;
  // A date, not a phrase around one ("a report released in November 2012").
  if (wordCount(dateText) > 5 || !DATE_SHAPE.test(dateText)) return undefined;
  if (date) {
    // Out with the date and the preposition that led to it.
    const escaped = escapeRegExp(dateText);
    rest = tidy(
      rest.replace(
        new RegExp(
          `(?:\\s*\\b(?:on|in|at|by|during|from|since|until|last|this|next|early|late|earlier|later)\\b)*\\s*${escaped}`,
          "i",
        ),
        " ",
      ),
    );
  }
  dateText = dateText.replace(/^(?:on|in|at|by|during|since|last|this|next)\s+/i, "");
  // A figure left over ("for $10") is cut off with the phrase that holds it.
  const figure = /\s+(?:for|of|at|to|with|by|from|in|on|about)\s+[^\s]*\d.*$/i.exec(` ${rest}`);
  if (figure) rest = ` ${rest}`.slice(0, figure.index).trim();
  if (wordCount(rest) > MAX_REST_WORDS || /\d/.test(rest)) return undefined;
  // "When did he say?" wants what was said: a verb of saying needs its object.
  if (rest === "" && REPORTING.test(verb.verb.infinitive)) return undefined;
  const q = inverted(
    "when",
    subjectInQuestion(subject.text, subject.first, article),
    isPlural(terms, verb.offset.start),
    verb,
    rest,
  );
  return q ? { question: tidy(q), kind: "when", at: 0, expect: dateText } : undefined;
}

/** "How many …?" from a sentence that counts its subject or its object. */
function howManyQuestion(
  article: string,
  sentence: string,
  terms: Term[],
  verb: VerbJson,
): QuestionCandidate | undefined {
  if (verb.verb.negative) return undefined;
  const end = verbEnd(verb);
  // The subject counted: "About 1,200 people live on the island."
  const head = sentence.slice(0, verb.offset.start).trim();
  const counted = /^(.*?)\s+(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*)?)$/u.exec(head.replace(APPROXIMATELY, ""));
  if (counted && /^(?:million|billion|thousand|hundred)\b/i.test(counted[2]!)) {
    const [scale, ...rest] = counted[2]!.split(/\s+/);
    counted[1] = `${counted[1]} ${scale}`;
    counted[2] = rest.join(" ");
  }
  if (
    counted &&
    counted[2] &&
    COUNT.test(counted[1]!) &&
    !/[,;:()]/.test(head.replace(/(\d),(\d)/g, "$1$2"))
  ) {
    const nouns = counted[2];
    const nounTerms = terms.filter((t) => t.offset.start < verb.offset.start && nouns.includes(t.text));
    if (nounTerms.at(-1)?.tags.includes("Plural") && !NOT_COUNTED.test(nouns.split(" ").at(-1)!)) {
      const rest = clauseRest(sentence, end, terms);
      if (rest !== undefined && wordCount(rest) <= MAX_REST_WORDS) {
        const verbText = sentence.slice(verb.offset.start, end);
        return {
          question: tidy(`How many ${nouns.toLowerCase()} ${verbText} ${rest}?`),
          kind: "how-many",
          at: 0,
          expect: counted[1]!,
        };
      }
    }
  }
  // The object counted: "Parata has overseen more than 500 strandings."
  const subject = subjectOf(sentence, terms, verb);
  if (!subject) return undefined;
  const rest = clauseRest(sentence, end, terms);
  if (rest === undefined) return undefined;
  const object =
    /^((?:about|some|nearly|almost|more than|over|at least|around|roughly|only|just|fewer than|less than|up to|an estimated)\s+)?(\S+)\s+(.*)$/iu.exec(
      rest,
    );
  if (!object || !COUNT.test(object[2]!)) return undefined;
  // The thing counted: up to three words ending in a plural noun ("75 water-main breaks").
  const after = rest.length - object[3]!.length;
  const things = terms.filter((t) => t.offset.start >= end + (sentence.slice(end).indexOf(rest) + after));
  let headAt = -1;
  for (const [i, t] of things.slice(0, 3).entries()) {
    if (t.tags.includes("Noun") && t.tags.includes("Plural")) {
      headAt = i;
      break;
    }
    if (!t.tags.some((x) => x === "Adjective" || x === "Noun" || x === "Hyphenated")) break;
  }
  if (headAt < 0) return undefined;
  const headTerm = things[headAt]!;
  const nounEnd = headTerm.offset.start + headTerm.offset.length;
  const noun = sentence.slice(things[0]!.offset.start, nounEnd);
  if (NOT_COUNTED.test(headTerm.text)) return undefined;
  const restEnd = end + sentence.slice(end).indexOf(rest) + rest.length;
  const tail = tidy(sentence.slice(nounEnd, restEnd));
  if (wordCount(tail) > MAX_REST_WORDS || /\d/.test(tail)) return undefined;
  const subj = subjectInQuestion(subject.text, subject.first, article);
  const plural = isPlural(terms, verb.offset.start);
  const { form } = verb.verb.grammar;
  const inf = verb.verb.infinitive;
  let asked: string;
  if (form === "simple-future") asked = `will ${subj} ${inf}`;
  else if (form === "simple-past") asked = `did ${subj} ${inf}`;
  else if (form === "present-perfect") asked = `${plural ? "have" : "has"} ${subj} ${verb.verb.root}`;
  else if (form === "simple-present" && !verb.verb.grammar.copula)
    asked = `${plural ? "do" : "does"} ${subj} ${inf}`;
  else return undefined;
  return {
    question: tidy(`How many ${noun.toLowerCase()} ${asked}${tail ? ` ${tail}` : ""}?`),
    kind: "how-many",
    at: 0,
    expect: object[2]!,
  };
}

/** A price or a measure right after the verb: "$500", "8.4 pounds", "about $1.2 million". */
const AMOUNT =
  /^(?:at\s+|for\s+)?(?:(?:about|around|nearly|roughly|just|only|over|under|almost|more than|less than|up to|an estimated)\s+)?((?:[$£€]\s?)?\d[\d,.]*(?:\s+(?:million|billion|thousand))?(?:\s+(?:pounds|kilograms|kilos|kg|lbs|grams|ounces|tons|tonnes|dollars|euros))?)(?=[\s,.;:)]|$)/i;
/** Verbs of price and weight as written, and how a question asks after each. */
const HOW_MUCH =
  /\s(costs?|weighs?|weighed|cost|sells for|sell for|sold for|retails? for|(?:is|are|was|were) (?:valued|priced) at)\s+/;
/** Words a subject asked "how much" about may hold: a noun phrase, no verb, no pronoun. */
const NOUN_PHRASE = new Set([
  "Determiner",
  "Adjective",
  "Noun",
  "ProperNoun",
  "Acronym",
  "Possessive",
  "Value",
]);

/** The question a price or weight verb asks: "does … cost", "did … weigh", "is … valued at". */
function howMuchHead(verb: string, subject: string, plural: boolean): string {
  const passive = /^(?:is|are|was|were) (\w+) at$/.exec(verb);
  if (passive) return `${verb.split(" ")[0]} ${subject} ${passive[1]} at`;
  const past = /^(?:weighed|sold)/.test(verb);
  const base = verb.replace(/^(?:costs?)$/, "cost").replace(/^(?:weighs?|weighed)$/, "weigh");
  const asked = base.replace(/^(?:sells|sold) for$/, "sell for").replace(/^retails for$/, "retail for");
  return `${past ? "did" : plural ? "do" : "does"} ${subject} ${asked}`;
}

/**
 * "How much does the One X cost?" from "the One X costs $500"; "How much does the console
 * weigh?" from "the console weighs 8.4 pounds"; "How much is the dress valued at?" from "The
 * dress is valued at $150,000". Read from the words, not the tags: a tagger takes "costs" for
 * a noun after a name ("The One X costs $500"). The subject must be a short noun phrase.
 */
function howMuchQuestion(article: string, sentence: string, terms: Term[]): QuestionCandidate | undefined {
  const verb = HOW_MUCH.exec(sentence);
  if (!verb) return undefined;
  const amount = AMOUNT.exec(sentence.slice(verb.index + verb[0].length));
  const money = /^(?:cost|sell|sold|retail)|valued|priced/.test(verb[1]!);
  if (!amount || (money ? !/[$£€]|dollars|euros/i.test(amount[1]!) : !/\d\s*\p{L}/u.test(amount[1]!)))
    return undefined;
  const before = terms.filter((t) => t.offset.start < verb.index);
  const first = before[0];
  const subject = sentence.slice(0, verb.index).trim();
  if (!first || before.length > MAX_SUBJECT_WORDS || /[,;:()"“”]/.test(subject)) return undefined;
  // "costs" may be tagged a noun; every other word must belong to a noun phrase.
  if (!before.every((t) => t.tags.some((x) => NOUN_PHRASE.has(x)) && !t.tags.includes("Pronoun")))
    return undefined;
  if (!before.some((t) => t.tags.includes("Noun")) || PRONOUN.test(subject)) return undefined;
  if (/^(?:this|that|these|those|such|its|his|her|their|our|my|your)\b/i.test(subject)) return undefined;
  const plural = before.at(-1)!.tags.includes("Plural");
  const subj = subjectInQuestion(subject, first, article);
  return {
    question: tidy(`How much ${howMuchHead(verb[1]!, subj, plural)}?`),
    kind: "how-much",
    at: 0,
    expect: amount[1]!.replace(/^[$£€]\s?/, "").replace(/[.,]+$/, ""),
  };
}

/** "Hermitian matrices are named after Charles Hermite" → "Who are Hermitian matrices named after?" */
function namedAfterQuestion(
  article: string,
  sentence: string,
  terms: Term[],
  verb: VerbJson,
): QuestionCandidate | undefined {
  if (verb.verb.infinitive !== "name" || verb.verb.negative) return undefined;
  const aux = verb.verb.auxiliary.toLowerCase();
  if (!/^(?:is|are|was|were)$/.test(aux)) return undefined;
  const after = /^\s*(after|for)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)/u.exec(
    sentence.slice(verbEnd(verb)),
  );
  if (!after) return undefined;
  const subject = subjectOf(sentence, terms, verb);
  if (!subject) return undefined;
  const subj = subjectInQuestion(subject.text, subject.first, article);
  return {
    question: tidy(`Who ${aux} ${subj} named ${after[1]}?`),
    kind: "who-did",
    at: 0,
    expect: after[2]!.split(/\s+/).at(-1)!,
  };
}

/** Participles of things made public or begun on a date: "a new report released on Monday". */
const DATED =
  /\b(?:a|an|the)\s+((?:[\p{Ll}-]+\s+){0,2}?)([\p{Ll}-]+)\s+(released|published|launched|founded|unveiled|introduced|issued|filed|signed|approved|passed|opened|completed|announced|posted|built)\s+(?:on|in)\s+/u;

/**
 * "When was the report released?" from a noun with a dated participle after it, "a new report
 * released on Monday by …": the participle's date is what the question asks for.
 */
function datedThingQuestion(sentence: string, terms: Term[], dates: Term[][]): QuestionCandidate | undefined {
  const m = DATED.exec(sentence);
  if (!m) return undefined;
  const from = m.index + m[0].length;
  const date = dates.find((d) => d[0]!.offset.start === from || d[0]!.offset.start === from - 3);
  if (!date) return undefined;
  const dateText = sentence.slice(
    date[0]!.offset.start,
    date.at(-1)!.offset.start + date.at(-1)!.offset.length,
  );
  if (!/\d/.test(dateText) && !MONTH_OR_DAY.test(dateText)) return undefined;
  const nounAt = m.index + m[0].indexOf(` ${m[2]!} `) + 1;
  const noun = terms.find((t) => t.offset.start === nounAt);
  if (!noun?.tags.includes("Noun") || noun.tags.includes("Pronoun")) return undefined;
  const words = m[1]!
    .trim()
    .split(/\s+/)
    .filter((w) => w && w !== "new");
  const thing = [...words, m[2]!].join(" ");
  const be = noun.tags.includes("Plural") ? "were" : "was";
  return {
    question: `When ${be} the ${thing} ${m[3]!}?`,
    kind: "when",
    at: 0,
    expect: dateText.replace(/[.,;:]+$/, "").replace(/^(?:on|in|at)\s+/i, ""),
  };
}

/** Pronouns that would leave a question without its referent ("Who carried her bag?"). */
const DANGLING = /\b(?:he|she|his|her|hers|him|they|them|their|it|its|this|that|these|those)\b/i;

/**
 * "Who …?" from a sentence whose subject is a person the article names: "Osvald Brekke is
 * acting as a go-between …" → "Who is acting as a go-between …?" (the verb as written).
 */
function whoDidQuestion(
  sentence: string,
  terms: Term[],
  verb: VerbJson,
  people: readonly string[],
  isPerson: (name: string) => boolean,
): QuestionCandidate | undefined {
  if (verb.verb.negative || REPORTING.test(verb.verb.infinitive)) return undefined;
  const subject = sentence.slice(0, verb.offset.start).trim();
  if (/[,;:()"“”]/.test(subject) || wordCount(subject) > 6) return undefined;
  const person = people.find((p) => subject.endsWith(p) || subject.endsWith(p.split(" ").at(-1)!));
  if (!person) return undefined;
  // A name not known for a person ("Mozilla", "Whole Foods") is a "who" only as the doer of a
  // deed, named alone: "Who is a free-software community?" asks for a person.
  if (!isPerson(person)) {
    if (
      (subject !== person && subject !== person.split(" ").at(-1)) ||
      verb.verb.grammar.copula ||
      /\bbe(?:en)?\b|^(?:is|are|was|were|has|have|had)$/i.test(verb.text)
    )
      return undefined;
  }
  const end = verbEnd(verb);
  const rest = clauseRest(sentence, end, terms);
  if (
    rest === undefined ||
    wordCount(rest) < 2 ||
    wordCount(rest) > MAX_REST_WORDS + 3 ||
    DANGLING.test(rest)
  )
    return undefined;
  // "Who was just seven years old?": an age or a count said with "to be" singles no one out.
  if (verb.verb.grammar.copula && (/\d/.test(rest) || COUNT_WORD.test(rest))) return undefined;
  const verbText = sentence.slice(verb.offset.start, end);
  return {
    question: tidy(`Who ${verbText} ${rest}?`),
    kind: "who-did",
    at: 0,
    expect: person.split(" ").at(-1)!,
  };
}

/** A short opening phrase before a comma ("On Monday, ", "Every year, ", "In his September 2013 address, "). */
const OPENER = /^((?:[\p{L}\d'’-]+\s+){0,7}[\p{L}\d'’-]+),\s+(?=\S)/iu;
/** An age or a count between commas after a name: "Eloise Parry, 21, was taken …". */
const APPOSITIVE_AGE = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*),\s+\d{1,3},\s+/u;
/** Who said it, before what was said: "Officials said the department repaired …". */
const REPORTED =
  /^(?:[\p{L}'’.-]+\s+){1,5}?(?:said|says|announced|reported|estimated|added)(?:\s+that)?\s+(?=[\p{L}"“])/u;
const MONTHS =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** A date inside a phrase: "September 2013", "12 April", "March 3", "1998", "the late 1800s", "Monday". */
const DATE_IN = new RegExp(
  `\\b(?:(?:the\\s+)?(?:early|mid|late)[\\s-]+)?(?:${MONTHS}\\.?(?:\\s+\\d{1,2})?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTHS}(?:\\s+\\d{4})?|\\d{4}s?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b`,
  "i",
);

/** Whether a phrase before a comma is an opening of time, place or manner, not the subject. */
function isOpener(phrase: string): boolean {
  // A clause of its own ("Its report is due on 1 December, and …") is no opening phrase.
  if (/\b(?:is|are|was|were|has|have|had|will|would|said|says|did|does|do)\b/i.test(phrase)) return false;
  if (/\d/.test(phrase) || DATE_IN.test(phrase)) return true;
  if (
    /\b(?:years?|months?|weeks?|days?|decades?|century|ago|later|earlier|morning|night|evening|afternoon|time)\b/i.test(
      phrase,
    )
  )
    return true;
  const first = phrase.split(/\s+/)[0]!.toLowerCase();
  return (
    /ly$/.test(first) ||
    /^(?:in|on|at|by|during|since|after|before|last|this|every|each|earlier|later|today|yesterday|now|for|over|until|meanwhile|however|still|then|overall|instead|also|despite|among|under|with|without|following|according|as|when|while|once|if|although|though|because|from|to|of|across|throughout|within|thankfully|even|so|but|and|yet|indeed|moreover|furthermore|besides|nevertheless)$/.test(
      first,
    )
  );
}

/**
 * The sentence's main clauses to ask about: after a colon when a clause follows it, without
 * an opening phrase (its date kept), without who said it, and without an age after a name.
 */
function clausesOf(sentence: string): Array<{ clause: string; openerDate?: string }> {
  // A dateline is no part of the sentence: "Feb. 23, 2015 -- Life-threatening …".
  let clause = sentence.replace(/^[\p{L}.]+\s+\d{1,2},\s+\d{4}\s*(?:--|—|–)\s*/u, "");
  const colon = /:\s+(?=[\p{Lu}"“])/u.exec(clause);
  if (colon) clause = clause.slice(colon.index + colon[0].length);
  let openerDate: string | undefined;
  // A name before a comma is the subject with an apposition ("Eloise Parry, 21, was …").
  const opener = APPOSITIVE_AGE.test(clause) ? null : OPENER.exec(clause);
  if (opener && isOpener(opener[1]!)) {
    openerDate = DATE_IN.exec(opener[1]!)?.[0];
    clause = clause.slice(opener[0].length);
  }
  const reported = REPORTED.exec(clause);
  if (reported && !/[,;]/.test(reported[0])) clause = clause.slice(reported[0].length);
  clause = clause.charAt(0).toUpperCase() + clause.slice(1);
  clause = clause.replace(APPOSITIVE_AGE, "$1 ");
  // "Osvald Brekke, who was asked by both sides to sit in, is acting …": the clause goes.
  clause = clause.replace(/^(\p{Lu}[^,]{2,60}?),\s+(?:who|whose)\s[^,]{3,160},\s+(?=\p{Ll})/u, "$1 ");
  const clauses = [{ clause, ...(openerDate ? { openerDate } : {}) }];
  // A second main clause: "Its report is due on 1 December, and the council will vote …".
  const second = /(?:,\s+(?:and|but)|\s+(?:--|—|–))\s+(?=(?:the|a|an)\s)/i.exec(clause);
  if (second) {
    const rest = clause.slice(second.index + second[0].length);
    clauses.push({ clause: rest.charAt(0).toUpperCase() + rest.slice(1) });
  }
  return clauses;
}

/**
 * Whether a capitalised phrase compromise took for a person is one: written so in the article,
 * never after "the" ("the Retention Bill"), and either a known first name or someone who
 * speaks or is titled ("Brekke said", "Mr. Brekke").
 */
function isPersonName(name: string, firstName: boolean, text: string): boolean {
  if (!text.includes(name)) return false;
  if (new RegExp(`\\bthe\\s+${escapeRegExp(name)}`, "i").test(text)) return false;
  if (firstName) return true;
  const surname = escapeRegExp(name.split(" ").at(-1)!);
  return new RegExp(
    `\\b${surname}(?:['’]s)?,?\\s+(?:said|says|told|added|wrote|explained)\\b|\\b(?:said|says|told|according to)\\s+(?:\\p{Lu}\\p{L}+\\s+)?${surname}\\b|\\b(?:Mr|Mrs|Ms|Dr|Prof)\\.?\\s+${surname}\\b`,
    "u",
  ).test(text);
}

/** Capitalised runs of two to four words: the names a person could be ("Osvald Brekke"). */
const NAME_RUN = /\b\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)){1,3}\b/gu;
/** Titles a name may follow; any other capitalised word before it makes it part of a longer name. */
const TITLE =
  /^(?:Mr|Mrs|Ms|Dr|Prof|Professor|President|Senator|Sen|Rep|Representative|Judge|Justice|Gov|Governor|Minister|Chancellor|Secretary|General|Gen|Chief|CEO|King|Queen|Prince|Princess|Pope|Rev|Sir|Dame|Lord|Lady|Coach|Captain|Capt|Officer|Detective|Mayor|Councillor|Councilor|Dean|Director|Chairman|Chairwoman|Speaker|Leader|Skipper|Singer|Actor|Actress|Author|Writer|Founder|By|Said|Says|Told)\.?$/;

/**
 * A name compromise does not know is a person's when it is a first name and a surname, never
 * part of a longer name ("the Department of Environmental Protection"; "of Hori Parata's team"
 * is his) nor before a noun
 * ("Environmental Protection officials"), and the surname alone speaks ("says Parata").
 */
function unknownPerson(name: string, text: string): boolean {
  if (!/^\S+\s\S+$/.test(name)) return false;
  const esc = escapeRegExp(name);
  if (
    new RegExp(
      `\\b(?:of|for|the|at|from)\\s+${esc}\\b(?!['’]s)|\\b${esc}\\s+(?:officials|department|agency|office|workers|staff|spokesman|spokeswoman|board)\\b`,
      "u",
    ).test(text)
  )
    return false;
  const surname = escapeRegExp(name.split(" ")[1]!);
  return new RegExp(
    `(?<!\\p{Lu}\\p{L}*\\s)\\b${surname},?\\s+(?:said|says|told|added)\\b|\\b(?:said|says|told)\\s+${surname}\\b`,
    "u",
  ).test(text);
}

/**
 * Whether a name is a person's: compromise takes it for one where the article first names it,
 * or (a name it does not know, "Hori Parata") the article says who it is and has it speak.
 */
function isPerson(
  nlp: Nlp,
  candidate: { name: string; at: number; described: boolean },
  text: string,
  sentences: Span[],
): boolean {
  const span = sentences.find((s) => s.start <= candidate.at && candidate.at < s.end);
  if (!span) return false;
  const doc = nlp(text.slice(span.start, span.end));
  const clean = (t: Term) => t.text.replace(/['’]s$|[.,;:]+$/g, "");
  const person = (doc.people().json({ terms: { offset: false } }) as Array<{ terms: Term[] }>).find((p) =>
    p.terms.map(clean).join(" ").includes(candidate.name),
  );
  // Only a first name and a surname: a longer run of capitals is more often a title or a place.
  if (!person) return candidate.described && unknownPerson(candidate.name, text);
  const parts = person.terms.filter((t) => candidate.name.split(/\s+/).includes(clean(t)));
  return parts.length > 0 && isPersonName(candidate.name, parts[0]!.tags.includes("FirstName"), text);
}

/**
 * People named in full, most mentioned first: capitalised runs found by a pattern over the
 * whole text (cheap), then only the sentence that first names each one tagged by compromise.
 */
function peopleOf(
  nlp: Nlp,
  text: string,
  sentences: Span[],
  max: number,
): { people: Array<{ name: string; at: number; described: boolean }>; named: string[] } {
  const runs = new Map<string, { at: number; count: number; inside: boolean }>();
  for (const m of text.matchAll(NAME_RUN)) {
    let name = m[0].replace(/['’]s$/, "");
    let index = m.index;
    // "Senator Mark Warner" is Mark Warner, and a title before him is no longer name.
    const title = /^(\p{Lu}[\p{L}]*\.?)\s+/u.exec(name);
    if (title && TITLE.test(title[1]!)) {
      name = name.slice(title[0].length);
      index += title[0].length;
      if (!/\s/.test(name)) continue;
    }
    // "George H." of "George H.W. Bush": an initial does not end a name.
    if (/\s\p{Lu}\.$/u.test(name)) continue;
    const before = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(text.slice(Math.max(0, index - 20), index));
    const entry = runs.get(name) ?? { at: index, count: 0, inside: true };
    entry.count++;
    // Part of a longer name ("Super Mario Run") unless a title or a sentence's start comes before.
    if (!before || TITLE.test(before[1]!)) entry.inside = false;
    runs.set(name, entry);
  }
  const ranked = [...runs.entries()]
    .filter(
      ([name, r]) =>
        !r.inside &&
        !/^(?:The|A|An|In|On|At|For|But|And|This|That|When|While|After|Before|If|As|So|Then|Now|Yet|Or|Since|Although|Though|Because|With|Without|From|To|By|Of|Like|Unlike|Once|Until|Where|How|Why|What|Who)\s/.test(
          name,
        ),
    )
    .map(([name, r]) => {
      const surname = name.split(/\s+/).at(-1)!;
      const alone = text.match(new RegExp(`\\b${escapeRegExp(surname)}\\b`, "g"))?.length ?? 0;
      return { name, at: r.at, mentions: r.count + alone / 2 };
    })
    .sort((a, b) => b.mentions - a.mentions || a.at - b.at);
  // People the article says who they are first: only they are worth a "Who is …?".
  const described = new Set(
    ranked
      .slice(0, max * 6)
      .filter((r) => isDescribed(r.name, text, sentences))
      .map((r) => r.name),
  );
  const tried = [
    ...ranked.filter((r) => described.has(r.name)),
    ...ranked.filter((r) => !described.has(r.name)),
  ];
  const people: Array<{ name: string; at: number; described: boolean }> = [];
  for (const r of tried.slice(0, max * 3)) {
    const candidate = { name: r.name, at: r.at, described: described.has(r.name) };
    if (people.length >= max) break;
    if (isPerson(nlp, candidate, text, sentences)) people.push(candidate);
  }
  // Names the article comes back to (people or not: "Con Edison", "Whole Foods") may answer "who did it".
  const named = ranked.filter((r) => r.mentions >= 2).map((r) => r.name);
  return { people, named: [...new Set([...people.map((p) => p.name), ...named.slice(0, 6)])] };
}

/**
 * The questions on figures one clause answers: when, how many, how much, who something is
 * named after, and when a thing was released. (Who did it is asked apart: it needs the names.)
 */
function clauseQuestions(
  text: string,
  sentence: string,
  doc: ReturnType<Nlp>,
  terms: Term[],
  verb: VerbJson | undefined,
  openerDate: string | undefined,
): QuestionCandidate[] {
  // With or without a verb: a tagger may read "costs" as a noun ("The One X costs $500").
  const out = [howMuchQuestion(text, sentence, terms)];
  if (verb) {
    const dates = (
      doc.match("#Date+").json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>
    ).map((d) => d.terms);
    if (dates.length || openerDate) out.push(whenQuestion(text, sentence, terms, verb, dates, openerDate));
    out.push(howManyQuestion(text, sentence, terms, verb), namedAfterQuestion(text, sentence, terms, verb));
    if (dates.length) out.push(datedThingQuestion(sentence, terms, dates));
  }
  return out.filter((c): c is QuestionCandidate => c !== undefined);
}

/** The previous sentence's subject, when it is "the <noun>" and nothing else there could be "it". */
const THE_SUBJECT = /^(The\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?)\s+(?:is|was|has|had|will|costs?|weighs?)\s/u;

/**
 * "It's valued at $150,000." after "The dress is made of pearls." reads "The dress is valued
 * at $150,000.": "it" opening a sentence is the previous sentence's subject, when that subject
 * is "the <noun>" and no other "the", "a" or "this" phrase follows it there (after "The report
 * suggested the U.S. might …", "It ranked near the bottom" may be either: no question).
 */
export function resolveIt(clause: string, previous: string): string | undefined {
  const it = /^It(?:['’]s(\s+been)?|\s)/.exec(clause);
  const subject = it && THE_SUBJECT.exec(previous);
  if (!it || !subject) return undefined;
  const after = previous.slice(subject[1]!.length);
  if (/\b(?:the|a|an|this|that|these|those|its|it)\s/i.test(after)) return undefined;
  const verb = !/['’]s/.test(it[0]) ? " " : it[1] ? " has been" : " is";
  return `${subject[1]}${verb}${clause.slice(it[0].length).replace(/^(?=\S)/, " ")}`.replace(/\s+/g, " ");
}

/** Sentences tagged for "when" and "how many", at most: compromise takes a few ms a sentence. */
const MAX_TAGGED = 20;

/**
 * Candidate questions over `sentences` of `text` (spans the caller chose: no furniture), in
 * the order worth trying: who, then when and how many from the earliest sentences on.
 */
export async function englishQuestions(text: string, sentences: Span[]): Promise<QuestionCandidate[]> {
  const { nlp, toInfinitive } = await loadNlp();
  const out: QuestionCandidate[] = [];
  const seen = new Set<string>();
  const add = (c: QuestionCandidate | undefined) => {
    if (!c || seen.has(c.question.toLowerCase())) return;
    seen.add(c.question.toLowerCase());
    out.push(c);
  };
  const { people, named: doers } = peopleOf(nlp, text, sentences, 4);
  for (const p of people) if (p.described) add({ question: `Who is ${p.name}?`, kind: "who", at: p.at });
  const names = people.map((p) => p.name);
  for (const c of speakerQuestions(people, text)) add(c);
  // "Eloise Parry, 21, was taken …": how old someone is, as news gives an age.
  for (const m of text.matchAll(/(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*),\s+(\d{1,3}),\s+\p{Ll}/gu)) {
    const name = m[1]!;
    const known = names.find((n) => n === name || n.endsWith(` ${name}`));
    if (!known || Number(m[2]) < 2 || Number(m[2]) > 110) continue;
    add({ question: `How old is ${known}?`, kind: "how-old", at: m.index, expect: m[2]! });
  }
  const surnames = new RegExp(
    doers.length ? `\\b(?:${doers.map((n) => escapeRegExp(n.split(" ").at(-1)!)).join("|")})\\b` : "(?!)",
  );

  let tagged = 0;
  for (const [i, span] of sentences.entries()) {
    const previous = i > 0 ? text.slice(sentences[i - 1]!.start, sentences[i - 1]!.end) : "";
    for (const clause of clausesOf(text.slice(span.start, span.end))) {
      if (tagged >= MAX_TAGGED) break;
      const { openerDate } = clause;
      const sentence = resolveIt(clause.clause, previous) ?? clause.clause;
      // Only a clause with a number or a month can answer "when" or "how many", and only one
      // naming a person "who did it".
      const figures =
        /\d/.test(sentence) || MONTH_OR_DAY.test(sentence) || COUNT_WORD.test(sentence) || openerDate;
      const named = surnames.test(sentence) || /\bnamed (?:after|for)\b/.test(sentence);
      if ((!figures && !named) || wordCount(sentence) > 40) continue;
      // A clause opening on a pronoun or a quotation has no subject to ask about: not worth tagging.
      if (/^(?:it|he|she|they|we|i|you|this|that|these|those|there|[“"'‘])(?:\s|$)/i.test(sentence)) continue;
      tagged++;
      const doc = nlp(sentence);
      const terms = (doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>).flatMap(
        (s) => s.terms,
      );
      const verb = firstVerb(terms, toInfinitive);
      for (const c of clauseQuestions(text, sentence, doc, terms, verb, openerDate))
        add({ ...c, at: span.start });
      if (named) {
        const who = verb && whoDidQuestion(sentence, terms, verb, doers, (n) => names.includes(n));
        add(who && { ...who, at: span.start });
      }
    }
  }
  return out;
}

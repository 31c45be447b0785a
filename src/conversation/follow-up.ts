/**
 * Follow-up questions for an answerer without a model: "What did he say?", "And when was
 * that?", "Why?". A question that leans on the turn before (a pronoun, an opening "and", or
 * too few words of its own) borrows the previous question's focus and the previous answer's
 * names, and its search stays on the articles that answered before. A question that stands on
 * its own is left alone.
 *
 * The word lists are English and sit in one table, so a per-language table can replace it.
 */
import { isStopWord, words } from "../text/tokens.ts";
import { simplePast } from "../text/verb-forms.ts";
import { undotted } from "../text/undotted.ts";
import type { Turn } from "./types.ts";

interface FollowUpWords {
  /** Pronouns that stand for a person or a group of people. */
  person: ReadonlySet<string>;
  /** Those of them that stand for several ("they": every name the answer gave). */
  plural: ReadonlySet<string>;
  /** Possessive forms of those: "his" becomes "<name>'s". */
  possessive: ReadonlySet<string>;
  /** Pronouns that stand for the thing or event asked about before. */
  thing: ReadonlySet<string>;
  /** Openings that carry the conversation on: "and when?", "what about …?". */
  opener: RegExp;
  /** A question asking for a person (its answer's names are who "he" is). */
  asksWho: RegExp;
  /** A question asking about a person it names ("Who is Patrick McHugh?"): that person is who "he" is. */
  asksAbout: RegExp;
  /** A verb that makes a short question whole ("Who was there?"), unlike "To which group?". */
  auxiliary: RegExp;
  /** A question counting something ("how many people …"): what it counts. */
  counts: RegExp;
  /** A question in the past with "did": its verb is searched as the article writes it. */
  pastAuxiliary: RegExp;
  /** An irregular verb's simple past, which stemming does not join to the base ("say", "said"). */
  irregularPast: (verb: string) => string | undefined;
}

const EN: FollowUpWords = {
  person: new Set(["he", "him", "she", "they", "them", "himself", "herself", "themselves"]),
  plural: new Set(["they", "them", "themselves", "their", "theirs"]),
  possessive: new Set(["his", "her", "hers", "their", "theirs"]),
  thing: new Set(["it", "its", "that", "this", "those", "these", "there", "then"]),
  opener: /^\s*(?:and|but|so|also|then|ok|okay|what about|how about)\b[\s,:;]*/i,
  asksWho: /^\s*(?:who|whom|whose)\b/i,
  asksAbout: /^\s*(?:[Ww]ho|[Ww]hat|[Hh]ow old)\s+(?:is|was|are|were)\s+\p{Lu}/u,
  auxiliary:
    /\b(?:is|was|are|were|be|been|do|does|did|has|have|had|can|could|will|would|should|may|might|must)\b|['’](?:s|re|ve|ll|d)\b/i,
  counts: /^\s*how many ([\p{L}-]+)/iu,
  pastAuxiliary: /\bdid(?:n['’]t)?\b/i,
  irregularPast: simplePast,
};

export interface Resolved {
  /** The question to search with (the original when it is no follow-up). */
  question: string;
  followUp: boolean;
  /** Articles to search: the ones that answered the turn before. Empty means all. */
  articleIds: string[];
}

/** Words of their own, as written: not stop words, not pronouns. */
function contentWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter((raw) => {
    const w = words(raw)[0] ?? "";
    return !isStopWord(w) && !EN.thing.has(w) && !EN.person.has(w) && !EN.possessive.has(w);
  });
}

/**
 * Capitalised names in a text: names of two words or more first ("Bob Alverson" is more likely
 * a person than "MSC"), each group in the order they come (the answer's subject usually first).
 */
export function namesIn(text: string): string[] {
  const found = new Map<string, number>();
  // "U.S." is one name ("US"), not "U" ending a sentence.
  const clean = undotted(text.replace(/\[\d+\]/g, " "));
  // A capitalised word after a sentence's end is no name unless another capitalised word follows.
  for (const m of clean.matchAll(/(^|[.!?]\s+|\s|["“(])(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/gu)) {
    // "The US team": an article opening a sentence is no part of the name.
    const name = m[2]!.replace(/['’]s$/, "").replace(/^(?:The|A|An)\s+(?=\p{Lu})/u, "");
    const sentenceStart = m[1] === "" || /[.!?]/.test(m[1]!);
    const multi = /\s/.test(name);
    if (sentenceStart && !multi) continue;
    if (!multi && isStopWord(name.toLowerCase())) continue;
    if (!found.has(name)) found.set(name, found.size);
  }
  const names = [...found.keys()];
  const full = (n: string) => /\s/.test(n) && n !== n.toUpperCase();
  return [...names.filter(full), ...names.filter((n) => !full(n))];
}

/**
 * Who "he" or "they" is: the person the previous question asked about ("Who is Patrick
 * McHugh?"), else the names the answer gave to a "who" question, else the names the question
 * used, else the answer's. One name for "he", up to three for "they".
 */
function referents(previous: Turn): string[] {
  const about = EN.asksAbout.test(previous.resolved) ? namesIn(previous.resolved) : [];
  if (about.length) return about;
  // New names: not already said in the question ("Tyler Besecker" is new after "Dana F. Besecker").
  const asked = ` ${words(previous.resolved).join(" ")} `;
  const fresh = previous.entities.filter((e) => !asked.includes(` ${words(e).join(" ")} `));
  if (EN.asksWho.test(previous.question) && fresh.length) return fresh;
  const named = namesIn(previous.resolved);
  return named.length ? named : previous.entities;
}

/** Whether `question` leans on the turn before, and the question to search with if it does. */
export function resolveFollowUp(question: string, previous: Turn | undefined): Resolved {
  const plain: Resolved = { question, followUp: false, articleIds: [] };
  if (!previous || previous.abstained) return plain;
  const all = words(question);
  const own = contentWords(question);
  const opened = EN.opener.test(question);
  const person = all.some((w) => EN.person.has(w) || EN.possessive.has(w));
  const thing = all.some((w) => EN.thing.has(w));
  // "Why?", "When exactly?" have no words of their own; "Who was at the meeting?" does.
  // "To which group?" has one, but no verb and no name: it asks on about the same thing.
  const elliptic =
    own.length === 1 && all.length <= 3 && !/^\p{Lu}/u.test(own[0]!) && !EN.auxiliary.test(question);
  const leans = person || opened || own.length === 0 || elliptic || (thing && own.length <= 2);
  if (!leans) return plain;

  const focus = contentWords(previous.resolved).join(" ");
  // News names a person in full once, then by surname: "Osvald Brekke", then "Brekke said".
  const names = referents(previous).map((n) => n.split(/\s+/).at(-1)!);
  const who = names[0];
  // After "How many people were in the study?", "them" are those people, not names in the answer.
  const counted = EN.counts.exec(previous.resolved)?.[1];
  const them = counted ?? names.slice(0, 3).join(" and ");
  let used = false;
  let text = question.replace(EN.opener, "");
  // "What about X?" asks the previous question again, about X.
  if (/^\s*(?:what|how) about\b/i.test(question)) {
    text = `${previous.resolved.replace(/[?.!\s]+$/, "")} ${text}`;
    used = true;
  }
  const past = EN.pastAuxiliary.test(text);
  text = text.replace(/[\p{L}'’]+/gu, (w) => {
    const lower = w.toLowerCase();
    // "What did he say?": the article says "said".
    const said = past ? EN.irregularPast(lower) : undefined;
    if (said) return said;
    const name = EN.plural.has(lower) ? them : who;
    if (name && EN.person.has(lower)) return ((used = true), name);
    if (name && EN.possessive.has(lower)) return ((used = true), `${name}'s`);
    if (EN.thing.has(lower) && focus) return ((used = true), focus);
    return w;
  });
  // Nothing to substitute ("Why?", "And in 2019?"): the question takes the previous one's focus.
  if (!used) text = `${text.replace(/[?.!\s]+$/, "")} ${[focus, who].filter(Boolean).join(" ")}`;
  return {
    question: text.replace(/\s+/g, " ").trim(),
    followUp: true,
    articleIds: [...previous.articleIds],
  };
}

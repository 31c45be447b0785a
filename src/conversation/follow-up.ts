/**
 * Follow-up questions for an answerer without a model: "What did he say?", "And when was
 * that?", "Why?". A question that leans on the turn before (a pronoun, an opening "and", or
 * too few words of its own) borrows the previous question's focus and the previous answer's
 * names, and its search stays on the articles that answered before. A question that stands on
 * its own is left alone.
 *
 * The words it leans by are a table a language (follow-up-words.ts); the conversation's language
 * is read from the previous question with this one, as a follow-up is often too short to tell.
 */
import { isStopWord, stem, words } from "../text/tokens.ts";
import { identifyLanguage } from "../text/identify.ts";
import { undotted } from "../text/undotted.ts";
import { followUpWords, type FollowUpWords } from "./follow-up-words.ts";
import type { Turn } from "./types.ts";

export interface Resolved {
  /** The question to search with (the original when it is no follow-up). */
  question: string;
  followUp: boolean;
  /** Articles to search: the ones that answered the turn before. Empty means all. */
  articleIds: string[];
  /**
   * The previous question asked again of something new ("¿Y heridos?", "And the One S?",
   * "What about Oculus?"): the sentences quoted before may hold its answer too (a list), so
   * they are not set aside for it.
   */
  again?: boolean;
}

/** Words of their own, as written: not stop words, not pronouns. */
function contentWords(text: string, lang: string, t: FollowUpWords): string[] {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter((raw) => {
    const w = words(raw, lang)[0] ?? "";
    const lower = raw.toLowerCase();
    return (
      w !== "" &&
      !isStopWord(w, lang) &&
      ![t.thing, t.person, t.possessive].some((s) => s.has(lower) || s.has(w))
    );
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

/** A text's words without their possessive ending: "Parata's" says "Parata". */
function plainWords(text: string, lang: string): string[] {
  return words(text, lang).map((w) => w.replace(/['’]s$/, ""));
}

/** Whether `text` says `phrase`, word for word ("Hori Parata's son" says "Hori Parata"). */
function says(text: string, phrase: string, lang: string): boolean {
  return ` ${plainWords(text, lang).join(" ")} `.includes(` ${plainWords(phrase, lang).join(" ")} `);
}

/** Words either side of a name that tie it to what the question asked ("his son, <name>"). */
const BESIDE = 4;

/**
 * The answer's new names, those standing beside a word of the question first: after "What's
 * Hori Parata's son called?", the name after "son" in "his 22-year-old son, Te Kaurinui Robert
 * Parata" before a place named earlier in the answer.
 */
function besideAsked(fresh: string[], previous: Turn, lang: string, t: FollowUpWords): string[] {
  const asked = new Set(
    contentWords(previous.resolved, lang, t).flatMap((w) => plainWords(w, lang).map((x) => stem(x, lang))),
  );
  const tokens = plainWords(previous.answer, lang);
  const stems = tokens.map((w) => stem(w, lang));
  const beside = (name: string): boolean => {
    const ws = plainWords(name, lang);
    for (let i = 0; i + ws.length <= tokens.length; i++) {
      if (ws.some((w, j) => tokens[i + j] !== w)) continue;
      const around = [
        ...stems.slice(Math.max(0, i - BESIDE), i),
        ...stems.slice(i + ws.length, i + ws.length + BESIDE),
      ];
      if (around.some((s) => asked.has(s))) return true;
    }
    return false;
  };
  // "Te Kaurinui Robert Parata" before "Te Kaurinui Robert": the whole name first.
  const near = fresh.filter(beside).sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length);
  return [...near, ...fresh.filter((n) => !near.includes(n))];
}

/**
 * Who "he" or "they" is: the person the previous question asked about ("Who is Patrick
 * McHugh?"), else the names the answer gave to a "who" question, else the names the question
 * used, else the answer's. One name for "he", up to three for "they".
 */
function referents(previous: Turn, lang: string, t: FollowUpWords): string[] {
  const about = t.asksAbout.test(previous.resolved) ? namesIn(previous.resolved) : [];
  if (about.length) return about;
  // New names: not already said in the question ("Tyler Besecker" is new after "Dana F. Besecker").
  const fresh = previous.entities.filter((e) => !says(previous.resolved, e, lang));
  if (t.asksWho.test(previous.question) && fresh.length) return besideAsked(fresh, previous, lang, t);
  const named = namesIn(previous.resolved);
  return named.length ? named : previous.entities;
}

/**
 * How a referent is searched for. News names a person in full once, then by surname: "Osvald
 * Brekke", then "Brekke said". But a relative the question asked about shares its family name
 * ("Hori Parata's son" is "Te Kaurinui Robert Parata"): there the full name tells them apart.
 */
function calledBy(name: string, asked: string, lang: string): string {
  const surname = name.split(/\s+/).at(-1)!;
  return says(asked, surname, lang) && !says(asked, name, lang) ? name : surname;
}

/** Whether `question` leans on the turn before, and the question to search with if it does. */
export function resolveFollowUp(question: string, previous: Turn | undefined): Resolved {
  const plain: Resolved = { question, followUp: false, articleIds: [] };
  if (!previous) return plain;
  const lang = identifyLanguage(`${previous.resolved} ${question}`);
  const t = followUpWords(lang);
  const lower = (w: string) => w.toLowerCase();
  const all = (question.match(/[\p{L}'’]+/gu) ?? []).map(lower);
  const own = contentWords(question.replace(t.opener, ""), lang, t);
  const opened = t.opener.test(question);
  const person = all.some((w) => t.person.has(w) || t.possessive.has(w));
  const thing = all.some((w) => t.thing.has(w));
  // "Why?", "When exactly?" have no words of their own; "Who was at the meeting?" does.
  // "To which group?" has one, but no verb and no name: it asks on about the same thing.
  const elliptic =
    own.length === 1 && all.length <= 3 && !/^\p{Lu}/u.test(own[0]!) && !t.auxiliary.test(question);
  const leans = person || opened || own.length === 0 || elliptic || (thing && own.length <= 2);
  if (!leans) return plain;
  // After a declined "Who was there?", "What did she say?" has nobody to stand for.
  if (previous.abstained && person && namesIn(previous.resolved).length === 0) return plain;
  const { text, again } = rewritten(question, own, previous, lang, t);
  return {
    question: text.replace(/\s+/g, " ").trim(),
    followUp: true,
    ...(again ? { again } : {}),
    // A declined question still sets the topic ("How much is she donating?", then "To which
    // group?"), but no article answered it: the follow-up is searched in all of them.
    articleIds: previous.abstained ? [] : [...previous.articleIds],
  };
}

/** A follow-up with its pronouns put back to whom and what they stand for, or the previous focus added. */
function rewritten(
  question: string,
  own: string[],
  previous: Turn,
  lang: string,
  t: FollowUpWords,
): { text: string; again: boolean } {
  const focus = contentWords(previous.resolved, lang, t).join(" ");
  const names = referents(previous, lang, t).map((n) => calledBy(n, previous.resolved, lang));
  const who = names[0];
  // After "How many people were in the study?", "them" are those people, not names in the answer.
  const counted = t.counts.exec(previous.resolved)?.[1];
  const them = counted ?? names.slice(0, 3).join(" and ");
  let used = false;
  let text = question.replace(t.opener, "");
  // "¿Cuántos muertos hubo?" then "¿Y heridos?", "combien de socialistes …?" then "et chez les
  // écolos ?": one word of its own in place of what the previous question counted.
  if (counted && own.length === 1 && /^\p{Ll}/u.test(own[0]!) && own[0] !== counted) {
    const countedWord = new RegExp(`(?<![\\p{L}])${counted}(?![\\p{L}])`, "u");
    return { text: previous.resolved.replace(countedWord, own[0]!), again: true };
  }
  // "What about X?" asks the previous question again, about X.
  const about = t.whatAbout.test(question);
  if (about) {
    text = `${previous.resolved.replace(/[?？.!\s]+$/u, "")} ${text}`;
    used = true;
  }
  const past = t.pastAuxiliary?.test(text) ?? false;
  text = text.replace(/[\p{L}'’]+/gu, (w) => {
    const lower = w.toLowerCase();
    // "What did he say?": the article says "said".
    const said = past ? t.irregularPast?.(lower) : undefined;
    if (said) return said;
    const name = t.plural.has(lower) ? them : who;
    if (name && t.person.has(lower)) return ((used = true), name);
    if (name && t.possessive.has(lower)) return ((used = true), t.owner(name));
    if (t.thing.has(lower) && focus) return ((used = true), focus);
    return w;
  });
  // Nothing to substitute ("Why?", "And in 2019?"): the question takes the previous one's focus.
  const also = who && !focus.split(" ").includes(who) ? who : "";
  if (!used) text = `${text.replace(/[?？.!\s]+$/u, "")} ${[focus, also].filter(Boolean).join(" ")}`;
  // "And in 2019?", "And the One S?" have words, a name or a number of their own and no pronoun:
  // the same question of something new. "Why?" has none: its answer is elsewhere than the
  // sentence that answered before.
  const rest = question.replace(t.opener, "");
  const fresh = own.length > 0 || /(?<=\s)\p{Lu}|\p{N}/u.test(rest);
  return { text, again: about || (!used && fresh) };
}

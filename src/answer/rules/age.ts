/**
 * "How old is Hori Parata?" is answered by an age said of him now: "Parata, 75, has …", "the
 * 93-year-old", "aged 75", "is 75 years old"; not by "was just seven years old when …" (an age
 * at some other time) nor by a number that is no age. "How old was he when …?" asks for an age
 * at a moment, and "at age 39" answers it.
 */
import type { AnswerRule } from "./types.ts";
import { escapeRegExp } from "../../text/escape-regexp.ts";
import { focusEnds, focusName, speaksOf } from "./focus.ts";

/** An age at a moment: "at age 39", "was just seven years old when …", "aged 38 at the time". */
const AGE_THEN = /\bat\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,3}\b|\b\d{1,3}\s+years?\s+old\b/i;

/** "Parata, 75," right after the name. */
const AFTER_NAME = /^,\s*(\d{1,3})(?=[,;)]|\s+(?:has|is|was|said|says|and|who)\b)/;
/** Ages in any place: "the 93-year-old", "aged 75", "75 years old", "age 75". */
const AGE =
  /(?<!\b(?:his|her|their|its|a|an)\s+)\b\d{1,3}-year-old\b|\baged\s+\d{1,3}\b|\b\d{1,3}\s+years?\s+old\b(?!\s+(?:when|at the time|in|back))|(?<!\bat\s)\bage\s+(?:of\s+)?\d{1,3}\b/i;

/** "his 106-year-old halibut schooner": the age of something a person has. */
const OWNED_AGE = /\b(?:his|her|their|its)\s+\d{1,3}-year-old\b/i;
/** "Eloise Parry, 21, was taken …": a person's age after the name. */
const NAME_AGE = /\p{Lu}[\p{L}'’-]+,\s*\d{1,3}(?=[,;)]|\s+(?:has|is|was|said|says|and|who)\b)/u;
/** "his 22-year-old son, Te Kaurinui Robert Parata": a relative's age, then the relative's `name`. */
const relativeAge = (name: string) =>
  new RegExp(
    `\\b(?:his|her|their)\\s+\\d{1,3}-year-old\\s+\\p{Ll}[\\p{Ll}-]*,\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,4}${escapeRegExp(name)}(?![\\p{L}])`,
    "u",
  );
/** "Wade Bassi's boat": the focus is something a named person has. */
const OWNED = /^(.+?)['’]s?\s+\p{Ll}[\p{L} -]*$/u;

export const age: AnswerRule = {
  form: "age",
  holds(q, s) {
    const name = focusName(q);
    // An unnamed focus ("the student who died"): any age will do, a name's too.
    if (!name) return AGE.test(s.text) || NAME_AGE.test(s.text);
    // "How old is Wade Bassi's boat?": an age of something Bassi has, said where Bassi is.
    if (OWNED.test(q.focus)) return speaksOf(name, s) && (OWNED_AGE.test(s.text) || AGE.test(s.text));
    if (focusEnds(name, s.text).some((end) => AFTER_NAME.test(s.text.slice(end)))) return true;
    // The whole name asked: "his 22-year-old son, Te Kaurinui Robert Parata" is no age of Hori Parata.
    if (relativeAge(q.focus.trim()).test(s.text)) return true;
    // "How old was Peyton Manning when he played in Super Bowl 50?": an age at that moment too.
    return speaksOf(name, s) && (AGE.test(s.text) || (q.moment !== undefined && AGE_THEN.test(s.text)));
  },
};

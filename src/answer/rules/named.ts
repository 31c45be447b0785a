/**
 * "What's the name of the baby?", "What is the process called?": a name given to the thing
 * asked about, not any name. The sentence names its head noun ("baby", "process") and gives it
 * a name beside it (a capitalised word new to the question, or a phrase in quotes), or says
 * what it is called ("bears the name of …", "known as …").
 */
import type { AnswerRule } from "./types.ts";
import { escapeRegExp } from "../../text/escape-regexp.ts";

/** "called X", "named X", "known as X", "the name of X", "dubbed X". */
const CALLED =
  /\b(?:called|named|known as|dubbed|termed|nicknamed|(?:the )?name of|titled|entitled)\s+["“‘']?\p{L}/iu;
/** A capitalised word or a phrase in quotes. */
const NAME = /["“‘][^"”’]{2,60}["”’]|(?<![.!?]\s|^)\p{Lu}[\p{L}'’-]+/gu;

export const named: AnswerRule = {
  form: "name",
  holds(q, s) {
    const head = q.head;
    if (!head) return CALLED.test(s.text);
    const at = new RegExp(`(?<![\\p{L}])${escapeRegExp(head)}(?:s|es)?(?![\\p{L}])`, "iu").exec(s.text);
    if (!at) return false;
    if (CALLED.test(s.text)) return true;
    // A name within a few words of the head noun: "the baby, Liam,", "Nintendo's game Super Mario Run".
    const from = Math.max(0, at.index - 40);
    const window = s.text.slice(from, at.index + at[0].length + 40);
    return [...window.matchAll(NAME)].some(
      (m) => !m[0].split(/\s+/).every((w) => q.asked.has(w.replace(/^["“‘]|["”’]$/g, "").toLowerCase())),
    );
  },
};

/**
 * "What kind of game is Thumper?" is answered by a kind of game said of Thumper: "Thumper is,
 * well, a violent rhythm game". The sentence names the focus and the kind noun after "a" or
 * "an" with at most a few words between ("a violent rhythm game").
 */
import type { AnswerRule } from "./types.ts";
import { focusName, speaksOf } from "./focus.ts";
import { escapeRegExp } from "../../text/escape-regexp.ts";

export const kind: AnswerRule = {
  form: "kind",
  holds(q, s) {
    if (!q.head) return false;
    const a = new RegExp(`\\b(?:a|an)\\s+["“‘]?(?:[\\p{L}-]+\\s+){0,3}${escapeRegExp(q.head)}s?\\b`, "iu");
    if (!a.test(s.text)) return false;
    const name = focusName(q);
    return name === undefined || speaksOf(name, s);
  },
};

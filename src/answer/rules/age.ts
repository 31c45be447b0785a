/**
 * "How old is Hori Parata?" is answered by an age said of him now: "Parata, 75, has …", "the
 * 93-year-old", "aged 75", "is 75 years old"; not by "was just seven years old when …" (an age
 * at some other time) nor by a number that is no age.
 */
import type { AnswerRule } from "./types.ts";
import { focusEnds, focusName, speaksOf } from "./focus.ts";

/** "Parata, 75," right after the name. */
const AFTER_NAME = /^,\s*(\d{1,3})(?=[,;)]|\s+(?:has|is|was|said|says|and|who)\b)/;
/** Ages in any place: "the 93-year-old", "aged 75", "75 years old", "age 75". */
const AGE =
  /(?<!\b(?:his|her|their|its|a|an)\s+)\b\d{1,3}-year-old\b|\baged\s+\d{1,3}\b|\b\d{1,3}\s+years?\s+old\b(?!\s+(?:when|at the time|in|back))|(?<!\bat\s)\bage\s+(?:of\s+)?\d{1,3}\b/i;

export const age: AnswerRule = {
  form: "age",
  holds(q, s) {
    const name = focusName(q);
    // An unnamed focus ("the people in the experiment"): any age will do.
    if (!name) return AGE.test(s.text);
    if (focusEnds(name, s.text).some((end) => AFTER_NAME.test(s.text.slice(end)))) return true;
    return speaksOf(name, s) && AGE.test(s.text);
  },
};

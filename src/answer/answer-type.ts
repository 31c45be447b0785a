/**
 * What kind of thing a question asks for, read from its wh-word, and whether a sentence holds
 * one: a classic question-answering cue. A sentence that matches the question's words but
 * holds no name for a "who", no date for a "when", no number for a "how many" is less likely
 * to be the answer.
 */
import { words } from "../text/tokens.ts";

export type AnswerType = "person" | "time" | "number" | "place" | "other";

export function answerType(question: string): AnswerType {
  const q = question.trim().toLowerCase();
  if (/^(who|whom|whose)\b|\bwho (was|were|is|are)\b/.test(q)) return "person";
  if (
    /^when\b|\bwhat (year|date|day|month|century|decade|time|period)\b|\bin which (year|century|decade)\b/.test(
      q,
    )
  )
    return "time";
  if (
    /^how (many|much|long|old|far|large|big|tall|high|often)\b|\bwhat (percentage|percent|number|amount|proportion)\b/.test(
      q,
    )
  )
    return "number";
  if (
    /^where\b|\bin what (country|city|state|region|place)\b|\bwhat (country|city|state|region|place)\b/.test(
      q,
    )
  )
    return "place";
  return "other";
}

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const TIME_RE = new RegExp(
  `\\b(?:1[0-9]{3}|20[0-9]{2})s?\\b|\\b${MONTH}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? century\\b|\\bcentur(?:y|ies)\\b|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`,
  "i",
);
const NUMBER_RE =
  /\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/i;
// Two or more capitalised words in a row: a name, or a title-cased phrase.
const NAME_RE = /\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+)+/gu;
/** Head words of organisations, places and events: a capitalised phrase with one is no person. */
const NOT_PERSON = new Set(
  (
    "union states kingdom republic council party company university agency service ministry court department committee " +
    "organization organisation association bank corporation inc ltd group institute league army navy church street river sea " +
    "ocean mountains mountain island islands city county province state empire battle war day news times post press " +
    "january february march april may june july august september october november december monday tuesday wednesday " +
    "thursday friday saturday sunday school college museum airport station park square bridge hall house senate parliament " +
    "assembly federation fund foundation center centre network channel television radio media east west north south"
  ).split(" "),
);
const PLACE_RE = /\b(?:in|at|from|near|to) (?:the )?\p{Lu}[\p{L}'’-]+/u;

/**
 * Whether `sentence` holds something of the type. Names the question already uses, or the
 * article's title (its topic, "Lukashenko" in a piece about him), are not answers to "who".
 */
export function holdsAnswerType(type: AnswerType, sentence: string, question: string, title = ""): boolean {
  switch (type) {
    case "time":
      return TIME_RE.test(sentence);
    case "number":
      return NUMBER_RE.test(sentence);
    case "place":
      return PLACE_RE.test(sentence);
    case "person": {
      const known = new Set(words(`${question} ${title}`));
      for (const m of sentence.matchAll(NAME_RE)) {
        const ws = words(m[0]);
        if (!ws.some((w) => known.has(w) || NOT_PERSON.has(w))) return true;
      }
      return false;
    }
    default:
      return true;
  }
}

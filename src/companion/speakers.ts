/**
 * "What did X say?" for a person the article quotes: the question is a fixed phrase around
 * the person's name (never a sentence with a word swapped for "what"), and the answerer
 * answers it by quoting them. Asked only of people the article names in full and has speak
 * ("…," said Rae Zimmerman; Hicks told ABC News; Ammar Askar wrote …).
 */
import type { QuestionCandidate } from "./english-questions.ts";
import { escapeRegExp } from "../text/escape-regexp.ts";

/** Verbs of speech after or before the speaker's name. */
const SPEECH = "said|says|told|tells|added|adds|explained|explains|wrote|writes";

/**
 * How the article has the person speak: "say" when they say, tell or add anything; "write"
 * when they only write; the listener when they tell a named one ("Hicks told ABC News").
 */
function speechOf(name: string, text: string): { verb: "say" | "write"; listener?: string } | undefined {
  const who = `(?:${escapeRegExp(name)}|${escapeRegExp(name.split(/\s+/).at(-1)!)})`;
  // "Zimmerman said", "Zimmerman, a professor at …, said", "said Zimmerman", "says Dr. Allen".
  const after = new RegExp(`\\b${who}(?:,[^,.;“”"]{1,80},)?\\s+(${SPEECH})\\b`, "gu");
  // A title may come between: "said Senator Mark Warner", "says Dr. Allen".
  const before = new RegExp(`\\b(${SPEECH})\\s+(?:\\p{Lu}[\\p{L}]*\\.?\\s+)?${who}\\b(?!\\s+\\p{Lu})`, "gu");
  const verbs = [...text.matchAll(after), ...text.matchAll(before)].map((m) => m[1]!);
  if (verbs.length === 0) return undefined;
  const verb = verbs.every((v) => /^writ/.test(v)) ? "write" : "say";
  // Words with no full stop: "Hicks told ABC News. However, …" is told ABC News.
  const told = new RegExp(
    `\\b${who}\\s+told\\s+((?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]*)\\b`,
    "u",
  ).exec(text);
  return { verb, ...(told ? { listener: told[1]! } : {}) };
}

/** Whether `text` (an answer) has `name`, or their surname, speak: "…," said Rae Zimmerman. */
export function quotes(name: string, text: string): boolean {
  return speechOf(name, text) !== undefined;
}

/**
 * "What did X say?" (or "write?") for each of `people` (full names, with where the article
 * first names them) whom the article has speak; and "What did X tell <listener>?" when they
 * tell a named listener. The answer must have the speaker speak (`quotes`): a sentence that
 * only names or describes them does not answer what they said.
 */
export function speakerQuestions(
  people: ReadonlyArray<{ name: string; at: number }>,
  text: string,
): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  for (const { name, at } of people) {
    if (!/\s/.test(name)) continue;
    const speech = speechOf(name, text);
    if (!speech) continue;
    const speaker = name;
    out.push({ question: `What did ${name} ${speech.verb}?`, kind: "what-said", at, speaker });
    if (speech.listener)
      out.push({ question: `What did ${name} tell ${speech.listener}?`, kind: "what-said", at, speaker });
  }
  return out;
}

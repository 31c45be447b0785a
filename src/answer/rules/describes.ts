/**
 * "Who is Rae Zimmerman?" is answered by what the article says she is: an apposition ("said Rae
 * Zimmerman, a research professor … at New York University"; "Stephen Calderwood, MD, president
 * of …"), a copula ("Allen is the director of …"), a role written before the name ("Facebook
 * CEO Mark Zuckerberg", "Yahoo's chief executive, Marissa Mayer,"), or the next sentence going
 * on about her ("She's the director of …"). Another name in the sentence is no answer.
 * In French, German, Spanish, Portuguese, Italian, Dutch and Czech the same shapes are read
 * with that language's words (describe-words.ts, role-before-languages.ts).
 */
import type { Question } from "../question.ts";
import type { AnswerRule } from "./types.ts";
import { focusEnds, focusName, PRONOUN_OPENING } from "./focus.ts";
import { roleBefore } from "./role-before.ts";
import { describePatterns, INTENSIFIERS, type DescribePatterns } from "./describe-words.ts";
import { roleBeforeIn } from "./role-before-languages.ts";
import { escapeRegExp } from "../../text/escape-regexp.ts";

/** Letters after a name that are no description: degrees and suffixes ("MD", "Ph.D.", "Jr."). */
const POSTNOMINALS = "(?:,\\s*(?:M\\.?D|Ph\\.?D|Jr|Sr|RN|DO|MPH|MBA|DDS|Esq|OBE|CBE|MBE|QC|KC|III|II)\\.?)*";
/**
 * ", a research professor", ", president of", ", who runs": a description after the name; or,
 * past its degrees, the next words going on about the person ("Katie Allen, MD, PhD. She's the
 * director of …", which the sentence splitter keeps as one sentence after "PhD.").
 */
const APPOSITION = new RegExp(
  `^${POSTNOMINALS}(?:\\.?\\s+(?:[Hh]e|[Ss]he|[Tt]hey)(?:['’]s|\\s+is|\\s+was)\\s+(?:a|an|the)\\b|,\\s*(?!(?:said|says|say|added|adds|told|tells|wrote|writes|according|and|but|or|then|however|too|who said|who says)\\b)(?:a|an|the|who|whose|one|[\\p{Ll}][\\p{L}'’-]+)\\b)`,
  "u",
);
/** " is the director of", " was a founder", " serves as …". */
const COPULA =
  /^\s+(?:is|was|has been|had been|became|becomes|serves as|served as|works as|worked as)\s+(?:a|an|the|one of|now|also|currently|[\p{Ll}]+ of)\b/u;
/** "She's the director of …", "He is a …". */
const PRONOUN_DESCRIBED =
  /^(?:he|she|they)(?:['’]s|['’]re|\s+is|\s+was|\s+are|\s+were|\s+has been|\s+serves as)\s+(?:a|an|the|one of|now|also|currently)\b/i;

/**
 * Where the focus's name starts and ends in `text`: the name as asked, or its last word with
 * the capitalised word before it (the first name a question about "Zuckerberg" leaves out).
 */
function nameSpans(q: Question, name: string, text: string): Array<[number, number]> {
  const asked = q.focus.includes(" ")
    ? escapeRegExp(q.focus)
    : `(?:\\p{Lu}[\\p{L}'’-]*\\s+)?${escapeRegExp(name)}`;
  const re = new RegExp(`(?<![\\p{L}])${asked}(?![\\p{L}])`, "gu");
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * In a language of describe-words.ts: an apposition after the name, a copula followed by a
 * role (an article, or a lower-case word that is no participle: "es politólogo", not "fue
 * capturado"), or a role before the name.
 */
function describedIn(q: Question, name: string, text: string, p: DescribePatterns): boolean {
  for (const end of focusEnds(name, text)) {
    const after = text.slice(end);
    if (p.apposition.test(after) && !afterPreposition(text, end - name.length, p)) return true;
    const next = p.copula.exec(after)?.[1]?.toLowerCase();
    if (next && isRoleAfterCopula(next, p)) return true;
  }
  return nameSpans(q, name, text).some(([at, end]) => roleBeforeIn(text, at, end, q.lang));
}

/** Whether the word before `at` (a name's start) is a preposition: "Selon Dupont, le vote …". */
function afterPreposition(text: string, at: number, p: DescribePatterns): boolean {
  const word = /([\p{L}]+)\s+(?:\p{Lu}[\p{L}'’-]*\s+)*$/u.exec(text.slice(Math.max(0, at - 80), at))?.[1];
  return word !== undefined && p.words.prepositions.includes(word.toLowerCase());
}

/** The word after a copula opens a role: an article, or a noun (no participle, adverb or preposition). */
function isRoleAfterCopula(word: string, p: DescribePatterns): boolean {
  if (p.words.articles.includes(word)) return true;
  if (!/^\p{Ll}/u.test(word) || INTENSIFIERS.has(word) || p.words.notDescription.includes(word)) return false;
  return !p.words.participle?.test(word);
}

export const describes: AnswerRule = {
  form: "description",
  holds(q, s) {
    const name = focusName(q);
    if (!name) return false;
    const other = q.lang === "en" ? undefined : describePatterns(q.lang);
    if (other) return describedIn(q, name, s.text, other);
    for (const end of focusEnds(name, s.text)) {
      const after = s.text.slice(end);
      if (APPOSITION.test(after) || COPULA.test(after)) return true;
    }
    if (nameSpans(q, name, s.text).some(([at, end]) => roleBefore(s.text, at, end))) return true;
    return (
      PRONOUN_OPENING.test(s.text.trim()) &&
      PRONOUN_DESCRIBED.test(s.text.trim()) &&
      s.before !== undefined &&
      focusEnds(name, s.before).length > 0
    );
  },
};

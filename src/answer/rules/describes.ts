/**
 * "Who is Rae Zimmerman?" is answered by what the article says she is: an apposition ("said Rae
 * Zimmerman, a research professor … at New York University"; "Stephen Calderwood, MD, president
 * of …"), a copula ("Allen is the director of …"), or the next sentence going on about her
 * ("She's the director of …"). Another name in the sentence is no answer.
 */
import type { AnswerRule } from "./types.ts";
import { focusEnds, focusName, PRONOUN_OPENING } from "./focus.ts";

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

export const describes: AnswerRule = {
  form: "description",
  holds(q, s) {
    const name = focusName(q);
    if (!name) return false;
    for (const end of focusEnds(name, s.text)) {
      const after = s.text.slice(end);
      if (APPOSITION.test(after) || COPULA.test(after)) return true;
    }
    return (
      PRONOUN_OPENING.test(s.text.trim()) &&
      PRONOUN_DESCRIBED.test(s.text.trim()) &&
      s.before !== undefined &&
      focusEnds(name, s.before).length > 0
    );
  },
};

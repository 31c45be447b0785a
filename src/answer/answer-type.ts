/**
 * What kind of thing a question asks for, read from its wh-word (and, for "which X" / "what
 * X", its head noun), and whether a sentence holds one that the question does not already
 * name: a classic question-answering cue. A sentence that matches the question's words but
 * holds no new name for a "who", no date for a "when", no number for a "how many" does not
 * answer it. English only, in one place, so that a per-language table can replace it.
 */
import { words } from "../text/tokens.ts";

export type AnswerType = "person" | "time" | "number" | "place" | "name" | "other";

/** Head nouns of "which X" / "what X" questions, by the type they ask for. */
const HEAD_NOUNS: Record<Exclude<AnswerType, "other" | "name" | "place">, string[]> = {
  person: (
    "person people man woman senator president minister leader official officer executive ceo chief " +
    "spokesman spokeswoman spokesperson director chairman chair founder author writer player actor singer " +
    "judge lawyer king queen prince politician candidate member expert scientist economist analyst reporter"
  ).split(" "),
  time: "year years date day month century decade time period season era".split(" "),
  number: "percentage percent number amount proportion share price cost size age".split(" "),
};
/** Places asked for by name ("which country ranked first?"): any named thing will do. */
const PLACE_HEADS = new Set(
  "country countries city cities state region place town village province continent island county nation".split(
    " ",
  ),
);

export function answerType(question: string): AnswerType {
  const q = question.trim().toLowerCase();
  if (/^(who|whom|whose)\b|\bwho (was|were|is|are)\b/.test(q)) return "person";
  if (/^when\b|\bin which (year|century|decade)\b|\bsince when\b/.test(q)) return "time";
  if (/^how (many|much|long|old|far|large|big|tall|high|often|fast|heavy|deep|wide)\b/.test(q))
    return "number";
  if (/^where\b/.test(q)) return "place";
  // "What is the breakup fee ...", "what was the price of ...": a quantity.
  if (
    /^(?:what|how much) (?:is|was|are|were|will be|would be) (?:the |a |an )?(?:[\w'’-]+ ){0,3}?(?:price|cost|fee|fees|rate|yield|limit|amount|number|size|age|population|salary|budget|total|percentage|share|value|worth|fine|payment)\b/.test(
      q,
    )
  )
    return "number";
  // "Which senator ...", "what year ...", "in what country ...", "what is the name of ...".
  const head =
    /^(?:(?:in|at|from|by|for|to|on|of) )?(?:which|what)(?: kind of| type of| sort of)? ([a-z]+)/.exec(
      q,
    )?.[1];
  if (head !== undefined) {
    for (const [type, nouns] of Object.entries(HEAD_NOUNS) as Array<[AnswerType, string[]]>)
      if (nouns.includes(head) || nouns.includes(head.replace(/s$/, ""))) return type;
    if (PLACE_HEADS.has(head)) return "name";
    if (/^(?:what|which) (?:is|was|are|were) the name\b|\bcalled\b|\bnamed\b/.test(q)) return "name";
    // "Which company ...", "what chemical ...": a named thing, unless the head is a verb ("what did").
    if (/^which /.test(q) || !AUXILIARIES.has(head))
      return /^which /.test(q) || NAMED_HEADS.has(head) ? "name" : "other";
  }
  if (/\bcalled\b|\bnamed\b/.test(q)) return "name";
  return "other";
}

const AUXILIARIES = new Set(
  "is was are were do does did has have had can could will would should may might must the a an".split(" "),
);
/** After "what": heads that ask for a proper name rather than a description. */
const NAMED_HEADS = new Set(
  "company firm organisation organization group party team chemical drug drug's brand product agency bank newspaper band ship boat tribe hospital university school".split(
    " ",
  ),
);

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const TIME_RE = new RegExp(
  `\\b(?:1[0-9]{3}|20[0-9]{2})s?\\b|\\b${MONTH}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? century\\b|\\bcentur(?:y|ies)\\b|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\\b|\\b(?:last|next|this) (?:year|month|week)\\b|\\b\\d+ (?:years?|months?|weeks?|days?) (?:ago|later|earlier)\\b`,
  "gi",
);
const NUMBER_RE =
  /\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half)\b/gi;
// Two or more capitalised words in a row: a name, or a title-cased phrase.
const NAME_RE = /\p{Lu}[\p{Ll}'’-]+(?: (?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+))+/gu;
/** Any capitalised word or acronym not at the start of the sentence: a named thing. */
const NAMED_RE = /(?<=[\s(“"‘'-])(?:\p{Lu}[\p{L}'’.-]*\p{L}|\p{Lu}{2,})/gu;
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
/** A year after a preposition or a month ("since 1924", "in March 2017"): a time, not a quantity. */
const YEAR_CONTEXT = new RegExp(
  `\\b(?:in|since|by|until|till|from|before|after|during|of|to|${MONTH}(?: \\d{1,2},?)?)\\s*$`,
  "i",
);
function isYear(sentence: string, index: number, match: string): boolean {
  return (
    /^(?:1[0-9]{3}|20[0-9]{2})$/.test(match) &&
    YEAR_CONTEXT.test(sentence.slice(Math.max(0, index - 30), index))
  );
}
/** "Who published ...", "who owns ...": a question about a deed, which an organisation can do. */
const DOER = /^\s*who (?!(?:is|was|are|were|has|had|does|did)\b)[a-z]+(?:ed|s)\b/i;
/** Head words of organisations, which can do what a "who" asks about. */
const ORG_HEADS = new Set(
  "university institute center centre council agency company corporation commission committee foundation bank court ministry department association organization organisation group service network".split(
    " ",
  ),
);
const DATE_WORDS = new Set(
  "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);
const PLACE_RE = /\b(?:in|at|from|near|to|into|across|outside|inside) (?:the )?\p{Lu}[\p{L}'’-]+/gu;

/**
 * Whether `sentence` holds something of the type that the question does not already hold. Names
 * the question already uses, or the article's title (its topic, "Lukashenko" in a piece about
 * him), are not answers to "who".
 */
export function holdsAnswerType(type: AnswerType, sentence: string, question: string, title = ""): boolean {
  const asked = new Set(words(question));
  const isNew = (m: string) => words(m).some((w) => !asked.has(w));
  switch (type) {
    case "time":
      return [...sentence.matchAll(TIME_RE)].some((m) => isNew(m[0]));
    case "number":
      return [...sentence.matchAll(NUMBER_RE)].some((m) => isNew(m[0]) && !isYear(sentence, m.index, m[0]));
    case "place":
      return [...sentence.matchAll(PLACE_RE)].some((m) => isNew(m[0].replace(/^\S+ (?:the )?/, "")));
    case "name":
      return [...sentence.matchAll(NAMED_RE)].some(
        (m) => isNew(m[0]) && !/^(?:I|I'm|I've|I'd|I'll)$/.test(m[0]),
      );
    case "person": {
      const topic = new Set(words(title));
      // Who said it is an answer only when the question asks who said it.
      const asksSpeaker = SPEECH.test(question);
      const asksDoer = DOER.test(question);
      for (const m of sentence.matchAll(NAME_RE)) {
        // The question's own words are a title before the name ("Opposition Leader Bill
        // Shorten"); the article's topic ("Lukashenko") is not an answer about it.
        const ws = words(m[0]).filter((w) => !asked.has(w));
        if (ws.length === 0 || ws.some((w) => topic.has(w))) continue;
        // An organisation can be who did something ("Who published the report?": a university's
        // centre), not who someone is or who was somewhere; a place, an event or a date never.
        const org = asksDoer && ws.some((w) => ORG_HEADS.has(w)) && !ws.some((w) => DATE_WORDS.has(w));
        if (ws.some((w) => NOT_PERSON.has(w)) && !org) continue;
        if (!asksSpeaker && isAttribution(sentence, m.index, m[0].length)) continue;
        return true;
      }
      return false;
    }
    case "other":
      return true;
  }
}

const SPEECH = /\b(?:said|says|say|wrote|writes|write|told|tells|tell|added|tweeted|posted|according)\b/i;
/**
 * "X, a member of ..., wrote on social media that ...", "X said the meeting had been rushed":
 * X reports what the sentence is about.
 */
const REPORTS_THAT =
  /^(?:,[^,]{1,100},)? (?:said|says|wrote|writes|told|tells|added|tweeted|posted)\b(?:(?: [\p{L}'’-]+){0,5} that\b| (?:the|a|an|it|he|she|they|this|there|its|his|her|their)\b)/u;

/**
 * Whether the name at `index` reports what the sentence says ("X wrote that the meeting ..."),
 * so that the sentence matches the question in what X said, not in what X did.
 */
function isAttribution(sentence: string, index: number, length: number): boolean {
  return REPORTS_THAT.test(sentence.slice(index + length));
}

/**
 * The question's own names (capitalised words past its first, acronyms, numbers), which the
 * passage answering it must hold: "Who is the Tunisian prime minister?" is not answered about
 * Zimbabwe.
 */
export function questionNames(question: string): string[] {
  const out = new Set<string>();
  const ws = question.trim().split(/\s+/);
  ws.forEach((raw, i) => {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/['’]s$/, "");
    if (w === "") return;
    if (/^\p{N}/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w)) || /^\p{Lu}{2,}$/u.test(w)) out.add(w);
  });
  return [...out];
}

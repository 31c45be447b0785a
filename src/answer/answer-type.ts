/**
 * What kind of thing a question asks for, read from its wh-word (and, for "which X" / "what
 * X", its head noun), and whether a sentence holds one that the question does not already
 * name: a classic question-answering cue. A sentence that matches the question's words but
 * holds no new name for a "who", no date for a "when", no number for a "how many" does not
 * answer it. In every language of the table (languages.ts): English has richer rules of its
 * own (head nouns, attributions), registered beside the generic reader that every other
 * language gets, which reads the table's cues and ICU's calendar and number words.
 */
import { isStopWord, stem, words } from "../text/tokens.ts";
import { questionCue } from "../text/questions.ts";
import { answerWords } from "../text/answer-words.ts";
import { hasCapitals, language, writtenWithoutSpaces, type AnswerType } from "../text/languages.ts";

/** What kind of thing a question asks for; defined with the language table's cues. */
export type { AnswerType };

/**
 * What a sentence's thing of the kind asked is checked by, read from the question once
 * (question.ts): the unit asked in ("how much does it cost": money; "how heavy": a weight),
 * whether "how many" counts things (so a measure is no count), the kind of place whose names
 * carry it ("which university"), and whether "who" asks who said or who did something.
 */
export interface KindCues {
  unit?: { test(text: string): boolean };
  count: boolean;
  bearing?: RegExp;
  asksSpeaker: boolean;
  asksDoer: boolean;
}

/** The question as `holdsAnswerType` reads it (a Question, question.ts). */
export interface AskedKind {
  text: string;
  lang: string;
  cues: KindCues;
}

/** How one language's questions and sentences are read. */
interface TypeReader {
  answerType(question: string, lang: string): AnswerType;
  cues(question: string): KindCues;
  holds(type: AnswerType, sentence: string, q: AskedKind, title: string): boolean;
  names(question: string, lang: string): string[];
}

const NO_CUES: KindCues = { count: false, asksSpeaker: false, asksDoer: false };

/** The cues `holdsAnswerType` checks a sentence's thing of the kind by, read from `question` once. */
export function kindCues(question: string, lang = "en"): KindCues {
  return readerOf(lang).cues(question);
}

/** What a question in `lang` (ISO 639-1; English by default) asks for. */
export function answerType(question: string, lang = "en"): AnswerType {
  return readerOf(lang).answerType(question, lang);
}

/**
 * Whether `sentence` holds something of the type that the question does not already hold. Names
 * the question already uses, or the article's title (its topic, "Lukashenko" in a piece about
 * him), are not answers to "who".
 */
export function holdsAnswerType(type: AnswerType, sentence: string, q: AskedKind, title = ""): boolean {
  if (type === "other") return true;
  return readerOf(q.lang).holds(type, sentence, q, title);
}

/**
 * The question's own names (people, places, organisations, numbers), which the passage
 * answering it must hold: "Who is the Tunisian prime minister?" is not answered about Zimbabwe.
 */
export function questionNames(question: string, lang = "en"): string[] {
  return readerOf(lang).names(question, lang);
}

function readerOf(lang: string): TypeReader {
  return READERS[lang] ?? GENERIC;
}

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

function englishAnswerType(question: string): AnswerType {
  // "What's the name of …?" reads as "what is the name of …?".
  const q = question
    .trim()
    .toLowerCase()
    .replace(/^(what|who|where|when|how|which)['’]s\b/, "$1 is");
  if (/^(who|whom|whose)\b|\bwho (was|were|is|are)\b/.test(q)) return "person";
  if (/^when\b|\bin which (year|century|decade)\b|\bsince when\b/.test(q)) return "time";
  if (
    /^how (many|much|long|old|far|large|big|small|tall|short|high|low|often|fast|slow|heavy|deep|wide|thick|hot|cold|cheap|expensive)\b/.test(
      q,
    )
  )
    return "number";
  if (/^where\b/.test(q)) return "place";
  // "What does the headset cost?", "what did the deal cost them?": a sum.
  if (WHAT_COST.test(q)) return "number";
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
/**
 * Kinds of place whose names carry the kind ("Newcastle University", "San Diego International
 * Airport", "the Roman Catholic Church"); a river, a company or a newspaper often does not ("the
 * Seine", "Mojang", "the Los Angeles Times").
 */
const NAME_BEARING = new Set(
  "university college school hospital museum theater theatre airport stadium station church cathedral bridge prison".split(
    " ",
  ),
);
/** Other kinds of named place, which a name "at" or "from" may carry instead ("Hihiaua Cultural Centre"). */
const PLACE_KINDS = "centre center institute academy club hotel hall park terminal court".split(" ");
/** The name-bearing kinds other than `head`, as a pattern ("hospitals?|museums?|…"), any case. */
const OTHER_KINDS = (head: string) =>
  [...NAME_BEARING, ...PLACE_KINDS]
    .filter((k) => k !== head)
    .map((k) => `[${k[0]}${k[0]!.toUpperCase()}]${k.slice(1)}s?\\b`)
    .join("|");
/**
 * For "which / what X" with X a name-bearing kind, a test for a name of that kind in a
 * sentence: capitalised words before X, "X of" a capitalised name, or a name "at" or "from"
 * that carries no other kind ("studied at Harvard", "flew from Heathrow"; not "from Royal
 * Shrewsbury hospital" for a university); undefined otherwise.
 */
function nameBearingHead(question: string): RegExp | undefined {
  const head = /^(?:(?:in|at|from|to|on|of|by|for) )?(?:which|what) ([a-z]+)/i
    .exec(question.trim())?.[1]
    ?.toLowerCase()
    .replace(/s$/, "");
  if (!head || !NAME_BEARING.has(head)) return undefined;
  let test = bearingTests.get(head);
  if (!test) bearingTests.set(head, (test = bearingTest(head)));
  return test;
}
const bearingTests = new Map<string, RegExp>();
function bearingTest(head: string): RegExp {
  const word = `[${head[0]}${head[0]!.toUpperCase()}]${head.slice(1)}s?`;
  const name = "\\p{Lu}[\\p{L}'’.-]*";
  const others = OTHER_KINDS(head);
  return new RegExp(
    `${name}\\s+${word}\\b|\\b${word}\\s+of\\s+(?:the\\s+)?\\p{Lu}|` +
      `\\b(?:at|from)\\s+(?:the\\s+)?(?!(?:${name}\\s+)*(?:${others}))(?:${name}\\s+)*${name}(?![\\p{L}'’.-])(?!\\s+(?:\\p{Lu}|${others}))`,
    "u",
  );
}

/** After "what": heads that ask for a proper name rather than a description. */
const NAMED_HEADS = new Set(
  "company firm organisation organization group party team chemical drug drug's brand product agency bank newspaper band ship boat tribe hospital university school".split(
    " ",
  ),
);

const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);
const WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" ");
const MONTH = `(?:${MONTHS.join("|")})`;
/** Months and weekdays, lower-cased: a capitalised phrase holding one is a date, not a name. */
const DATE_WORDS = new Set([...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()));
const TIME_RE = new RegExp(
  `\\b(?:1[0-9]{3}|20[0-9]{2})s?\\b|\\b(?:the|early|late|mid-?)\\s*['’]?[1-9]0s\\b|\\b${MONTH}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? century\\b|\\bcentur(?:y|ies)\\b|\\b(?:${WEEKDAYS.join("|")}|yesterday|today|tomorrow)\\b|\\b(?:last|next|this) (?:year|month|week)\\b|\\b\\d+ (?:years?|months?|weeks?|days?) (?:ago|later|earlier)\\b`,
  "gi",
);
// A figure, with its scale or a short unit written on ("£30m", "$4.2bn", "5k", "12GB", "2kg").
const NUMBER_RE =
  /\b\d[\d,.]*(?:bn|m|k|gb|mb|tb|kb|ghz|mhz|mph|kph|km|kg|mg|lbs?|mm|cm|ml|fps|hz)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half)\b/gi;
// Two or more capitalised words in a row: a name, or a title-cased phrase.
// A word may have capitals inside ("ZeniMax", "McHugh", "DeSantis").
const NAME_RE =
  /\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}[\p{Ll}'’-]+)*(?: (?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}[\p{Ll}'’-]+)*))+/gu;
/** Any capitalised word or acronym not at the start of the sentence: a named thing. */
const NAMED_RE = /(?<=[\s(“"‘'-])(?:\p{Lu}[\p{L}'’.-]*\p{L}|\p{Lu}{2,})/gu;
/** Head words of organisations, places and events: a capitalised phrase with one is no person. */
const NOT_PERSON = new Set(
  (
    "union states kingdom republic council party company university institution agency service ministry court department committee " +
    "organization organisation association bank corporation inc ltd group institute league army navy church street river sea " +
    "ocean mountains mountain island islands city county province state empire battle war day news times post press " +
    "school college museum airport station park square bridge hall house senate parliament " +
    "assembly federation fund foundation center centre network channel television radio media east west north south"
  )
    .split(" ")
    .concat([...DATE_WORDS]),
);
/** "a substantial one", "the one", "this one": "one" standing for a noun, not a number. */
const PRONOUN_ONE = /\b(?:a|an|the|this|each|every|any|no|another)\s+(?:[\p{L}-]+\s+)?$/iu;
function isPronounOne(sentence: string, index: number, match: string): boolean {
  return match.toLowerCase() === "one" && PRONOUN_ONE.test(sentence.slice(Math.max(0, index - 30), index));
}
/** A year after a preposition or a month ("since 1924", "in March 2017"): a time, not a quantity. */
const YEAR_CONTEXT = new RegExp(
  `\\b(?:in|since|by|until|till|from|before|after|during|of|to|${MONTH}(?: \\d{1,2},?)?)\\s*$`,
  "i",
);
/** "December 15", "15 December", "Dec. 15": a day of a month, which no quantity question asks for. */
const BEFORE_DAY = new RegExp(`\\b(?:${MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)\\s*$`);
const AFTER_DAY = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`);
function isDayOfMonth(sentence: string, index: number, match: string): boolean {
  if (!/^\d{1,2}$/.test(match) || Number(match) < 1 || Number(match) > 31) return false;
  return (
    BEFORE_DAY.test(sentence.slice(Math.max(0, index - 12), index)) ||
    AFTER_DAY.test(sentence.slice(index + match.length, index + match.length + 16))
  );
}
function isYear(sentence: string, index: number, match: string): boolean {
  return (
    /^(?:1[0-9]{3}|20[0-9]{2})$/.test(match) &&
    YEAR_CONTEXT.test(sentence.slice(Math.max(0, index - 30), index))
  );
}
/**
 * The unit a quantity question asks in, where its words say it: a sum of money for "how much
 * does it cost / did they pay / spend", a span of time or distance for "how long". A number in
 * another unit ("1,600 miles" for "How much does Con Edison spend …?") is not the kind asked.
 * Checked around the number (its currency sign before, its unit after).
 */
function askedUnit(question: string): { test(text: string): boolean } | undefined {
  const q = question.trim().toLowerCase();
  if (/^how long\b/.test(q) && !/^how long (?:is|was|are|were)\b.*\b(?:name|title|list|word)s?\b/.test(q))
    return SPAN_UNIT;
  if ((/^how much\b/.test(q) && MONEY_VERB.test(q)) || WHAT_COST.test(q)) return MONEY_UNIT;
  if (/^how heavy\b|^how much\b.*\b(?:weigh|weighs|weighed|weight)\b/.test(q)) return MASS_UNIT;
  if (/^(?:what|how high|how low)\b.*\brates?\b/.test(q)) return RATE_UNIT;
  return undefined;
}
/** A rate: a share ("15.1%", "12 per cent") or a number per something ("4.2 per 1,000"). */
const RATE_UNIT = /%|\bper\s?cent\b|\bpercentage\b|\bper\b|\b(?:in|out of) (?:every )?\d/i;
/** A weight after the number ("8.4 pounds", "2kg", "300-pound"). */
const MASS_UNIT =
  /\d\s*-?\s*(?:pounds?|lbs?|kilo(?:gram)?s?|kg|grams?|g|ounces?|oz|tons?|tonnes?|stones?)\b/i;
/** "What does X cost?": a sum of money, asked without "how much". */
const WHAT_COST = /^what (?:does|do|did|will|would|could)\b.*\bcost\b/;
/** ICU currency names that are everyday words too. */
const AMBIGUOUS_CURRENCY = new Set(["won", "real", "mark", "sol", "kip", "som", "rights", "gold", "lev"]);
const MONEY_VERB =
  /\b(?:cost|costs|costing|spend|spends|spent|spending|pay|pays|paid|paying|price|priced|charge|charges|charged|earn|earns|earned|raise|raised|sell|sold|buy|bought|fee|fees|fine|fined|salary|budget|invest|invested|worth|owe|owes|owed|bid|offer|offered|money|funding|funds|revenue|profit|profits|loss|losses|damages)\b/;
/**
 * Currency words, from ICU's English names of every currency ("US Dollar" -> dollar, "Czech
 * Koruna" -> koruna), less those that are common words too ("won", "real", "mark"), with the
 * subunits and the English names ICU does not use ("crowns").
 */
const CURRENCY_WORDS = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "currency" });
  const out = new Set(["cent", "pence", "penny", "crown", "buck"]);
  for (const code of Intl.supportedValuesOf("currency")) {
    const last = names.of(code)?.split(/\s+/).pop()?.toLowerCase();
    if (last && /^\p{L}+$/u.test(last) && !AMBIGUOUS_CURRENCY.has(last)) out.add(last);
  }
  return [...out];
})();
/** A currency sign or code next to a number ("$5", "5 €", "US$5"), or a currency word after it. */
const MONEY_WORDS = new RegExp(
  `[$£€¥₹₽]\\s*\\d|\\d\\s*[$£€¥₹₽]|\\b(?:US|USD|EUR|GBP|AU|A|C|NZ|HK)\\$|\\b(?:${CURRENCY_WORDS.join("|")})s?\\b`,
  "iu",
);
/** An ISO code beside the number ("USD 5", "5 EUR", "CHF 1.2m"), in capitals: "all" is not Albania's lek. */
const ISO_CODES = Intl.supportedValuesOf("currency").join("|");
const MONEY_CODE = new RegExp(
  `\\b(?:${ISO_CODES})\\s?\\d|\\d(?:\\s?(?:million|billion|trillion|bn|m|k))?\\s?(?:${ISO_CODES})\\b`,
  "u",
);
const MONEY_UNIT = { test: (text: string) => MONEY_WORDS.test(text) || MONEY_CODE.test(text) };
/** A span of time or a distance after the number. */
const SPAN_UNIT =
  /\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century|millennia|generations?|miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|yards?)\b|-(?:day|week|month|year|hour|minute|mile)\b/i;

/**
 * Units of measure, from ICU's units in English, long and short, singular and plural ("mile",
 * "miles", "mi"), with the currency words: a number in one of them is a measure or a sum, not
 * a count. Built on the first "how many" question (about 40 ms of ICU formatting), not at
 * start-up.
 */
let measureWords: ReadonlySet<string> | undefined;
function isMeasureWord(word: string): boolean {
  measureWords ??= buildMeasureWords();
  return measureWords.has(word);
}
function buildMeasureWords(): ReadonlySet<string> {
  const out = new Set<string>(CURRENCY_WORDS.flatMap((w) => [w, `${w}s`]));
  for (const locale of ["en-US", "en-GB"])
    for (const unit of Intl.supportedValuesOf("unit"))
      for (const unitDisplay of ["long", "short"] as const)
        for (const n of [1, 2])
          for (const part of new Intl.NumberFormat(locale, {
            style: "unit",
            unit,
            unitDisplay,
          }).formatToParts(n))
            for (const w of part.type === "unit" ? part.value.toLowerCase().split(/\s+/) : [])
              // Short forms that are words too ("in" for inches) or single letters say nothing.
              if (w.length > 1 && !isStopWord(w)) out.add(w);
  // A share counts what is asked ("How many Victorians are Catholic?" "26.7%", "38 per cent").
  out.delete("percent");
  out.delete("per");
  return out;
}
/** Number words that scale the number before them ("5 million miles"). */
const SCALE = /^(?:hundred|thousand|million|billion|trillion|m|bn|k)$/i;
/**
 * "How many people ...?" asks for a count: a number in a unit ("90,000 miles", "$16.99") is
 * not one. A question counting a unit itself ("How many miles ...?") is left alone.
 */
function asksCount(question: string): boolean {
  const counted = /^how many ([\p{L}-]+)/iu.exec(question.trim())?.[1]?.toLowerCase();
  return counted !== undefined && !isMeasureWord(counted) && !SPAN_UNIT.test(counted);
}
function isMeasure(sentence: string, index: number, match: string): boolean {
  if (/[$£€¥₹₽]\s*$/.test(sentence.slice(Math.max(0, index - 3), index))) return true;
  const after = sentence.slice(index + match.length, index + match.length + 30);
  const next = after.match(/^\s*(%|[\p{L}-]+)(?:\s+([\p{L}-]+))?/u);
  if (!next) return false;
  const first = next[1]!.toLowerCase();
  const unit = SCALE.test(first) ? next[2]?.toLowerCase() : first;
  return unit !== undefined && isMeasureWord(unit);
}

/** "Who published ...", "who owns ...": a question about a deed, which an organisation can do. */
const DOER =
  /^\s*who (?:(?!(?:is|was|are|were|has|have|had|does|do|did|will|would|can|could|should|may|might|must)\b)[a-z]+|(?:is|was|are|were) [a-z]+ing|(?:has|have|had) [a-z]+(?:ed|en))\b/i;
/** Head words of organisations, which can do what a "who" asks about. */
const ORG_HEADS = new Set(
  "university institute institution center centre council agency company corporation corp inc ltd llc commission committee foundation bank court ministry department association organization organisation group service network media studio studios".split(
    " ",
  ),
);
const PLACE_RE = /\b(?:in|at|from|near|to|into|across|outside|inside) (?:the )?\p{Lu}[\p{L}'’-]+/gu;

function englishCues(question: string): KindCues {
  const unit = askedUnit(question);
  const bearing = nameBearingHead(question);
  return {
    ...(unit ? { unit } : {}),
    count: asksCount(question),
    ...(bearing ? { bearing } : {}),
    asksSpeaker: SPEECH.test(question),
    // "Who's suing Oculus?" asks who is doing it, as "Who is suing …?" does.
    asksDoer: DOER.test(question.replace(/^(\s*who)['’]s\b/i, "$1 is")),
  };
}

function englishHolds(type: AnswerType, sentence: string, q: AskedKind, title: string): boolean {
  // Compared as stems: "House Republicans" is no answer to "Which House Republican …?".
  const asked = new Set(words(q.text).map((w) => stem(w, "en")));
  const fresh = (ws: string[]) => ws.filter((w) => !asked.has(stem(w, "en")));
  // "says Stephen Calderwood, president of the Infectious Diseases Society of America" answers
  // "Who's the head of the Infectious Diseases Society of America?": who reports it is
  // described in the question's words.
  const describedAsAsked = (sentence: string, end: number) => {
    // It runs to what they reported: "X, a member of the council, wrote that the meeting …".
    const apposition = /^,\s*([^.;:“”"]{1,120})/u.exec(sentence.slice(end))?.[1]?.split(REPORT_VERB)[0] ?? "";
    return words(apposition).some((w) => !isStopWord(w) && asked.has(stem(w, "en")));
  };
  const isNew = (m: string) => fresh(words(m)).length > 0;
  switch (type) {
    case "time":
      return [...sentence.matchAll(TIME_RE)].some((m) => isNew(m[0]));
    case "number": {
      const { unit, count } = q.cues;
      return [...sentence.matchAll(NUMBER_RE)].some(
        (m) =>
          isNew(m[0]) &&
          !isYear(sentence, m.index, m[0]) &&
          !isDayOfMonth(sentence, m.index, m[0]) &&
          !isPronounOne(sentence, m.index, m[0]) &&
          (!unit || unit.test(sentence.slice(Math.max(0, m.index - 12), m.index + m[0].length + 30))) &&
          !(count && isMeasure(sentence, m.index, m[0])),
      );
    }
    case "place":
      return [...sentence.matchAll(PLACE_RE)].some((m) => isNew(m[0].replace(/^\S+ (?:the )?/, "")));
    case "name": {
      // "Which university …?" is answered by a university's name ("Newcastle University",
      // "the University of Chicago", "Royal Shrewsbury hospital"), not by any name.
      const bearing = q.cues.bearing;
      if (bearing && !bearing.test(sentence)) return false;
      return [...sentence.matchAll(NAMED_RE)].some(
        (m) => isNew(m[0]) && !/^(?:I|I'm|I've|I'd|I'll)$/.test(m[0]),
      );
    }
    case "person": {
      const topic = new Set(words(title));
      // Who said it is an answer only when the question asks who said it.
      const { asksSpeaker, asksDoer } = q.cues;
      for (const m of sentence.matchAll(NAME_RE)) {
        // The question's own words are a title before the name ("Opposition Leader Bill
        // Shorten"); the article's topic ("Lukashenko") is not an answer about it.
        const ws = fresh(words(m[0]));
        if (ws.length === 0 || ws.some((w) => topic.has(w))) continue;
        // An organisation can be who did something ("Who published the report?": a university's
        // centre), not who someone is or who was somewhere; a place, an event or a date never.
        const org = asksDoer && ws.some((w) => ORG_HEADS.has(w)) && !ws.some((w) => DATE_WORDS.has(w));
        if (ws.some((w) => NOT_PERSON.has(w)) && !org) continue;
        const end = m.index + m[0].length;
        if (!asksSpeaker && isAttribution(sentence, m.index, m[0].length) && !describedAsAsked(sentence, end))
          continue;
        return true;
      }
      return false;
    }
    case "other":
      return true;
  }
}

const SPEECH =
  /\b(?:said|says|say|wrote|writes|write|told|tells|tell|added|tweeted|posted|according|quoted|quotes|quote)\b/i;
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
  return REPORTS_THAT.test(sentence.slice(index + length)) || REPORTED_BY.test(sentence.slice(0, index));
}

/** Where what somebody reports begins. */
const REPORT_VERB = /\b(?:said|says|wrote|writes|told|tells|added|tweeted|posted|that)\b/i;

/** "… broke a lot of crockery,” said Martin Indyk": the name after the verb reports it too. */
const REPORTED_BY =
  /[,”"’]\s*(?:said|says|wrote|writes|told|tells|added|tweeted|posted)\s+$|\baccording to\s+$/iu;

/** Capitalised words past the question's first, acronyms, numbers. */
function capitalisedNames(question: string): string[] {
  const out = new Set<string>();
  const ws = question.trim().split(/\s+/);
  ws.forEach((raw, i) => {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/['’]s$/, "");
    if (w === "") return;
    if (/^\p{N}/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w)) || /^\p{Lu}{2,}$/u.test(w)) out.add(w);
  });
  return [...out];
}

const ENGLISH: TypeReader = {
  answerType: englishAnswerType,
  cues: englishCues,
  holds: englishHolds,
  names: capitalisedNames,
};

/**
 * Every other language: the table's question words, and what ICU knows of its calendar and
 * numbers. Words are compared as stems, so Russian "Москвы" meets "Москва".
 */
const GENERIC: TypeReader = {
  answerType: (question, lang) => questionCue(lang, question) ?? "other",
  cues: () => NO_CUES,
  holds: (type, sentence, q, title) => genericHolds(type, sentence, q.text, title, q.lang),
  names: genericNames,
};

/** Languages with rules of their own; the rest read the table. */
const READERS: Record<string, TypeReader> = { en: ENGLISH };

type Casing = "names" | "nouns" | "none";

/**
 * What a capital letter says in a language: a name (English, Russian, Greek...), a name or any
 * noun (German), or nothing, in scripts without capitals (Arabic, Devanagari, Thai, Han...).
 */
function casing(lang: string): Casing {
  const entry = language(lang);
  if (!entry || !hasCapitals(entry.script)) return entry ? "none" : "names";
  return entry.capitalisesNouns ? "nouns" : "names";
}

/** A run of two or more capitalised words: a person's name, or a title-cased phrase. */
const NAME_RUN = /\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+))+/gu;
/** A capitalised word or acronym not at the start of the sentence. */
const NAMED_WORD = /(?<=[\s(“"‘'«„-])(?:\p{Lu}[\p{L}'’.-]*\p{L}|\p{Lu}{2,})/gu;
/** A word in Latin letters inside a text in another script: nearly always a name ("Sky Digital"). */
const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}\p{N}'’.-]*/gu;
const YEAR = /^(?:1[0-9]{3}|20[0-9]{2})$/;
/**
 * A number as a word: digits, perhaps with separators and a short suffix ("5.3", "4:1", "3e",
 * "10km"), not a name that opens with a digit ("1Password", "3Com").
 */
const FIGURE = /^\d[\d.,:]*\p{L}{0,3}$/u;

function genericHolds(
  type: AnswerType,
  sentence: string,
  question: string,
  title: string,
  lang: string,
): boolean {
  const stemsOf = (text: string) => words(text, lang).map((w) => stem(w, lang));
  const asked = new Set(stemsOf(question));
  const isNew = (text: string) => stemsOf(text).some((s) => !asked.has(s));
  const tokens = words(sentence, lang);
  const stems = tokens.map((w) => stem(w, lang));
  const known = answerWords(lang);
  const content = (i: number) => !isStopWord(tokens[i]!, lang);
  const dated = (i: number) =>
    [i - 1, i + 1].some((j) => {
      const s = stems[j];
      return s !== undefined && (known.dateFields.has(s) || known.months.has(s));
    });
  const calendar = (s: string) => known.months.has(s) || known.weekdays.has(s);
  switch (type) {
    case "time":
      // A month or weekday, a year, or a number next to a date field ("1990年", "в 1990 году").
      return stems.some(
        (s, i) => !asked.has(s) && content(i) && (calendar(s) || YEAR.test(s) || (/^\d/.test(s) && dated(i))),
      );
    case "number": {
      // Where words are found by ICU's dictionary, a numeral and its measure word are one
      // word ("七个", seven of; "三年", three years): its first character is the number.
      const joined = writtenWithoutSpaces(language(lang)?.script ?? "latin");
      // Digits of any script (folded to ASCII) or a number word, but not a year of a date.
      return stems.some(
        (s, i) =>
          !asked.has(s) &&
          ((FIGURE.test(s) && !(YEAR.test(s) && dated(i))) ||
            (content(i) && (known.quantities.has(s) || (joined && known.quantities.has(s[0]!))))),
      );
    }
    case "place":
    case "name":
    case "person": {
      const c = casing(lang);
      if (c === "none") {
        // No capitals to tell a name by: any content word the question does not hold (nor, for
        // a person, the article's title) may be one. Lenient on purpose: a cue we cannot check
        // must not count against the answer. Latin-script words there are names, so they count too.
        const topic = type === "person" ? new Set(stemsOf(title)) : new Set<string>();
        return (
          stems.some((s, i) => content(i) && !asked.has(s) && !topic.has(s) && !/^\d/.test(s)) ||
          [...sentence.matchAll(LATIN_WORD)].some((m) => isNew(m[0]))
        );
      }
      if (type === "person") {
        // Two capitalised words in a row, new to the question, not the article's topic, not a date.
        const topic = new Set(stemsOf(title));
        return [...sentence.matchAll(NAME_RUN)].some((m) => {
          // "Der Präsident" at a German sentence's start is no name: its article does not count.
          const ws = words(m[0], lang).filter((w) => !isStopWord(w, lang));
          const ss = ws.map((w) => stem(w, lang)).filter((s) => !asked.has(s));
          return ws.length >= 2 && ss.length > 0 && !ss.some((s) => topic.has(s) || calendar(s));
        });
      }
      // A capitalised word past the sentence's start; in German any noun is one too, so there
      // this is as lenient as in a script without capitals.
      return [...sentence.matchAll(NAMED_WORD)].some((m) => isNew(m[0]) && !stemsOf(m[0]).some(calendar));
    }
    case "other":
      return true;
  }
}

/**
 * The question's names. Where capitals mark names, its capitalised words past the first; in
 * German, where every noun has one, only runs of two or more ("Nikola Tesla") and acronyms, so
 * that "Jahr" is no name a passage must hold; in scripts without capitals only what can be
 * told for sure: numbers and words in Latin letters.
 */
function genericNames(question: string, lang: string): string[] {
  switch (casing(lang)) {
    case "names":
      return capitalisedNames(question);
    case "nouns": {
      const out = new Set<string>();
      const ws = question
        .trim()
        .split(/\s+/)
        .map((raw) => raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
      let run: string[] = [];
      const close = () => {
        if (run.length >= 2) out.add(run.join(" "));
        run = [];
      };
      for (const w of ws) {
        if (/^\p{N}/u.test(w) || /^\p{Lu}{2,}$/u.test(w)) {
          close();
          out.add(w);
        } else if (/^\p{Lu}/u.test(w) && !isStopWord(words(w, lang)[0] ?? "", lang)) run.push(w);
        else close();
      }
      close();
      return [...out];
    }
    case "none": {
      const out = new Set<string>();
      for (const m of question.matchAll(/\p{Nd}+(?:[.,]\p{Nd}+)*/gu)) out.add(m[0]);
      for (const m of question.matchAll(LATIN_WORD)) out.add(m[0].replace(/[.'’-]+$/, ""));
      return [...out].filter((n) => n !== "");
    }
  }
}

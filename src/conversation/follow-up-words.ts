/**
 * The words a follow-up leans on the turn before with, one table a language: its pronouns for
 * a person, a group and a thing, the openings that carry a conversation on ("and …?", "et …
 * ?", "¿y …?"), and the question shapes follow-up.ts reads. A language without a table is read
 * with English's, whose shapes it will mostly not match: its follow-ups then stand as asked.
 * A new language is a new entry here, with a case in test/conversation/follow-up.test.ts.
 */
import { simplePast } from "../text/verb-forms.ts";

/** One language's follow-up words. */
export interface FollowUpWords {
  /** Pronouns that stand for a person or a group of people. */
  person: ReadonlySet<string>;
  /** Those of them that stand for several ("they": every name the answer gave). */
  plural: ReadonlySet<string>;
  /** Possessive forms of those: "his" becomes "<name>'s" (in English; the name alone elsewhere). */
  possessive: ReadonlySet<string>;
  /** Pronouns that stand for the thing or event asked about before. */
  thing: ReadonlySet<string>;
  /** Openings that carry the conversation on: "and when?", "what about …?" (longest first). */
  opener: RegExp;
  /** "What about X?": the previous question asked again, about X. */
  whatAbout: RegExp;
  /** A question asking for a person (its answer's names are who "he" is). */
  asksWho: RegExp;
  /** A question asking about a person it names ("Who is Patrick McHugh?"): that person is who "he" is. */
  asksAbout: RegExp;
  /** A verb that makes a short question whole ("Who was there?"), unlike "To which group?". */
  auxiliary: RegExp;
  /** A question counting something ("how many people …"): what it counts. */
  counts: RegExp;
  /** A question in the past with "did": its verb is searched as the article writes it. */
  pastAuxiliary?: RegExp;
  /** An irregular verb's simple past, which stemming does not join to the base ("say", "said"). */
  irregularPast?: (verb: string) => string | undefined;
  /** How a possessive reads with a name put in its place. */
  owner: (name: string) => string;
}

const set = (words: string) => new Set(words.split(" "));
/** The end of a word in any script (JavaScript's \b knows ASCII letters only). */
const END = "(?![\\p{L}\\p{N}])";

const EN: FollowUpWords = {
  person: set("he him she they them himself herself themselves"),
  plural: set("they them themselves their theirs"),
  possessive: set("his her hers their theirs"),
  thing: set("it its that this those these there then"),
  opener: /^\s*(?:and|but|so|also|then|ok|okay|what about|how about)\b[\s,:;]*/i,
  whatAbout: /^\s*(?:what|how) about\b/i,
  // "What's Hori Parata's son called?" asks for a name as "who" does: the answer's names are "he".
  asksWho:
    /^\s*(?:who|whom|whose)\b|\b(?:called|named)\s*\?*\s*$|^\s*what(?:['’]s| is| was) (?:the |\S+['’]s )?name\b/i,
  asksAbout: /^\s*(?:[Ww]ho|[Ww]hat|[Hh]ow old)\s+(?:is|was|are|were)\s+\p{Lu}/u,
  auxiliary:
    /\b(?:is|was|are|were|be|been|do|does|did|has|have|had|can|could|will|would|should|may|might|must)\b|['’](?:s|re|ve|ll|d)\b/i,
  counts: /^\s*how many ([\p{L}-]+)/iu,
  pastAuxiliary: /\bdid(?:n['’]t)?\b/i,
  irregularPast: simplePast,
  owner: (name) => `${name}'s`,
};

/** A language's table from its words, the shapes written as pattern sources. */
function table(t: {
  person: string;
  plural: string;
  possessive: string;
  thing: string;
  opener: string;
  whatAbout: string;
  asksWho: string;
  asksAbout: string;
  auxiliary: string;
  counts: string;
}): FollowUpWords {
  return {
    person: set(t.person),
    plural: set(t.plural),
    possessive: set(t.possessive),
    thing: set(t.thing),
    opener: new RegExp(`^\\s*[¿¡]?\\s*(?:${t.opener})${END}[\\s,:;]*`, "iu"),
    whatAbout: new RegExp(`^\\s*[¿¡]?\\s*(?:${t.whatAbout})${END}`, "iu"),
    asksWho: new RegExp(`^\\s*[¿¡]?\\s*(?:${t.asksWho})${END}`, "iu"),
    asksAbout: new RegExp(`^\\s*[¿¡]?\\s*(?:${t.asksAbout})\\s+\\p{Lu}`, "u"),
    auxiliary: new RegExp(`(?<![\\p{L}])(?:${t.auxiliary})${END}`, "iu"),
    counts: new RegExp(`^\\s*[¿¡]?\\s*(?:${t.counts})\\s+([\\p{L}-]+)`, "iu"),
    owner: (name) => name,
  };
}

/** The tables, by ISO 639-1 code. */
export const FOLLOW_UP_WORDS: Record<string, FollowUpWords> = {
  en: EN,
  fr: table({
    person: "il elle ils elles lui eux",
    plural: "ils elles eux leurs",
    possessive: "son sa ses leur leurs",
    thing: "ça cela ceci là",
    opener: "et pour|et chez|et du côté de|quid de|et|mais|donc|alors|aussi|ok|d'accord",
    whatAbout: "et pour|et chez|quid de|et du côté de",
    asksWho: "qui",
    asksAbout: "[Qq]ui (?:est|était|sont|étaient)",
    auxiliary: "est|était|sont|étaient|a|ont|avait|avaient|sera|seront|peut|peuvent|fait|font",
    counts: "combien de|combien d'",
  }),
  es: table({
    person: "él ella ellos ellas",
    plural: "ellos ellas",
    possessive: "su sus",
    thing: "eso esto ello allí allá ahí",
    opener: "y qué hay de|qué hay de|y en|y para|y|pero|entonces|también|vale|ok",
    whatAbout: "y qué hay de|qué hay de|y en|y para",
    asksWho: "quién|quien|quiénes|quienes",
    asksAbout: "[Qq]ui[eé]n(?:es)? (?:es|era|son|fue)",
    auxiliary: "es|era|son|eran|fue|fueron|está|están|estaba|ha|han|había|será|puede|pueden|tiene|tienen",
    counts: "cuántos|cuántas|cuantos|cuantas",
  }),
  pt: table({
    person: "ele ela eles elas",
    plural: "eles elas",
    possessive: "dele dela deles delas seu sua seus suas",
    thing: "isso isto aquilo lá ali",
    opener: "e quanto a|e sobre|e|mas|então|também|ok",
    whatAbout: "e quanto a|e sobre",
    asksWho: "quem",
    asksAbout: "[Qq]uem (?:é|era|são|foi)",
    auxiliary: "é|era|são|eram|foi|foram|está|estão|estava|tem|têm|tinha|vai|vão|pode|podem",
    counts: "quantos|quantas",
  }),
  de: table({
    person: "er sie ihn ihm ihnen",
    plural: "ihnen",
    possessive: "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer",
    thing: "es dies dieses dort damals",
    opener: "und was ist mit|was ist mit|und bei|und für|und|aber|also|auch|ok|okay",
    whatAbout: "und was ist mit|was ist mit|und bei|und für",
    asksWho: "wer|wen|wem",
    asksAbout: "[Ww]er (?:ist|war|sind|waren)",
    auxiliary: "ist|war|sind|waren|hat|haben|hatte|wird|werden|kann|können|gibt",
    counts: "wie viele|wieviele",
  }),
  it: table({
    person: "lui lei loro egli ella",
    plural: "loro",
    possessive: "suo sua suoi sue",
    thing: "ciò questo quello lì là",
    opener: "e per quanto riguarda|e invece|e per|e|ma|quindi|anche|ok",
    whatAbout: "e invece|e per|e per quanto riguarda",
    asksWho: "chi",
    asksAbout: "[Cc]hi (?:è|era|sono|fu)",
    auxiliary: "è|era|sono|erano|fu|ha|hanno|aveva|sarà|può|possono",
    counts: "quanti|quante",
  }),
};

/** The table for `lang`, or English's. */
export function followUpWords(lang: string): FollowUpWords {
  return FOLLOW_UP_WORDS[lang] ?? EN;
}

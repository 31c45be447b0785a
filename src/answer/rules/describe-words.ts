/**
 * The words "who is X" reads a description by, in the languages other than English whose
 * question question.ts reads (English keeps its own patterns in describes.ts and
 * role-before.ts). A description is found the same way in each: an apposition after the name
 * ("Abdullah Ocalan, el líder independentista kurdo,"), a copula ("Andrés Malamud es
 * politólogo"), or a role before the name after an article ("o presidente eleito Jair
 * Bolsonaro", "La ministre de la justice, Christiane Taubira,"); what differs is the words.
 */
import { escapeRegExp } from "../../text/escape-regexp.ts";

/** One language's words. */
export interface DescribeWords {
  /** Articles a role before a name opens with ("l'" is written with its apostrophe). */
  articles: readonly string[];
  /** Forms of "to be" after the name. */
  copulas: readonly string[];
  /**
   * Words after "<name>," that open no description: reporting verbs, conjunctions,
   * prepositions, adverbs ("Fabius, a déclaré", "Ocalan, en 1999,").
   */
  notDescription: readonly string[];
  /** Prepositions: a name after one is no subject an apposition describes ("Selon Dupont, le vote …"). */
  prepositions: readonly string[];
  /** Words that are no role before a name: prepositions, reporting verbs, conjunctions. */
  notRole: readonly string[];
  /** Past participles after a copula: a passive, no description ("Ocalan fue capturado"). */
  participle?: RegExp;
  /**
   * What a role's noun looks like (an agent's ending, or a common title): one of the words
   * before a name must ("l'écologiste", "o presidente", not "opposants au texte Aurélie
   * Filipetti"). Without it, any lower-case word will do.
   */
  roles?: RegExp;
}

const FR_PREPOSITIONS = [
  "à",
  "au",
  "aux",
  "de",
  "des",
  "du",
  "en",
  "dans",
  "par",
  "pour",
  "avec",
  "sans",
  "sur",
  "chez",
  "selon",
  "depuis",
  "après",
  "avant",
  "lors",
  "contre",
  "entre",
  "vers",
  "comme",
];
const ES_PREPOSITIONS = [
  "a",
  "al",
  "de",
  "del",
  "en",
  "con",
  "por",
  "para",
  "sin",
  "sobre",
  "desde",
  "tras",
  "según",
  "hacia",
  "entre",
  "contra",
  "como",
  "ante",
];
const PT_PREPOSITIONS = [
  "a",
  "ao",
  "à",
  "de",
  "do",
  "da",
  "dos",
  "das",
  "em",
  "no",
  "na",
  "com",
  "por",
  "pelo",
  "pela",
  "para",
  "sem",
  "sobre",
  "desde",
  "segundo",
  "entre",
  "contra",
  "como",
];
const IT_PREPOSITIONS = [
  "a",
  "al",
  "di",
  "del",
  "della",
  "da",
  "dal",
  "in",
  "nel",
  "nella",
  "con",
  "per",
  "su",
  "sul",
  "tra",
  "fra",
  "secondo",
  "come",
  "contro",
];
const DE_PREPOSITIONS = [
  "in",
  "im",
  "an",
  "am",
  "auf",
  "mit",
  "von",
  "vom",
  "für",
  "bei",
  "beim",
  "nach",
  "laut",
  "zu",
  "zum",
  "zur",
  "aus",
  "über",
  "unter",
  "gegen",
  "wie",
];
const NL_PREPOSITIONS = [
  "in",
  "op",
  "aan",
  "met",
  "van",
  "voor",
  "bij",
  "naar",
  "volgens",
  "uit",
  "over",
  "onder",
  "tegen",
  "als",
];
// Not "se": also the reflexive before a subject ("přidává se Emile Heskey").
const CS_PREPOSITIONS = [
  "v",
  "ve",
  "na",
  "s",
  "z",
  "ze",
  "od",
  "do",
  "pro",
  "podle",
  "po",
  "k",
  "ke",
  "o",
  "u",
  "za",
  "před",
  "při",
];

/** Roles in French, Spanish, Portuguese and Italian: agents' endings, and common titles. */
/**
 * Reporting verbs and conjunctions, after the prepositions: no role before a name, and no
 * description after "<name>," either (notDescription adds adverbs and auxiliaries to them).
 */
const ES_NOT_ROLE = [
  ...ES_PREPOSITIONS,
  "dijo",
  "afirmó",
  "aseguró",
  "explicó",
  "añadió",
  "declaró",
  "señaló",
  "y",
  "e",
  "o",
  "pero",
  "que",
];

const PT_NOT_ROLE = [
  ...PT_PREPOSITIONS,
  "disse",
  "afirmou",
  "declarou",
  "explicou",
  "acrescentou",
  "falou",
  "e",
  "ou",
  "mas",
  "que",
];

const ROMANCE_ROLES =
  /(?:ent|ente|ant|ante|iste|ista|eur|euse|rice|ier|ière|or|ora|ore|ero|era|eiro|eira|logo|loga|logue|ico|ica|ien|ienne|ano|ana|aire|ario|aria|ário|ária|ice)$|^(?:ministre|ministro|ministra|juge|juez|juiz|giudice|maire|alcalde|prefeito|sindaco|pape|papa|roi|rey|rei|re|reine|reina|rainha|regina|député|députée|diputado|diputada|deputado|deputada|deputato|chef|jefe|jefa|chefe|capo|patron|général|general|generale|colonel|coronel|premier|primer|prince|príncipe|principe|abbé|padre|père|avocat|avocate|abogado|abogada|advogado|advogada|avvocato|ex)$/;

/** The table, by ISO 639-1 code. */
export const DESCRIBE_WORDS: Readonly<Record<string, DescribeWords>> = {
  fr: {
    prepositions: FR_PREPOSITIONS,
    roles: ROMANCE_ROLES,
    articles: ["le", "la", "l'", "l’", "les", "un", "une", "du", "des", "au", "aux"],
    copulas: ["est", "était", "fut", "devient", "est devenu", "est devenue"],
    notDescription: [
      ...FR_PREPOSITIONS,
      "a",
      "ont",
      "avait",
      "dit",
      "déclare",
      "explique",
      "ajoute",
      "affirme",
      "estime",
      "souligne",
      "et",
      "mais",
      "ou",
      "puis",
      "donc",
      "aussi",
      "ainsi",
      "pourtant",
      "lui",
      "elle",
      "qui a",
      "il",
      "ne",
    ],
    notRole: [
      ...FR_PREPOSITIONS,
      "a",
      "dit",
      "déclare",
      "déclaré",
      "ajouté",
      "explique",
      "expliqué",
      "affirmé",
      "estimé",
      "souligné",
      "et",
      "ou",
      "mais",
      "que",
      "qui",
    ],
    participle: /(?:é|ée|és|ées)$/,
  },
  es: {
    prepositions: ES_PREPOSITIONS,
    roles: ROMANCE_ROLES,
    articles: ["el", "la", "los", "las", "un", "una", "al", "del"],
    copulas: ["es", "era", "fue", "será"],
    notDescription: [...ES_NOT_ROLE, "también", "sin embargo", "en cambio", "no", "ha", "había"],
    notRole: ES_NOT_ROLE,
    participle: /(?:ado|ada|ados|adas|ido|ida|idos|idas)$/,
  },
  pt: {
    prepositions: PT_PREPOSITIONS,
    roles: ROMANCE_ROLES,
    articles: ["o", "a", "os", "as", "um", "uma", "ao", "aos", "do", "da", "no", "na", "pelo", "pela"],
    copulas: ["é", "era", "foi", "será"],
    notDescription: [...PT_NOT_ROLE, "também", "porém", "não", "tem", "havia"],
    notRole: PT_NOT_ROLE,
    participle: /(?:ado|ada|ados|adas|ido|ida|idos|idas)$/,
  },
  it: {
    prepositions: IT_PREPOSITIONS,
    roles: ROMANCE_ROLES,
    articles: [
      "il",
      "lo",
      "la",
      "l'",
      "l’",
      "i",
      "gli",
      "le",
      "un",
      "uno",
      "una",
      "al",
      "del",
      "della",
      "dello",
    ],
    copulas: ["è", "era", "fu", "sarà"],
    notDescription: [
      ...IT_PREPOSITIONS,
      "ha",
      "ha detto",
      "dice",
      "spiega",
      "aggiunge",
      "e",
      "ma",
      "o",
      "che",
      "anche",
      "però",
      "non",
    ],
    notRole: [...IT_PREPOSITIONS, "detto", "dice", "spiega", "aggiunge", "e", "o", "ma", "che"],
    participle: /(?:ato|ata|ati|ate|ito|ita|iti|ite|uto|uta)$/,
  },
  de: {
    prepositions: DE_PREPOSITIONS,
    articles: ["der", "die", "des", "dem", "den", "ein", "eine", "eines", "einem", "einen"],
    copulas: ["ist", "war", "wird"],
    notDescription: [
      ...DE_PREPOSITIONS,
      "sagte",
      "sagt",
      "erklärte",
      "meint",
      "so",
      "und",
      "aber",
      "oder",
      "doch",
      "auch",
      "hat",
      "hatte",
      "der sagte",
      "die sagte",
      "nicht",
    ],
    notRole: [...DE_PREPOSITIONS, "sagte", "sagt", "erklärte", "meint", "so", "und", "oder", "aber"],
    participle: /^ge\p{L}+(?:t|en)$/u,
  },
  nl: {
    prepositions: NL_PREPOSITIONS,
    articles: ["de", "het", "een"],
    copulas: ["is", "was", "wordt"],
    notDescription: [
      ...NL_PREPOSITIONS,
      "zei",
      "zegt",
      "aldus",
      "en",
      "maar",
      "of",
      "ook",
      "niet",
      "heeft",
      "had",
    ],
    notRole: [...NL_PREPOSITIONS, "zei", "zegt", "aldus", "en", "of", "maar"],
    participle: /^ge\p{L}+(?:d|t|en)$/u,
  },
  cs: {
    prepositions: CS_PREPOSITIONS,
    // Czech has no articles: a role before the name is not read.
    articles: [],
    // No copula: "je" is also "them" ("Moyes je neskutečně oživil", Moyes revived them).
    copulas: [],
    notDescription: [
      ...CS_PREPOSITIONS,
      "řekl",
      "řekla",
      "uvedl",
      "uvedla",
      "dodal",
      "dodala",
      "píše",
      "a",
      "ale",
      "nebo",
      "však",
      "také",
      "ale",
      "který řekl",
      "která řekla",
      "ne",
    ],
    notRole: [],
  },
};

/** Adverbs after a copula that open no role ("est très actif", "es muy conocido"). */
export const INTENSIFIERS: ReadonlySet<string> = new Set(
  "très plus aussi toujours déjà encore muy más también siempre ya muito mais também sempre já molto più anche sempre già sehr mehr auch immer schon zeer meer ook altijd al velmi více také vždy už".split(
    " ",
  ),
);

/** Longest first, so "est devenu" wins over "est". */
const alternatives = (ws: readonly string[]) =>
  [...ws]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");

/** What describes.ts tests after a name, built once per language. */
export interface DescribePatterns {
  /** ", el líder …" right after the name. */
  apposition: RegExp;
  /** " es politólogo", " est un …" right after the name; a lower-case word, checked with `participle`. */
  copula: RegExp;
  words: DescribeWords;
}

const built = new Map<string, DescribePatterns>();

/** The patterns for `lang`, or undefined when it has no table here (English has its own). */
export function describePatterns(lang: string): DescribePatterns | undefined {
  const words = DESCRIBE_WORDS[lang];
  if (!words) return undefined;
  let p = built.get(lang);
  if (!p) {
    const not = alternatives(words.notDescription);
    p = {
      apposition: new RegExp(`^,\\s*(?!(?:${not})(?![\\p{L}]))\\p{Ll}`, "u"),
      // No copula (Czech): a pattern that never matches.
      copula: words.copulas.length
        ? new RegExp(`^\\s+(?:${alternatives(words.copulas)})\\s+([\\p{L}'’-]+)`, "u")
        : /(?!)/,
      words,
    };
    built.set(lang, p);
  }
  return p;
}

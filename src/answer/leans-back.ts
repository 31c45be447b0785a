/**
 * Whether a sentence leans on the one before it ("He said ...", "These devices are used ...",
 * "这些设备 ...", "وهو ..."): its quote then shows that one too, or the reader is left with a
 * pronoun and no name. One table of openings per language (ISO 639-1), as data; a language
 * without an entry leans on nothing.
 */
import { foldMarks } from "../text/fold.ts";
import { escapeRegExp } from "../text/escape-regexp.ts";

/**
 * Openings written as the language writes them; they are compared folded (lower case, without
 * diacritics), so "además" also catches "ademas". Pronouns, demonstratives, possessives and
 * the connectives that carry a thought on from the sentence before.
 */
const OPENINGS: Record<string, string[]> = {
  en: [
    ..."he she it they this that these those his her its their there but and so yet then also however still instead meanwhile such".split(
      " ",
    ),
    ..."company firm group report bill deal agency move decision plan study"
      .split(" ")
      .map((w) => `the ${w}`),
  ],
  es: "él ella ellos ellas esto esta este estos estas eso esa ese esos esas su sus pero además también así allí dicho dicha sin embargo no obstante".split(
    " ",
  ),
  fr: "il elle ils elles ce cet cette ces cela ceci son sa ses leur leurs mais cependant toutefois aussi ainsi en outre".split(
    " ",
  ),
  pt: "ele ela eles elas este esta isto esse essa isso seu sua seus suas mas porém também além disso no entanto".split(
    " ",
  ),
  it: "egli lui lei essi esse esso essa questo questa questi queste ciò suo sua suoi sue ma però inoltre anche tuttavia".split(
    " ",
  ),
  de: "er sie es dies diese dieser dieses diesen diesem sein seine seiner seinen seinem ihr ihre ihrer ihren ihrem dabei dort daher deshalb jedoch aber auch zudem außerdem dazu damit somit".split(
    " ",
  ),
  ru: "он она оно они это этот эта эти этого этой этих его её их тот та те но однако также кроме того при этом там к ним среди них поэтому".split(
    " ",
  ),
  uk: "він вона воно вони це цей ця ці цього цієї його її їх але проте також там тому".split(" "),
  el: "αυτός αυτή αυτό αυτοί αυτές αυτά αυτού αυτής αυτών εκείνος εκείνη εκείνο επίσης όμως ωστόσο εκεί έτσι".split(
    " ",
  ),
  tr: "o bu şu bunlar onlar onun bunun ancak ama fakat ayrıca bununla birlikte".split(" "),
  ar: "هو هي هم هذا هذه ذلك تلك هؤلاء وهو وهي وهم وهذا وهذه وذلك لكن ولكن كما كذلك أيضا إلا أن غير أن".split(
    " ",
  ),
  fa: "او آنها این آن اما همچنین".split(" "),
  hi: "वह वे यह ये इस इन उस उन इसके उसके इससे उससे इसमें उसमें लेकिन परंतु हालांकि साथ ही".split(" "),
  // Written without spaces: an opening is a prefix of the sentence.
  zh: "他 她 它 该 該 这 這 此 其 但 因此 然而 另外 此外 同时 同時".split(" "),
  ja: "彼 これ この それ その あれ あの しかし また さらに".split(" "),
  th: "เขา เธอ มัน นี่ นั้น ดังนั้น แต่ อย่างไรก็ตาม ทั้งนี้".split(" "),
};

/** Scripts written without spaces: no word boundary to wait for after an opening. */
const SPACELESS = new Set(["zh", "ja", "th"]);

const PATTERNS = new Map(
  Object.entries(OPENINGS).map(([lang, openings]) => {
    // Longest first, so "the company" is tried before "the" would be (and "这些" before "这").
    const alternatives = [...new Set(openings.map(foldMarks))]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    const end = SPACELESS.has(lang) ? "" : "(?![\\p{L}\\p{N}])";
    return [lang, new RegExp(`^(?:${alternatives.join("|")})${end}`, "u")];
  }),
);

/** Quotes and brackets a sentence may open with. */
const OPENING_MARKS = /^[\s"“”‘’'«»„「『（(]+/u;

/** Whether `sentence`, in `lang` (ISO 639-1), opens by leaning on the sentence before it. */
export function leansBack(sentence: string, lang = "en"): boolean {
  const pattern = PATTERNS.get(lang);
  return pattern !== undefined && pattern.test(foldMarks(sentence.replace(OPENING_MARKS, "")));
}

/**
 * For a who-question, the sentence that names the person a sentence beside it is about, when
 * that one names no one. News writes it two ways:
 * - a quotation names its speaker in the sentence before it ("Charles Schultze … once summed up
 *   the danger with a metaphor. “It's not so much … termites in the woodwork.”");
 * - an anonymous lede names its subject at the opening of the sentence after it ("A
 *   photographer and Navy veteran is fighting back after a photo … started an online backlash."
 *   then "Vanessa Hicks said she had no idea …").
 * The naming sentence takes the other's match with the question, a little decayed (extractive.ts).
 */

/** A sentence that is wholly a quotation, opening on its mark, and says no "said" of its own. */
const QUOTATION = /^["“«„‘]/u;
const SAYS = /\s(?:said|says|told|asked|added|wrote)\b/u;
/** An anonymous lede: "A photographer …", "An 85-year-old man …". */
const ANONYMOUS = /^(?:A|An)\s/u;
/** A sentence that opens on a name of two words or more: its subject. */
const OPENS_ON_NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+)+(?=[\s,])/u;

/** The sentences around the k-th, as extractive.ts reads them. */
export interface Beside {
  text: string;
  /** Whether the sentence names someone as an answer (answer-type.ts: not only as who said it). */
  names: boolean;
  /** The sentence before it in its passage, if any. */
  before?: string;
  /** The sentence after it, if it is in the same paragraph. */
  nextInParagraph?: string;
}

/**
 * Which neighbour's match the sentence takes: "next" for a quotation after a sentence that names
 * someone, "before" for an anonymous lede before a sentence that opens on a name, when
 * `namesSomeone` finds no person in the lede; undefined for neither.
 */
export function namedBeside(
  s: Beside,
  namesSomeone: (text: string) => boolean,
): "next" | "before" | undefined {
  const next = s.nextInParagraph?.trim();
  if (s.names && next && QUOTATION.test(next) && !SAYS.test(next)) return "next";
  const before = s.before?.trim();
  if (before && ANONYMOUS.test(before) && OPENS_ON_NAME.test(s.text.trim()) && !namesSomeone(before))
    return "before";
  return undefined;
}

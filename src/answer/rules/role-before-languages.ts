/**
 * A role written before a person's name in the languages of describe-words.ts: after an
 * article, lower-case words right before the name ("o presidente eleito Jair Bolsonaro",
 * "l'écologiste Sergio Coronado", "El ex comunista Massimo D'Alema"), in German a capitalised
 * noun ("der Bundesinnenminister Horst Seehofer"), or the same ended by a comma that the name
 * follows ("La ministre de la justice, Christiane Taubira,"). A preposition, a reporting verb
 * or a conjunction among those words is no role ("a ajouté Laurent Fabius", "de Jean Dupont").
 */
import { DESCRIBE_WORDS } from "./describe-words.ts";
import { language } from "../../text/languages.ts";
import { escapeRegExp } from "../../text/escape-regexp.ts";

/** An article as written at a sentence's start too ("La", "El", "O"). */
const articleAlternatives = (ws: readonly string[]) =>
  ws
    .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)])
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");

interface Built {
  /** "<article> <role words> " right before the name; the words in group 1. */
  plain: RegExp;
  /** "<article> <role words>, " right before the name; the words in group 1. */
  comma: RegExp;
  /** The language's notRole words, to look up. */
  notRole: ReadonlySet<string>;
}
const built = new Map<string, Built | undefined>();

/** One language's patterns and notRole set, built once; undefined when it has no articles (Czech). */
function patterns(lang: string): Built | undefined {
  if (built.has(lang)) return built.get(lang);
  const words = DESCRIBE_WORDS[lang];
  let out: Built | undefined;
  if (words && words.articles.length > 0) {
    const art = `(?<![\\p{L}])(?:${articleAlternatives(words.articles)})(?:\\s+|(?<=['’]))`;
    const lower = `\\p{Ll}[\\p{L}'’-]*`;
    // Where nouns are capitalised (German), a role's noun is the last word before the name.
    const last = language(lang)?.capitalisesNouns ? `\\p{Lu}[\\p{L}-]*` : lower;
    out = {
      plain: new RegExp(`${art}((?:${lower}\\s+){0,2}${last})\\s+$`, "u"),
      comma: new RegExp(`${art}((?:${lower}\\s+){0,4}${last})\\s*,\\s*$`, "u"),
      notRole: new Set(words.notRole),
    };
  }
  built.set(lang, out);
  return out;
}

/**
 * Whether the name at [at, nameEnd) of `text` has a role written before it, in `lang` (a
 * language of describe-words.ts; false in any other).
 */
export function roleBeforeIn(text: string, at: number, nameEnd: number, lang: string): boolean {
  const p = patterns(lang);
  const words = DESCRIBE_WORDS[lang];
  if (!p || !words) return false;
  const lead = text.slice(Math.max(0, at - 120), at);
  const { notRole } = p;
  const isRole = (ws: string[]) => !words.roles || ws.some((w) => words.roles!.test(w.toLowerCase()));
  const plain = p.plain.exec(lead)?.[1]!.split(/\s+/);
  if (plain && plain.every((w) => !notRole.has(w.toLowerCase())) && isRole(plain)) return true;
  const comma = p.comma.exec(lead);
  if (!comma) return false;
  // The role's first and last words are no preposition ("la défense de, Jean Dupont").
  const ws = comma[1]!.split(/\s+/);
  if (notRole.has(ws[0]!.toLowerCase()) || notRole.has(ws.at(-1)!.toLowerCase()) || !isRole(ws)) return false;
  return /^\s*(?:[,.;)]|$)/.test(text.slice(nameEnd));
}

/**
 * A description written before a person's name: a role as a title ("Facebook CEO Mark
 * Zuckerberg", "skipper Wade Bassi", "Pakistan-based developer Ammar Askar") or as an
 * apposition the name follows ("Yahoo's chief executive, Marissa Mayer,"; "Mozilla's CTO,
 * Brendan Eich,"). A reporting verb, a preposition or another name before it is no role
 * ("said Rae Zimmerman", "with Brent Rose", "Kate Hudson, Brent Rose").
 */

/** Titles written with a capital before a name ("Commissioner Andrew Colvin"); not Mr or Ms. */
const TITLE =
  /^(?:CEO|CTO|CFO|COO|Chairman|Chairwoman|Chair|President|Director|Commissioner|Leader|Minister|Secretary|Senator|Governor|Mayor|Judge|Justice|Professor|Attorney-General|General|Chief|Inspector|Captain|Coach|Editor|Founder|Spokesman|Spokeswoman|Ambassador|Chancellor|Treasurer|Sheriff|Officer|Detective|Superintendent|Cardinal|Bishop|Archbishop|Admiral|Colonel|Sergeant|Lieutenant|Premier|Dean)$/;
/** Roles written in lower case, by their common endings or as such. */
const ROLE_ENDING = /^[a-z][a-z-]{2,}(?:er|or|ist|ian|eer|man|woman|person)$/;
const ROLE_WORD =
  /^(?:chief|president|head|founder|student|resident|agent|correspondent|superintendent|assistant|consultant|attendant|patient|client|parent|mother|father|wife|husband|son|daughter|sister|brother|aunt|uncle|widow|chef|coach|judge|nurse|pilot|poet|host|star|actress|actor|analyst|expert|veteran|skipper|boss|ceo|cto|cfo|coo|head|captain|officer|secretary|minister|senator|governor|mayor|executive|chair|dean|deputy|envoy|activist|aide|fellow|graduate|candidate|colleague|partner|representative|spokesperson)$/;
/** Words with a role's ending that are none: adverbs, comparatives, pronouns, numbers. */
const NOT_ROLE =
  /^(?:after|other|another|under|over|never|ever|whether|either|neither|rather|later|earlier|her|together|per|for|nor|major|minor|their|former|latter|longer|larger|bigger|better|greater|higher|lower|older|younger|newer|further|whenever|number|member|matter|order|power|water|paper|letter|corner|border|center|centre|summer|winter|october|november|december|september|error|color|colour|floor|door|interior|exterior|senior|junior|behavior|favor|honor|mirror|sector|factor|motor|monitor|editor-in|christian|asian|indian|italian|canadian|australian|russian|median|german)$/;

/** Whether `word`, written in lower case, is a role a person is described by. */
function isRole(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_ROLE.test(w)) return false;
  return ROLE_WORD.test(w) || ROLE_ENDING.test(w);
}

/** The word just before `at` in `text`, and whether a comma stands between it and `at`. */
function wordBefore(text: string, at: number): { word: string; comma: boolean; start: number } | undefined {
  const m = /([\p{L}][\p{L}'’.-]*)(\s*,)?\s+$/u.exec(text.slice(Math.max(0, at - 60), at));
  if (!m) return undefined;
  return { word: m[1]!.replace(/[.’']+$/, ""), comma: m[2] !== undefined, start: at - m[0].length };
}

/**
 * Whether the name that starts at `at` in `text` has a role written before it: a title right
 * before it, or "<whose or the> <role>, <name>" ending in a comma, a full stop or the text.
 */
export function roleBefore(text: string, at: number, nameEnd: number): boolean {
  const w = wordBefore(text, at);
  if (!w) return false;
  const capitalised = /^\p{Lu}/u.test(w.word);
  const acronym = /^\p{Lu}{2,}$/u.test(w.word);
  // "CEO Mark Zuckerberg", "skipper Wade Bassi", "Commissioner Andrew Colvin".
  if (!w.comma) return capitalised ? TITLE.test(w.word) : isRole(w.word);
  // "Yahoo's chief executive, Marissa Mayer," and not a list's "Kate Hudson, Brent Rose".
  if (capitalised ? !acronym || !TITLE.test(w.word) : !isRole(w.word)) return false;
  const lead = text.slice(Math.max(0, at - 100), at).replace(/[\s,]+$/, "");
  if (!/(?:\p{L}['’]s?|\b(?:the|its|his|her|their|our))\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+$/iu.test(lead))
    return false;
  return /^\s*(?:[,.;)]|$)/.test(text.slice(nameEnd));
}

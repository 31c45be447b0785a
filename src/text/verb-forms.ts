/**
 * English irregular verbs ("rose" / "rise", "sold" / "sell", "built" / "build"), from the
 * `english-verbs-irregular` package (RosaeNLG's list of 569 verbs). A stemmer joins "opened"
 * and "open" but not these, and readers ask in the present what articles tell in the past:
 * "How much will the ferry be sold for?" against "would sell the ferry for …".
 */
import { createRequire } from "node:module";

type Table = Record<string, string[][]>;

interface Forms {
  /** Base forms to their first simple past: "say" -> "said", "meet" -> "met". */
  past: Map<string, string>;
  /** Past and participle forms to their base forms: "rose" -> ["rise"]. */
  bases: Map<string, string[]>;
  /** Base forms to their past and participle forms: "rise" -> ["rose", "risen"]. */
  inflected: Map<string, string[]>;
}

let forms: Forms | undefined;

function load(): Forms {
  if (forms) return forms;
  const require = createRequire(import.meta.url);
  const table = require("english-verbs-irregular/dist/verbs.json") as Table;
  const bases = new Map<string, string[]>();
  const inflected = new Map<string, string[]>();
  const past = new Map<string, string>();
  for (const [base, variants] of Object.entries(table)) {
    // "be", "have" and "do" are stop words: nothing to join.
    if (base === "be" || base === "have" || base === "do") continue;
    const own = new Set<string>();
    for (const variant of variants)
      for (const form of variant) {
        if (form === base || form.includes(" ")) continue;
        own.add(form);
        const list = bases.get(form) ?? [];
        if (!list.includes(base)) list.push(base);
        bases.set(form, list);
      }
    if (own.size) inflected.set(base, [...own]);
    const first = variants[0]?.[0];
    if (first && first !== base && !first.includes(" ")) past.set(base, first);
  }
  return (forms = { bases, inflected, past });
}

/** The simple past of an irregular English verb ("say" -> "said"); undefined for any other word. */
export function simplePast(verb: string): string | undefined {
  return load().past.get(verb.toLowerCase());
}

/**
 * The other forms of an English verb that a stemmer does not join to it: the base of an
 * irregular past ("sold" -> "sell") and the pasts of a base ("sell" -> "sold"); [] for any
 * other word.
 */
export function irregularForms(word: string): string[] {
  const { bases, inflected } = load();
  const w = word.toLowerCase();
  return [...new Set([...(bases.get(w) ?? []), ...(inflected.get(w) ?? [])])];
}

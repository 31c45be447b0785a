/** Counts in the CLI's English: "1 passage", "2 passages", chosen by Intl.PluralRules. */

const rules = new Intl.PluralRules("en");

/** The noun in the form `n` takes: noun(1, "passage") is "passage", noun(0, "passage") "passages". */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return rules.select(n) === "one" ? singular : plural;
}

/** `n` and the noun in the form its count takes: count(1, "passage") is "1 passage". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en")} ${noun(n, singular, plural)}`;
}

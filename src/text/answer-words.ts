/**
 * Words that mark a time or a quantity in a sentence, per language, from ICU's own data (Node
 * ships full ICU) rather than from lists of our own: month names as a date writes them
 * (genitive "марта", "Μαρτίου") and as they stand alone ("март"), weekday names, the names of
 * date fields ("year", "Jahr", "год", "年", "ปี"), and the scale words of compact notation
 * ("thousand", "Millionen", "миллиона", "万"). Numbers in words below those come from the
 * language table (`numerals`); digits of every script are folded to ASCII by the tokenizer.
 * Everything is kept as stems of folded words, the form sentences and questions are reduced to.
 */
import { language, writtenWithoutSpaces } from "./languages.ts";
import { stem, words } from "./tokens.ts";

export interface AnswerWords {
  months: ReadonlySet<string>;
  weekdays: ReadonlySet<string>;
  /** Year, month, week, day: a number next to one is a date ("1990年", "в 1990 году", "ปี 2563"). */
  dateFields: ReadonlySet<string>;
  /** Thousand, million, billion... and the language's numerals in words. */
  quantities: ReadonlySet<string>;
}

const cache = new Map<string, AnswerWords>();

/** A Sunday in March, so that every month and weekday comes out once over a loop. */
const day = (month: number, date = 15) => new Date(Date.UTC(2020, month, date, 12));

export function answerWords(lang: string): AnswerWords {
  let out = cache.get(lang);
  if (out) return out;
  const locale = Intl.DateTimeFormat.supportedLocalesOf([lang]).length ? lang : "en";
  // One letter is a whole word only where words have no spaces ("年"); elsewhere a stem cut that
  // short (Hindi "दो" -> "द") would meet too many words. (Some stop lists hold "Jahr": kept here.)
  const shortest = writtenWithoutSpaces(language(lang)?.script ?? "latin") ? 1 : 2;
  const stems = (text: string) =>
    words(text, lang)
      .filter((w) => !/^\d+$/.test(w))
      .map((w) => stem(w, lang))
      .filter((s) => [...s].length >= shortest);
  const partsOf = (opts: Intl.DateTimeFormatOptions, d: Date, type: Intl.DateTimeFormatPartTypes) =>
    new Intl.DateTimeFormat(locale, { ...opts, timeZone: "UTC" })
      .formatToParts(d)
      .filter((p) => p.type === type)
      .map((p) => p.value);

  const months = new Set<string>();
  for (let m = 0; m < 12; m++)
    for (const opts of [
      { month: "long" },
      { month: "long", day: "numeric" },
      { month: "long", year: "numeric" },
    ] as const)
      for (const v of partsOf(opts, day(m), "month")) for (const s of stems(v)) months.add(s);

  const weekdays = new Set<string>();
  for (let d = 0; d < 7; d++)
    for (const v of partsOf({ weekday: "long" }, day(2, 15 + d), "weekday"))
      for (const s of stems(v)) weekdays.add(s);

  const fields = new Intl.DisplayNames(locale, { type: "dateTimeField" });
  const dateFields = new Set<string>();
  for (const f of ["year", "month", "weekOfYear", "day"] as const)
    for (const s of stems(fields.of(f) ?? "")) dateFields.add(s);
  // The field is not a month or weekday name ("3月", Thai "วันอาทิตย์": the day field "วัน" and Sunday).
  for (const s of dateFields) {
    months.delete(s);
    weekdays.delete(s);
  }

  const quantities = new Set<string>();
  const compact = new Intl.NumberFormat(locale, { notation: "compact", compactDisplay: "long" });
  for (const scale of [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e12])
    for (const n of [1, 2, 5])
      for (const p of compact.formatToParts(n * scale))
        if (p.type === "compact") for (const s of stems(p.value)) quantities.add(s);
  for (const w of language(lang)?.numerals ?? []) for (const s of stems(w)) quantities.add(s);

  out = { months, weekdays, dateFields, quantities };
  cache.set(lang, out);
  return out;
}

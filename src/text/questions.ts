/**
 * What a question asks for, in any language of the table: its question words ("who", "when",
 * "where", "how many") as data in languages.ts, matched on the question's folded words, or as
 * substrings in scripts written without spaces. And the abbreviations that do not end a
 * sentence. A small API for the answerer and the sentence splitter to read the table by.
 */
import { language, writtenWithoutSpaces, type AnswerType } from "./languages.ts";
import { words } from "./tokens.ts";

const compiled = new Map<string, { type: AnswerType; phrase: string; anchored: boolean }[]>();

function cuesOf(lang: string) {
  let list = compiled.get(lang);
  if (!list) {
    const entry = language(lang);
    const spaced = entry ? !writtenWithoutSpaces(entry.script) : true;
    list = (entry?.cues ?? []).flatMap((c) =>
      c.phrases.map((p) => {
        const anchored = p.startsWith("^");
        const body = anchored ? p.slice(1) : p;
        // Folded the way questions are, so "cuantos" typed without its accent still asks "how many".
        const phrase = spaced ? ` ${words(body, lang).join(" ")} ` : words(body, lang).join("");
        return { type: c.type, phrase, anchored };
      }),
    );
    compiled.set(lang, list);
  }
  return list;
}

const functionWordsOf = new Map<string, ReadonlySet<string>>();

/**
 * The language's stop words and question fillers, folded, without the words of its cues (which
 * the tokenizer also stops, "शहर" of "किस शहर"): a noun after "which" may be one of those.
 */
function functionWords(lang: string): ReadonlySet<string> {
  let set = functionWordsOf.get(lang);
  if (!set) {
    const entry = language(lang);
    set = new Set([...(entry?.stopWords ?? []), ...(entry?.fillers ?? [])].flatMap((w) => words(w, lang)));
    functionWordsOf.set(lang, set);
  }
  return set;
}

/**
 * The kind of answer a question in `lang` asks for, from the first of the language's cues it
 * holds; undefined when none (English's own rules stay in answer-type.ts).
 */
export function questionCue(lang: string, question: string): Exclude<AnswerType, "other"> | undefined {
  const entry = language(lang);
  if (!entry) return undefined;
  const spaced = !writtenWithoutSpaces(entry.script);
  const ws = words(question, lang);
  const text = spaced ? ` ${ws.join(" ")} ` : ws.join("");
  for (const c of cuesOf(lang)) {
    if (c.phrase.trim() === "") continue;
    const at = c.anchored ? (text.startsWith(c.phrase) ? 0 : -1) : text.indexOf(c.phrase);
    if (at < 0) continue;
    // "Which X" asks for a named X only when a noun follows: "¿Cuál es ...?", "Quel est ...?",
    // "Ποια είναι ...?" ask "what is", as English "what is" does (answer-type.ts's auxiliaries).
    if (c.type === "name" && spaced) {
      const next = text.slice(at + c.phrase.length).split(" ", 1)[0] ?? "";
      if (next === "" || functionWords(lang).has(next)) continue;
    }
    return c.type === "other" ? undefined : c.type;
  }
  return undefined;
}

/** Lower-cased abbreviations (without their final full stop) that do not end a sentence in `lang`. */
export function abbreviations(lang: string): ReadonlySet<string> {
  return new Set(language(lang)?.abbreviations ?? []);
}

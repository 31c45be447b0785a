/**
 * Which language a text is written in, among the languages of the table (languages.ts), with
 * ELD (`eld`, the Efficient Language Detector): n-gram scores for 60 languages, about 0.1 ms a
 * question. Restricting it to the languages we have rules for keeps a near neighbour we have no
 * entry for (Marathi for Hindi) from taking a text we could have read.
 */
import { eld } from "eld/medium";
import { LANGUAGES } from "./languages.ts";

eld.setLanguageSubset([...LANGUAGES]);

/**
 * Long texts are identified from their beginning: 300 characters settle it (on XQuAD's
 * paragraphs as well as the whole text) at a third of the cost of 1,000.
 */
const SAMPLE = 300;

/**
 * The ISO 639-1 code of the text's language, or `fallback` when the text says too little
 * (no letters, or a language with no entry).
 */
export function identifyLanguage(text: string, fallback = "en"): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let found = recent.get(sample);
  if (found === undefined) {
    found = eld.detect(sample).language;
    if (recent.size >= RECENT) recent.clear();
    recent.set(sample, found);
  }
  return found && LANGUAGES.includes(found) ? found : fallback;
}

/** A question is identified by the embedder and again by the query analysis: once is enough. */
const recent = new Map<string, string>();
const RECENT = 256;

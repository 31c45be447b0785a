/**
 * "What is the most privacy-preserving modern browser?" from "The most privacy-preserving
 * modern browser is the Tor Browser, which …": a sentence of an English article that opens on
 * a superlative noun phrase and names what it is, asked with the phrase itself. The answer
 * must hold the name.
 */
import type { Span } from "../text/span.ts";
import type { QuestionCandidate } from "./english-questions.ts";

/** "The most …", "The largest …", "The first …": one to six more words, then is/was. */
const SUPERLATIVE = new RegExp(
  "^(The\\s+(?:(?:most|least)\\s+[\\p{Ll}-]+|[\\p{Ll}]+est|first|last|only|biggest|best|worst)" +
    "(?:\\s+[\\p{L}][\\p{L}'’-]*){1,6}?)\\s+(is|was)\\s+" +
    // What it is: a name, with "the" before it perhaps ("the Tor Browser", "Lake Baikal").
    "((?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:of\\s+|de\\s+)?\\p{Lu}[\\p{L}'’.-]*){0,4})(?=[\\s,.;:)]|$)",
  "u",
);
/** Superlative-looking words that are not: "The interest is …", "The rest was …". */
const NOT_SUPERLATIVE =
  /^The\s+(?:interest|rest|test|request|protest|contest|forest|guest|quest|chest|west|crest|nest|harvest|latest news)\b/i;

/** "What is the <superlative phrase>?" (or "Who …" when the phrase names a person's role) for each such sentence. */
export function superlativeQuestions(text: string, sentences: readonly Span[]): QuestionCandidate[] {
  const out: QuestionCandidate[] = [];
  for (const span of sentences) {
    const sentence = text.slice(span.start, span.end).trim();
    const m = SUPERLATIVE.exec(sentence);
    if (!m || NOT_SUPERLATIVE.test(m[1]!)) continue;
    const phrase = m[1]!.replace(/^The/, "the");
    // The noun the superlative qualifies: "woman" in "the first woman to lead the agency".
    const noun = phrase.split(/\s+/).find((w, i) => i > 1 && !/^(?:most|least)$/.test(w)) ?? "";
    const asks = PERSON_NOUN.test(noun) ? "Who" : "What";
    const question = `${asks} ${m[2]} ${phrase}?`;
    if (out.some((c) => c.question === question)) continue;
    out.push({
      question,
      kind: "what-is",
      at: span.start,
      holds: m[3]!.replace(/^the\s+/, "").replace(/\.$/, ""),
    });
  }
  return out;
}

/** A noun that names a person's role: "the first woman", "the oldest player". */
const PERSON_NOUN =
  /^(?:man|woman|person|people|player|winner|president|leader|member|author|writer|artist|actor|actress|singer|athlete|scientist|astronaut|pilot|king|queen|chief|head|ceo|founder|director|mayor|governor|minister|candidate|student|child|boy|girl|driver|champion)$/i;

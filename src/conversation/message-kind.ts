/**
 * What a message is, when nobody said: a link to read, an article pasted to keep, or a
 * question. The bot's private chats and `footnote chat` both ask here, and `/ingest` uses the
 * same tests to refuse text that is neither a link nor an article.
 */
import { findLinks, withoutLinks } from "../ingest/find-link.ts";

export type MessageKind =
  { kind: "link"; url: string } | { kind: "article"; words: number } | { kind: "question" };

/** Words around a link that still make the message "mostly a link" ("read this: …"). */
const WORDS_AROUND_LINK = 12;
/** An explicit /ingest of text without a link needs at least this much to be an article. */
const MIN_ARTICLE_WORDS = 25;
/** Unprompted, a paste is read as an article from this many words and sentences. */
const PASTE_WORDS = 60;
const PASTE_SENTENCES = 3;

// ICU's word boundaries: Chinese, Japanese and Thai write no spaces between words, so a run
// of letters would count a whole sentence of theirs as one word.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: "word" });

function wordCount(text: string): number {
  let n = 0;
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** Sentences, roughly: ends of sentences followed by space (or CJK full stops), plus the last one. */
function sentenceCount(text: string): number {
  return (text.trim().match(/[.!?…]["'”’)\]]*(?=\s)|[。！？]["'”’」』）]*(?=.)/gsu)?.length ?? 0) + 1;
}

/** The message's link, when the message is a link with at most a few words around it. */
export function mostlyLink(text: string): string | undefined {
  const links = findLinks(text);
  if (links.length === 0) return undefined;
  return wordCount(withoutLinks(text)) <= WORDS_AROUND_LINK ? links[0]!.url : undefined;
}

/** Text long enough to be worth storing when someone explicitly asks to store it. */
export function isArticleText(text: string): boolean {
  return wordCount(text) >= MIN_ARTICLE_WORDS;
}

/**
 * A message in a private chat: a link (or a link with a few words) is to be read; a long
 * paste that reads like prose is an article to offer for storing; anything else is a question.
 * `maxQuestionChars`: text longer than any question may be is offered as an article too.
 */
export function classifyMessage(text: string, maxQuestionChars: number): MessageKind {
  const link = mostlyLink(text);
  if (link) return { kind: "link", url: link };
  const words = wordCount(text);
  const prose = words >= PASTE_WORDS && sentenceCount(text) >= PASTE_SENTENCES;
  if (prose || (text.trim().length > maxQuestionChars && isArticleText(text)))
    return { kind: "article", words };
  return { kind: "question" };
}

/**
 * A request for the summary of the article in focus: "tl;dr", "Summarise it", "What is this
 * article about?" (in English, and the plainest ways of asking in the bot's other languages).
 */
const SUMMARY_REQUEST = new RegExp(
  "^(?:" +
    [
      "tl;? ?dr",
      "too long,? didn['’]?t read",
      "(?:please |can you |could you )?summ?ari[sz]e(?: it| this| that| the article| this article)?(?: for me)?(?: please)?",
      "(?:give me |can i have )?(?:a |the )?summary(?: please)?",
      "what(?: is|['’]s| was) (?:this|that|the|it)(?: article| story| piece| text)? about",
      "what(?: is|['’]s) (?:this|that|the) (?:article|story|piece|text) saying",
      // de, es, fr, it, pt, ru, uk
      "zusammenfassung|fasse? (?:es |den artikel )?zusammen|worum geht es(?: im artikel)?",
      "resumen|resume(?:lo)?|de qu[eé] trata(?: el art[ií]culo)?",
      "r[ée]sum[ée]|r[ée]sume(?:-le)?|de quoi parle (?:l['’]article|cet article)",
      "riassunto|riassumi(?:lo)?|di cosa parla(?: l['’]articolo)?",
      "resumo|resuma|do que se trata|sobre o que [eé] (?:o artigo|isso)",
      "кратко|вкратце|о ч[её]м (?:эта )?статья|перескажи",
      "коротко|про що (?:ця )?стаття",
    ].join("|") +
    ")[\\s?!.¿¡]*$",
  "iu",
);

export function isSummaryRequest(text: string): boolean {
  return SUMMARY_REQUEST.test(text.trim().replace(/^[¿¡\s]+/u, ""));
}

/**
 * Finding the web link in what someone typed: "https://…", "www.bbc.com/…", "bbc.com/news/…",
 * or a link inside a sentence ("have a look at this http://…"). linkify-it does the
 * recognising (with its list of common top-level domains, so "report.pdf" or "e.g." is not a
 * link); the CLI and the bot both ask here, so they agree on what a link is.
 */
import { LinkifyIt } from "linkify-it";

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false });

export interface FoundLink {
  /** With a scheme: links typed without one get https://. */
  url: string;
  /** Where it stands in the text. */
  index: number;
  lastIndex: number;
}

/** Every http(s) link in `text`, in order. */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  for (const m of linkify.match(text) ?? []) {
    const url = m.schema === "" ? `https://${m.raw}` : m.url;
    if (!/^https?:\/\//i.test(url)) continue;
    out.push({ url, index: m.index, lastIndex: m.lastIndex });
  }
  return out;
}

/** The link when `text` is one link and nothing else (allowing space around it). */
export function onlyLink(text: string): string | undefined {
  const trimmed = text.trim();
  const links = findLinks(trimmed);
  return links.length === 1 && links[0]!.index === 0 && links[0]!.lastIndex === trimmed.length
    ? links[0]!.url
    : undefined;
}

/** `text` with its links taken out, for judging what is left around them. */
export function withoutLinks(text: string): string {
  let out = "";
  let at = 0;
  for (const l of findLinks(text)) {
    out += text.slice(at, l.index) + " ";
    at = l.lastIndex;
  }
  return (out + text.slice(at)).replace(/\s+/g, " ").trim();
}

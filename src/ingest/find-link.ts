/**
 * Finding the web link in what someone typed: "https://…", "www.bbc.com/…", "bbc.com/news/…",
 * or a link inside a sentence ("have a look at this http://…"). linkify-it does the
 * recognising (with its list of common top-level domains, so "report.pdf" or "e.g." is not a
 * link); the CLI and the bot both ask here, so they agree on what a link is. A host with a port
 * ("127.0.0.1:8000/x.html", "localhost:3000", "example.com:8080/a"), which linkify-it leaves
 * alone when there is no scheme, is a link too. Whether it may be fetched is url-guard's call.
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

/**
 * host:port with no scheme, then an optional path: the host is localhost, an IPv4 address, an
 * IPv6 one in brackets, or a dotted name ending in letters ("12:30", "ratio 16:9" are not hosts).
 */
const HOST_PORT =
  /(?<![\p{L}\p{N}_.@:/\\-])(localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}):(\d{1,5})(?![\p{L}\p{N}_.-]*[\p{L}_])([/?#][^\s<>"'`]*)?/giu;

function hostPortLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  for (const m of text.matchAll(HOST_PORT)) {
    if (Number(m[2]) > 65535) continue;
    // A sentence's full stop or closing bracket after the link is not part of it.
    const raw = m[0].replace(/[.,;:!?'")\]}]+$/u, "");
    // Plain http: a port is most often a local or development server without TLS.
    out.push({ url: `http://${raw}`, index: m.index, lastIndex: m.index + raw.length });
  }
  return out;
}

/** Every http(s) link in `text`, in order. */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  for (const m of linkify.match(text) ?? []) {
    const url = m.schema === "" ? `https://${m.raw}` : m.url;
    if (!/^https?:\/\//i.test(url)) continue;
    out.push({ url, index: m.index, lastIndex: m.lastIndex });
  }
  const overlaps = (a: FoundLink) => out.some((b) => a.index < b.lastIndex && b.index < a.lastIndex);
  const extra = hostPortLinks(text).filter((l) => !overlaps(l));
  return extra.length === 0 ? out : [...out, ...extra].sort((a, b) => a.index - b.index);
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

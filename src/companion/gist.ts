/**
 * The extractive gist: two or three of the article's own sentences that say what it is about.
 * Each candidate (no furniture, no quotation, no question) is scored by how much of the
 * article's vocabulary it carries (cosine with the article's TF-IDF centroid), with a lift for
 * the opening sentences, where news puts its summary; then picked greedily, skipping any that
 * repeats a sentence already chosen. The gist is given in the article's order, verbatim.
 */
import { sentenceSpans } from "../text/sentences.ts";
import type { Span } from "../text/span.ts";
import { terms } from "../text/tokens.ts";
import { isFurniture } from "./furniture.ts";

export interface GistSentence extends Span {
  /** `articleText.slice(start, end)`. */
  text: string;
}

export interface GistOptions {
  /** Most sentences (default 3). */
  max?: number;
  /** The gist stops growing past this many characters (default 480). */
  maxChars?: number;
}

/** A sentence more similar than this to one already chosen says the same thing again. */
const REDUNDANT = 0.45;
/** How much the opening sentences are lifted, fading over the first few. */
const LEAD_LIFT = 0.12;
const LEAD_SENTENCES = 8;

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const d = norm(a) * norm(b);
  return d ? dot / d : 0;
}

/** English openings that lean on the sentence before. */
const LEANS_BACK =
  /^(?:and|but|or|so|yet|instead|however|also|still|then|that|this|these|those|it|its|he|she|they|his|her|their|there)\b/i;

/** A quotation, a question or a fragment says less about the article than a statement of it. */
function isStatement(sentence: string, lang: string): boolean {
  if (/^[\p{Pi}\p{Ps}"'«„“”‘’‹—–-]/u.test(sentence)) return false;
  if (/[?？]["'”’»)]*$/u.test(sentence)) return false;
  // A fragment left by a split: it starts in lower case (scripts with case only).
  if (/^\p{Ll}/u.test(sentence)) return false;
  // First person: an aside or a quotation's tail, not the article's subject.
  if (/^(?:I|We)\b/.test(sentence)) return false;
  // Leaning on the sentence before ("And it plays…", "He runs…"): it needs its context.
  if (lang === "en" && LEANS_BACK.test(sentence)) return false;
  // A quotation cut in two by the splitter ("… when does that "a-ha!").
  if ((sentence.match(/"/g)?.length ?? 0) % 2 === 1) return false;
  if ((sentence.match(/“/g)?.length ?? 0) !== (sentence.match(/”/g)?.length ?? 0)) return false;
  return true;
}

/** Two or three central, non-redundant sentences of `text`, in the article's order. */
export function extractiveGist(text: string, lang: string, opts: GistOptions = {}): GistSentence[] {
  const max = opts.max ?? 3;
  const maxChars = opts.maxChars ?? 480;
  const all = sentenceSpans(text).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
  // A sentence whose next one starts in lower case was cut short by the splitter ("… that "a-ha!"").
  const cut = (i: number) => /^\p{Ll}/u.test(all[i + 1]?.text ?? "");
  const candidates = all.filter((s, i) => !isFurniture(s.text) && isStatement(s.text, lang) && !cut(i));
  if (candidates.length === 0) return [];
  const bags = candidates.map((s) => terms(s.text, lang));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length;
  const vectors = bags.map((bag) => {
    const v: Vector = new Map();
    for (const t of bag) v.set(t, (v.get(t) ?? 0) + Math.log(1 + n / df.get(t)!));
    return v;
  });
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const scored = candidates.map((s, i) => ({
    s,
    v: vectors[i]!,
    score: cosine(vectors[i]!, centroid) + LEAD_LIFT * Math.max(0, 1 - i / LEAD_SENTENCES),
  }));
  scored.sort((a, b) => b.score - a.score || a.s.start - b.s.start);

  const chosen: typeof scored = [];
  let chars = 0;
  for (const c of scored) {
    if (chosen.length >= max) break;
    if (chosen.some((x) => cosine(x.v, c.v) > REDUNDANT)) continue;
    if (chosen.length >= 2 && chars + c.s.text.length > maxChars) continue;
    chosen.push(c);
    chars += c.s.text.length;
  }
  return chosen.map((c) => c.s).sort((a, b) => a.start - b.start);
}

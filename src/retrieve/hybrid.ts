/**
 * Hybrid retrieval: candidates from BM25 and from the vector index (whichever storage backend
 * holds them: library/storage.ts), fused by a
 * weighted sum of normalised scores and reranked with sentence-level matching (see
 * sentence-match.ts). Each signal fixes the others' misses: BM25 knows rare words, vectors
 * know paraphrase (with a model) or inflection (built in), and the best sentence knows
 * whether the words of the question stand together.
 */
import type { RetrievedPassage } from "../types.ts";
import type { Library } from "../library/storage.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import { analyseQuery, lexicalWords, type LexicalLimits, type QueryTerms } from "./query.ts";
import { scoreSentences, unionCoverage, type SentenceScore } from "./sentence-match.ts";

export interface RetrieveWeights {
  bm25: number;
  vector: number;
  sentence: number;
  /** Best coverage of two adjacent sentences. */
  window: number;
  /** Candidates taken from each side before fusion. */
  candidates: number;
  /** How many of the fused candidates get the (costlier) sentence-level rerank. */
  rerank: number;
  /** Which of the question's words BM25 looks up in a large library (query.ts's defaults when absent). */
  lexical?: LexicalLimits;
}

/**
 * rerank 20: the passages fused below 20th almost never rise into the top 5, and each one
 * reranked costs query time (docs/performance.md).
 *
 * lexical: BM25's words in a large library. A word may be in up to 2% of the passages (5,000
 * below 250k, as before; 20,000 at 1M), and from 500k passages on the four rarest are looked
 * up, not three. With the fixed cap of 5,000, a 1M library left most questions one or two
 * words to rank by, and BM25 ranked the source passage past the 40th (hit@5 0.918 → 0.992 on
 * the bench's kept 1M library, p95 16 → 25 ms; docs/performance.md, session 13).
 */
export const DEFAULT_WEIGHTS: RetrieveWeights = {
  bm25: 0.7,
  vector: 0.5,
  sentence: 1.0,
  window: 0.3,
  candidates: 40,
  rerank: 20,
  lexical: { maxDfShare: 0.02, hugeLibrary: 500_000, hugeWords: 4 },
};

export interface Retrieved extends RetrievedPassage {
  sentences: SentenceScore[];
}

export interface Retrieval {
  query: QueryTerms;
  passages: Retrieved[];
}

export interface RetrieveFilter {
  /** Only passages of these articles (a follow-up stays on the article that answered before). */
  articleIds?: readonly string[];
}

/** Notes marked "^" (Wikipedia's reference lists): this many in a passage make it one. */
const REFERENCE_MARKS = 3;

/** Whether a passage is a list of references: three or more notes opening with "^". */
export function isReferenceList(text: string): boolean {
  return (text.match(/(?:^|\s)\^\s/g)?.length ?? 0) >= REFERENCE_MARKS;
}

/** Candidates examined per side when a filter keeps only some articles' passages. */
const FILTERED_CANDIDATES = 4;

export async function retrieve(
  library: Library,
  embedder: Embedder,
  question: string,
  k: number,
  weights: RetrieveWeights = DEFAULT_WEIGHTS,
): Promise<Retrieval> {
  return retrieveWithVector(library, await embedder.embedQuery(question), question, k, weights);
}

/** Retrieval given the question's vector (callers embed before they open the library). */
export async function retrieveWithVector(
  library: Library,
  qv: Float32Array,
  question: string,
  k: number,
  weights: RetrieveWeights = DEFAULT_WEIGHTS,
  filter: RetrieveFilter = {},
): Promise<Retrieval> {
  const query = await analyseQuery(question, library);
  const only = filter.articleIds?.length ? new Set(filter.articleIds) : undefined;
  // Both sides in one call (one round trip where the backend is remote). Every candidate comes
  // with its cosine, whichever side found it. Filtered: a wider net on each side, then only the
  // wanted articles' passages go on.
  const { lexical, cosine } = await library.candidates({
    words: lexicalWords(query, weights.lexical),
    vector: qv,
    limit: only ? weights.candidates * FILTERED_CANDIDATES : weights.candidates,
  });

  const bm25 = new Map<number, number>();
  const bestLex = lexical.length ? lexical[0]!.score : 0;
  for (const r of lexical) bm25.set(r.id, bestLex > 0 ? r.score / bestLex : 0);

  let ids = [...cosine.keys()];
  if (only) {
    const kept = new Set((await library.passages(ids)).filter((p) => only.has(p.articleId)).map((p) => p.id));
    ids = ids.filter((id) => kept.has(id));
  }
  const ranked = ids
    .map((id) => ({ id, base: weights.bm25 * (bm25.get(id) ?? 0) + weights.vector * cosine.get(id)! }))
    .sort((a, b) => b.base - a.base || a.id - b.id)
    .slice(0, Math.max(k, weights.rerank));
  // Texts only for the few that get the sentence rerank.
  const baseOf = new Map(ranked.map((r) => [r.id, r.base]));
  const fused = (await library.passages(ranked.map((r) => r.id))).map((p) => ({
    p,
    base: baseOf.get(p.id)!,
  }));
  const scored: Retrieved[] = fused.map(({ p, base }) => {
    const sentences = scoreSentences(p.text, query, p.start, p.sentences);
    let best = 0;
    let window = 0;
    for (let i = 0; i < sentences.length; i++) {
      if (sentences[i]!.score > best) best = sentences[i]!.score;
      if (weights.window > 0 && i > 0)
        window = Math.max(window, unionCoverage([sentences[i - 1]!, sentences[i]!], query));
    }
    // A list of references ("^ Baker, Mitchell (3 April 2014) …") names the question's words in
    // its titles but answers nothing: it keeps its fused score, without the sentence match.
    const score = isReferenceList(p.text) ? base : base + weights.sentence * best + weights.window * window;
    const { sentences: _spans, ...passage } = p;
    return { ...passage, score, sentences };
  });
  scored.sort((a, b) => b.score - a.score || a.id - b.id);
  return { query, passages: inQuestionLanguageFirst(scored, query).slice(0, k) };
}

/**
 * A question in one language is answered from the articles in it when there are any: in a
 * library of French and Portuguese pages, "vai passar em qual canal?" is not answered with a
 * French sentence that shares its numbers. Passages of another language keep their order after
 * them (the only answer when nothing is in the question's language); a question too short to
 * tell its language changes nothing.
 */
export function inQuestionLanguageFirst<P extends { language?: string | null }>(
  passages: P[],
  query: QueryTerms,
): P[] {
  if (!query.langSure || !query.lang) return passages;
  const other = (p: P) => p.language != null && p.language !== query.lang;
  if (!passages.some((p) => !other(p))) return passages;
  return [...passages.filter((p) => !other(p)), ...passages.filter(other)];
}

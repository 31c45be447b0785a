/**
 * The ask pipeline: a question in, an answer with citations out. It embeds the question once,
 * retrieves the library's best passages (retrieve/hybrid.ts), and hands them to the answerer;
 * a follow-up is searched in its resolved form, and sentences already quoted in the
 * conversation are left out when something else can answer.
 */
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import type { AnswerResult, AskOptions, RetrievedPassage } from "../types.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import type { Library } from "../library/storage.ts";
import { retrieveWithVector, type Retrieval, type Retrieved } from "../retrieve/hybrid.ts";
import { NOT_FOUND_ANSWER, type Answerer } from "../answer/types.ts";

/** What the pipeline is built from. */
export interface AskDeps {
  config: Config;
  embedder: Embedder;
  answerer: Answerer;
  /** Runs `use` with a library held open (the facade refuses once it is closing). */
  withLibrary: <T>(
    libraryId: string,
    create: boolean,
    use: (library: Library) => Promise<T>,
  ) => Promise<T | undefined>;
}

/** An answer with what retrieval found, for the eval's report. */
export interface DetailedAnswer {
  retrieved: RetrievedPassage[];
  answer: AnswerResult;
}

/** Retrieves and answers in a library. */
export interface AskPipeline {
  /** The best `k` passages for `question`, or undefined when the library is missing or empty. */
  retrieval(
    libraryId: string,
    question: string,
    k: number,
    articleIds?: readonly string[],
  ): Promise<Retrieval | undefined>;
  /** Answers `question`, also returning what retrieval found (up to `retrieveK` passages). */
  askDetailed(
    libraryId: string,
    question: string,
    opts?: AskOptions & { retrieveK?: number },
  ): Promise<DetailedAnswer>;
}

/** An ask pipeline over `deps`. */
export function createAskPipeline(deps: AskDeps): AskPipeline {
  const { config, embedder, answerer, withLibrary } = deps;

  async function retrieval(libraryId: string, question: string, k: number, articleIds?: readonly string[]) {
    // Nothing to search: answer at once, without paying for an embedding.
    if (!(await withLibrary(libraryId, false, async () => true))) return undefined;
    const qv = await embedder.embedQuery(question);
    return withLibrary(libraryId, false, async (library) =>
      (await library.passageCount()) === 0
        ? undefined
        : retrieveWithVector(library, qv, question, k, undefined, articleIds?.length ? { articleIds } : {}),
    );
  }

  async function askDetailed(
    libraryId: string,
    question: string,
    opts: AskOptions & { retrieveK?: number } = {},
  ): Promise<DetailedAnswer> {
    const q = question.trim();
    if (!q) throw new FootnoteError("BAD_INPUT", 'Ask a question, e.g. "Who was at the meeting?"');
    const k = opts.k ?? config.RETRIEVE_K;
    // A follow-up is searched (and read by the extractive answerer) in its resolved form.
    const searched = opts.resolved?.trim() || q;
    const found = await retrieval(libraryId, searched, Math.max(k, opts.retrieveK ?? 0), opts.articleIds);
    if (!found || found.passages.length === 0)
      return { retrieved: [], answer: { answer: NOT_FOUND_ANSWER, abstained: true, citations: [] } };
    const read = found.passages.slice(0, k);
    const answerOpts = {
      onPartial: opts.onPartial,
      signal: opts.signal,
      query: found.query,
      ...(opts.history?.length ? { history: opts.history } : {}),
      ...(searched !== q ? { asked: q } : {}),
    };
    const fresh = withoutSentences(read, opts.exclude);
    let answer = await answerer.answer(searched, fresh ?? read, answerOpts);
    // Only the quoting answerer reads sentences; it may repeat itself when nothing else answers.
    if (fresh && answer.abstained && answerer.name === "extractive")
      answer = await answerer.answer(searched, read, answerOpts);
    return { retrieved: found.passages, answer };
  }

  return { retrieval, askDetailed };
}

const sentenceKey = (text: string) => text.replace(/\s+/g, " ").trim();

/** The passages without the sentences in `exclude`, or undefined when none of them is there. */
function withoutSentences(
  passages: Retrieved[],
  exclude: readonly string[] | undefined,
): Retrieved[] | undefined {
  if (!exclude?.length) return undefined;
  const skip = new Set(exclude.map(sentenceKey));
  let removed = false;
  const out = passages.map((p) => {
    const kept = p.sentences.filter(
      (s) => !skip.has(sentenceKey(p.text.slice(s.start - p.start, s.end - p.start))),
    );
    if (kept.length === p.sentences.length) return p;
    removed = true;
    return { ...p, sentences: kept };
  });
  return removed ? out : undefined;
}

/**
 * The ingest pipeline: an article's text in, stored passages out. It checks the text, finds a
 * duplicate by content or URL, cuts the text into passages, identifies its language, embeds the
 * passages in batches and stores the article with its vectors in one step of the backend (all
 * or nothing). Reading a link, file or paste into text is the step before it (ingest/read-source.ts).
 */
import { createHash } from "node:crypto";
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { ArticleInput, IngestProgress, IngestResult } from "../types.ts";
import { chunkText } from "../ingest/chunk.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import type { Library } from "../library/storage.ts";
import { identifyLanguage } from "../text/identify.ts";

/** Passages embedded per call: large enough to amortise a remote call, small enough to report progress. */
const EMBED_BATCH = 256;

/** What the pipeline is built from. */
export interface IngestDeps {
  config: Config;
  logger: Logger;
  embedder: Embedder;
  /** Runs `use` with a library held open (the facade refuses once it is closing). */
  withLibrary: <T>(
    libraryId: string,
    create: boolean,
    use: (library: Library) => Promise<T>,
  ) => Promise<T | undefined>;
}

/** Stores articles in a library. */
export interface IngestPipeline {
  /** Stores an article's text; a duplicate (same text, or same URL) is reported, not stored again. */
  ingestArticle(
    libraryId: string,
    article: ArticleInput,
    onProgress?: (p: IngestProgress) => void,
    signal?: AbortSignal,
  ): Promise<IngestResult>;
}

/** An ingest pipeline over `deps`. */
export function createIngestPipeline(deps: IngestDeps): IngestPipeline {
  const { config, embedder, logger, withLibrary } = deps;
  return {
    async ingestArticle(libraryId, article, onProgress, signal) {
      const text = article.text;
      checkText(text, config.MAX_ARTICLE_CHARS);
      const contentHash = hashText(text);
      const url = article.url ?? null;
      const title = (article.title ?? "").trim() || fallbackTitle(text);
      const existing = await withLibrary(libraryId, true, (library) =>
        library.findDuplicate(contentHash, url),
      );
      if (existing)
        return {
          id: existing.id,
          title: existing.title,
          chunks: existing.chunks,
          duplicate: true,
          url: existing.url,
        };

      onProgress?.({ stage: "chunking" });
      const chunks = chunkText(text);
      // One identification an article: its passages are read (embedded, indexed) in its language.
      const language = identifyLanguage(text);
      const vectors = await embedAll(
        embedder,
        chunks.map((c) => c.text),
        language,
        onProgress,
        signal,
      );
      signal?.throwIfAborted();
      onProgress?.({ stage: "storing" });
      // Opened again after the awaits above: the library may have been closed meanwhile.
      const stored = await withLibrary(libraryId, true, async (library) => {
        const id = await articleId(libraryId, contentHash, (candidate) => library.hasArticle(candidate));
        const record = {
          id,
          title,
          url,
          byline: article.byline ?? null,
          publishedAt: article.publishedAt ?? null,
          text,
          contentHash,
          language,
        };
        return { id, result: await library.addArticle(record, chunks, vectors) };
      });
      const { id, result } = stored!;
      // Two ingests of the same article at once: the second finds the first's.
      if (result.duplicate) return { ...result.existing, duplicate: true };
      // The front ends log the one info line per ingest (with who asked and how long it took).
      logger.debug({ libraryId, articleId: id, chunks: chunks.length, chars: text.length }, "article stored");
      return { id, title, chunks: chunks.length, duplicate: false, url };
    },
  };
}

function checkText(text: string, maxChars: number): void {
  if (!/[\p{L}\p{N}]/u.test(text))
    throw new FootnoteError("EMPTY_ARTICLE", "There is no text to store: the article is empty.");
  if (text.length > maxChars)
    throw new FootnoteError(
      "TOO_LARGE",
      `The article has ${text.length.toLocaleString("en")} characters; the limit is ${maxChars.toLocaleString("en")} (MAX_ARTICLE_CHARS).`,
    );
}

async function embedAll(
  embedder: Embedder,
  texts: string[],
  language: string,
  onProgress?: (p: IngestProgress) => void,
  signal?: AbortSignal,
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    signal?.throwIfAborted();
    onProgress?.({ stage: "embedding", done: i, total: texts.length });
    vectors.push(...(await embedder.embedDocuments(texts.slice(i, i + EMBED_BATCH), language)));
  }
  onProgress?.({ stage: "embedding", done: texts.length, total: texts.length });
  return vectors;
}

/** Same text, same hash, whatever white space it was pasted with (how a duplicate is found). */
export function hashText(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex");
}

/** Short enough to type in `/forget <id>`, unique within the library. */
async function articleId(
  libraryId: string,
  contentHash: string,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  const digest = createHash("sha256").update(`${libraryId}\n${contentHash}`).digest("hex");
  for (let len = 8; len <= digest.length; len += 2) {
    const id = digest.slice(0, len);
    if (!(await taken(id))) return id;
  }
  throw new FootnoteError("STORE_ERROR", "Could not pick an id for the article.");
}

function fallbackTitle(text: string): string {
  const first = text.trim().split("\n")[0]!.trim();
  if (first.length <= 100) return first;
  return `${first.slice(0, 90).replace(/\s+\S*$/, "")}…`;
}

/**
 * What a footnote is built from, assembled from the config: the embedder, the answerer, the
 * storage backend, and the ingest and ask pipelines over them. The facade (footnote.ts) wraps
 * these parts; the eval, the benchmark and tests reach the parts themselves.
 */
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import { silentLogger, type Logger } from "../logger.ts";
import { createEmbedder, type Embedder } from "../embeddings/embedder.ts";
import type { VectorIndexParams } from "../library/embedded/vector-index.ts";
import { logIndexRebuilds } from "../library/embedded/rebuild-log.ts";
import type { Library, Storage } from "../library/storage.ts";
import { openStorage } from "../library/open-storage.ts";
import type { Answerer } from "../answer/types.ts";
import type { IngestPipeline } from "./ingest.ts";
import type { AskPipeline } from "./ask.ts";

/** What `createFootnote` takes; everything but the config has a default. */
export interface FootnoteDeps {
  config: Config;
  logger?: Logger;
  /** Defaults to the provider the config names. */
  embedder?: Embedder;
  /** Defaults to the answerer the config names. */
  answerer?: Answerer;
  /** Vector index settings beyond VECTOR_INDEX (the benchmark sets the HNSW ones). */
  hnsw?: Partial<VectorIndexParams>;
  /** Libraries kept open at once (each holds a database handle and its index in memory). */
  maxOpenLibraries?: number;
  /** Defaults to the backend the config names (DATABASE_URL or DATA_DIR). */
  storage?: Storage;
}

/** The parts of one footnote, sharing one storage. */
export interface FootnoteParts {
  readonly config: Config;
  readonly logger: Logger;
  readonly embedder: Embedder;
  readonly answerer: Answerer;
  readonly storage: Storage;
  readonly ingest: IngestPipeline;
  readonly ask: AskPipeline;
  /** Runs `use` with a library held open; undefined when it does not exist and `create` is false. */
  withLibrary: <T>(
    libraryId: string,
    create: boolean,
    use: (library: Library) => Promise<T>,
  ) => Promise<T | undefined>;
  /** Closes the storage; later calls are refused with a clear error. */
  close: () => Promise<void>;
}

/** Opens the parts the config (and `deps`) name. */
export async function openParts(deps: FootnoteDeps): Promise<FootnoteParts> {
  const { config } = deps;
  const logger = deps.logger ?? silentLogger();
  const embedder = deps.embedder ?? (await createEmbedder(config));
  if (embedder.identity.dimensions === 0) await embedder.probe?.();
  const answerer = deps.answerer ?? defaultAnswerer(config);
  const storage =
    deps.storage ??
    (await openStorage({
      config,
      identity: () => embedder.identity,
      vectorIndex: {
        kind: config.VECTOR_INDEX,
        ...(config.HNSW_EF_SEARCH ? { efSearch: config.HNSW_EF_SEARCH } : {}),
        onRebuild: logIndexRebuilds(logger),
        ...deps.hnsw,
      },
      maxOpenLibraries: deps.maxOpenLibraries,
    }));
  let closed = false;
  const ingest = once(async () =>
    (await import("./ingest.ts")).createIngestPipeline({ config, logger, embedder, withLibrary }),
  );
  const ask = once(async () =>
    (await import("./ask.ts")).createAskPipeline({ config, embedder, answerer, withLibrary }),
  );
  const withLibrary = <T>(libraryId: string, create: boolean, use: (library: Library) => Promise<T>) => {
    if (closed) throw new FootnoteError("STORE_ERROR", "footnote is shutting down; try again in a moment.");
    return storage.withLibrary(libraryId, create, use);
  };
  return {
    config,
    logger,
    embedder,
    answerer,
    storage,
    withLibrary,
    // Each pipeline, and the text and answer layers under it, loads on its first use: a
    // command that only lists articles never reads them.
    ingest: {
      ingestArticle: async (...args) => (await ingest()).ingestArticle(...args),
    },
    ask: {
      retrieval: async (...args) => (await ask()).retrieval(...args),
      askDetailed: async (...args) => (await ask()).askDetailed(...args),
    },
    async close() {
      if (closed) return;
      closed = true;
      await storage.close();
    },
  };
}

/** The answerer the config names, loaded with the first question (its name is known before). */
function defaultAnswerer(config: Config): Answerer {
  const load = once(async (): Promise<Answerer> => {
    if (config.ANSWERER === "chat") return (await import("../answer/chat.ts")).createChatAnswerer(config);
    return (await import("../answer/extractive.ts")).createExtractiveAnswerer();
  });
  return {
    name: config.ANSWERER === "chat" ? `chat:${config.CHAT_MODEL}` : "extractive",
    answer: async (...args) => (await load()).answer(...args),
  };
}

/** `load`, run on the first call only; later calls share its result. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

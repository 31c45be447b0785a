/**
 * What the library needs from an embeddings provider: Float32 vectors and an identity to
 * stamp on the index. Any LangChain `Embeddings` fits behind it; the built-in one skips the
 * number[] round trip.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../config.ts";
import { LOCAL_DEFAULT_DIMENSIONS } from "./local-model.ts";
import type { LocalHashEmbeddings } from "./local.ts";
import type { EmbeddingIdentity } from "./identity.ts";

/** Turns passages and questions into vectors; every vector of a library comes from one. */
export interface Embedder {
  readonly identity: EmbeddingIdentity;
  /**
   * `lang`, when the caller knows it (an article's, identified once), is the texts' language
   * (ISO 639-1); an embedder that reads words by language uses it instead of identifying each text.
   */
  embedDocuments(texts: string[], lang?: string): Promise<Float32Array[]>;
  /** A question's vector (its language identified from the text). */
  embedQuery(text: string): Promise<Float32Array>;
  /** Learns `identity.dimensions` from one vector when the provider does not say it. */
  probe?(): Promise<void>;
}

/** The built-in hashing embedder: no model, no key, no network. */
export function localEmbedder(dimensions = LOCAL_DEFAULT_DIMENSIONS, model = "footnote-hash-v1"): Embedder {
  // Its tokenizers, stemmers and language data load with the first text, not with the library:
  // `footnote list` needs only the identity.
  let local: Promise<LocalHashEmbeddings> | undefined;
  const ready = () =>
    (local ??= import("./local.ts").then(
      ({ LocalHashEmbeddings }) => new LocalHashEmbeddings({ dimensions }),
    ));
  return {
    identity: { provider: "local", model, dimensions },
    embedDocuments: async (texts, lang) => {
      const embeddings = await ready();
      return texts.map((t) => embeddings.vector(t, lang));
    },
    embedQuery: async (text) => (await ready()).vector(text),
  };
}

/** Wraps any LangChain Embeddings; `dimensions` is learnt from the first vector if unknown. */
export function langchainEmbedder(
  embeddings: Embeddings,
  identity: Omit<EmbeddingIdentity, "dimensions"> & { dimensions?: number },
): Embedder & Required<Pick<Embedder, "probe">> {
  const id: EmbeddingIdentity = {
    provider: identity.provider,
    model: identity.model,
    dimensions: identity.dimensions ?? 0,
  };
  return {
    identity: id,
    async probe() {
      if (id.dimensions === 0) id.dimensions = (await embeddings.embedQuery("dimension probe")).length;
    },
    async embedDocuments(texts) {
      const vectors = await embeddings.embedDocuments(texts);
      return vectors.map((v) => Float32Array.from(v));
    },
    async embedQuery(text) {
      return Float32Array.from(await embeddings.embedQuery(text));
    },
  };
}

/** The embedder the config names (EMBEDDINGS_PROVIDER). */
export async function createEmbedder(config: Config): Promise<Embedder> {
  if (config.EMBEDDINGS_PROVIDER === "local") {
    return localEmbedder(config.EMBEDDINGS_DIMENSIONS ?? LOCAL_DEFAULT_DIMENSIONS, config.EMBEDDINGS_MODEL);
  }
  const { createOpenAIEmbeddings } = await import("./openai.ts");
  const embedder = langchainEmbedder(createOpenAIEmbeddings(config), {
    provider: "openai",
    model: config.EMBEDDINGS_MODEL,
    dimensions: config.EMBEDDINGS_DIMENSIONS,
  });
  return embedder;
}

/**
 * Embeddings over the OpenAI protocol: OpenAI itself, or Ollama, vLLM, llama.cpp, LM Studio…
 * through OPENAI_BASE_URL.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import { displayBaseURL, mapProviderError } from "../providers/openai-errors.ts";

/** Texts per request: well under OpenAI's 2048-input cap, small enough for local servers. */
const BATCH_SIZE = 256;

/** Wraps OpenAIEmbeddings so every failure reaches callers as a coded FootnoteError. */
class OpenAIProtocolEmbeddings extends Embeddings {
  constructor(
    private readonly inner: OpenAIEmbeddings,
    private readonly config: Config,
  ) {
    // Retries happen inside `inner`; this wrapper makes no calls of its own.
    super({ maxRetries: 0 });
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    let vectors: number[][];
    try {
      vectors = await this.inner.embedDocuments(texts);
    } catch (error) {
      throw mapProviderError(error, "embeddings", this.config);
    }
    this.check(vectors, texts.length);
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    let vector: number[];
    try {
      vector = await this.inner.embedQuery(text);
    } catch (error) {
      throw mapProviderError(error, "embeddings", this.config);
    }
    this.check([vector], 1);
    return vector;
  }

  /** Servers that ignore `dimensions` (or answer short) would otherwise corrupt the index silently. */
  private check(vectors: unknown[], expected: number): void {
    const where = displayBaseURL(this.config);
    if (vectors.length !== expected || !vectors.every((v) => Array.isArray(v) && v.length > 0)) {
      throw new FootnoteError(
        "PROVIDER_ERROR",
        `The embeddings server at ${where} returned ${vectors.length} vectors for ${expected} texts: is EMBEDDINGS_MODEL="${this.config.EMBEDDINGS_MODEL}" an embeddings model?`,
      );
    }
    const first = (vectors[0] as number[]).length;
    const want = this.config.EMBEDDINGS_DIMENSIONS;
    if (want !== undefined && first !== want) {
      throw new FootnoteError(
        "PROVIDER_ERROR",
        `The embeddings server at ${where} returned ${first}-dimensional vectors, but EMBEDDINGS_DIMENSIONS=${want}: this model or server ignores the setting; unset EMBEDDINGS_DIMENSIONS or choose a model that supports it.`,
      );
    }
    if (vectors.some((v) => (v as number[]).length !== first)) {
      throw new FootnoteError(
        "PROVIDER_ERROR",
        `The embeddings server at ${where} returned vectors of different lengths in one batch.`,
      );
    }
  }
}

/** OpenAI's embeddings, or any OpenAI-compatible server's (OPENAI_BASE_URL), with errors mapped to FootnoteError codes. */
export function createOpenAIEmbeddings(config: Config, opts: { fetch?: typeof fetch } = {}): Embeddings {
  const inner = new OpenAIEmbeddings({
    model: config.EMBEDDINGS_MODEL,
    ...(config.EMBEDDINGS_DIMENSIONS !== undefined ? { dimensions: config.EMBEDDINGS_DIMENSIONS } : {}),
    // Local servers accept any key, but the SDK insists on one.
    apiKey: config.OPENAI_API_KEY ?? "not-needed",
    batchSize: BATCH_SIZE,
    // Newline stripping was advice for pre-v3 models; passages are embedded as stored.
    stripNewLines: false,
    // The SDK otherwise asks for base64, which several local servers ignore while still
    // answering with JSON floats, which the SDK then decodes into garbage of a quarter the length.
    encodingFormat: "float",
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    configuration: {
      // Explicit, so the SDK never falls back to environment variables behind Config's back.
      baseURL: config.OPENAI_BASE_URL ?? "https://api.openai.com/v1",
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    },
  });
  return new OpenAIProtocolEmbeddings(inner, config);
}

/** The vector length this provider produces, found by embedding one short text. */
export async function probeDimensions(e: Embeddings): Promise<number> {
  const vector = await e.embedQuery("dimension probe");
  return vector.length;
}

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Env } from "../../src/config.ts";
import { createOpenAIEmbeddings, probeDimensions } from "../../src/embeddings/openai.ts";
import { FootnoteError } from "../../src/errors.ts";
import {
  closedPort,
  fakeEmbedding,
  fakeOpenAIConfig,
  startFakeOpenAI,
  type FakeOpenAI,
} from "../helpers/fake-openai.ts";

const KEY = "sk-test-SECRET-0123456789abcdef";

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

function config(env: Env = {}) {
  return fakeOpenAIConfig(fake, { OPENAI_API_KEY: KEY, EMBEDDINGS_MODEL: "test-embed", ...env });
}

async function failure(promise: Promise<unknown>): Promise<FootnoteError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FootnoteError);
  return error as FootnoteError;
}

describe("createOpenAIEmbeddings", () => {
  it("returns the server's vectors with the configured dimensions, asking for floats", async () => {
    const e = createOpenAIEmbeddings(config({ EMBEDDINGS_DIMENSIONS: "64" }));
    const vectors = await e.embedDocuments(["first passage\nwith a newline", "second"]);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toEqual(fakeEmbedding("first passage\nwith a newline", 64));
    expect(vectors[1]).toEqual(fakeEmbedding("second", 64));

    const query = await e.embedQuery("a question");
    expect(query).toEqual(fakeEmbedding("a question", 64));

    const [req] = fake.requests;
    expect(req!.path).toBe("/v1/embeddings");
    expect(req!.body).toMatchObject({
      model: "test-embed",
      dimensions: 64,
      encoding_format: "float",
      input: ["first passage\nwith a newline", "second"],
    });
    expect(req!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("sends a placeholder key to a local server configured without one", async () => {
    const e = createOpenAIEmbeddings(config({ OPENAI_API_KEY: undefined }));
    expect(await probeDimensions(e)).toBe(32);
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer not-needed");
    expect(fake.requests[0]!.body).not.toHaveProperty("dimensions");
    expect(fake.requests[0]!.body.input).toBe("dimension probe");
  });

  it("splits large inputs into batches and keeps the order", async () => {
    const texts = Array.from({ length: 600 }, (_, i) => `passage number ${i}`);
    const vectors = await createOpenAIEmbeddings(config()).embedDocuments(texts);
    expect(vectors).toHaveLength(600);
    expect(vectors[0]).toEqual(fakeEmbedding("passage number 0", 32));
    expect(vectors[599]).toEqual(fakeEmbedding("passage number 599", 32));
    const sizes = fake.requests.map((r) => (r.body.input as string[]).length).sort((a, b) => b - a);
    expect(sizes).toEqual([256, 256, 88]);
  });

  it("the fake server answers base64 requests as the openai SDK decodes them", async () => {
    const res = await fetch(`${fake.baseURL}/embeddings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", input: "hello", dimensions: 16, encoding_format: "base64" }),
    });
    const { data } = (await res.json()) as { data: Array<{ embedding: string }> };
    const bytes = Buffer.from(data[0]!.embedding, "base64");
    expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4))).toEqual(
      fakeEmbedding("hello", 16),
    );
  });

  it("makes no request for no texts", async () => {
    expect(await createOpenAIEmbeddings(config()).embedDocuments([])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it("uses the fetch it is given", async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    await createOpenAIEmbeddings(config(), { fetch: counting }).embedQuery("hello");
    expect(calls).toBe(1);
  });

  it("refuses vectors of another length than EMBEDDINGS_DIMENSIONS (a server that ignores it)", async () => {
    const ignoring: typeof fetch = (input, init) => {
      const body = JSON.parse(String(init?.body));
      delete body.dimensions;
      return fetch(input, { ...init, body: JSON.stringify(body) });
    };
    const e = createOpenAIEmbeddings(config({ EMBEDDINGS_DIMENSIONS: "64" }), { fetch: ignoring });
    const error = await failure(e.embedQuery("hello"));
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.message).toContain("EMBEDDINGS_DIMENSIONS=64");
    expect(error.message).toContain("32-dimensional");
  });

  it("maps 401 to PROVIDER_AUTH without ever showing the key", async () => {
    fake.setFailure({
      status: 401,
      body: {
        error: {
          message: `Incorrect API key provided: ${KEY}.`,
          type: "invalid_request_error",
          code: "invalid_api_key",
        },
      },
    });
    const error = await failure(createOpenAIEmbeddings(config()).embedDocuments(["x"]));
    expect(error.code).toBe("PROVIDER_AUTH");
    expect(error.message).toContain("401");
    expect(error.message).toContain("OPENAI_API_KEY");
    for (const shown of [
      error.message,
      String(error),
      String(error.cause),
      String((error.cause as Error | undefined)?.stack),
    ]) {
      expect(shown).not.toContain(KEY);
    }
  });

  it("maps 403 to PROVIDER_AUTH", async () => {
    fake.setFailure({ status: 403 });
    const error = await failure(createOpenAIEmbeddings(config()).embedQuery("x"));
    expect(error.code).toBe("PROVIDER_AUTH");
  });

  it("maps 429 to PROVIDER_RATE_LIMIT", async () => {
    fake.setFailure({ status: 429 });
    const error = await failure(createOpenAIEmbeddings(config()).embedQuery("x"));
    expect(error.code).toBe("PROVIDER_RATE_LIMIT");
    expect(error.message).toMatch(/try again/i);
  });

  it("tells an exhausted quota apart from a rate limit", async () => {
    fake.setFailure({
      status: 429,
      body: {
        error: {
          message: "You exceeded your current quota, please check your plan and billing details.",
          type: "insufficient_quota",
          code: "insufficient_quota",
        },
      },
    });
    const error = await failure(createOpenAIEmbeddings(config()).embedQuery("x"));
    expect(error.code).toBe("PROVIDER_RATE_LIMIT");
    expect(error.message).toMatch(/quota/i);
  });

  it("maps a 404 to PROVIDER_ERROR naming EMBEDDINGS_MODEL", async () => {
    fake.setFailure({ status: 404 });
    const error = await failure(createOpenAIEmbeddings(config()).embedQuery("x"));
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.message).toContain("EMBEDDINGS_MODEL");
    expect(error.message).toContain("test-embed");
  });

  it("maps other statuses to PROVIDER_ERROR with the status", async () => {
    fake.setFailure({ status: 500 });
    const error = await failure(createOpenAIEmbeddings(config()).embedQuery("x"));
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.message).toContain("500");
  });

  it("retries as OPENAI_MAX_RETRIES says", async () => {
    fake.setFailure({ status: 500, times: 1 });
    const vector = await createOpenAIEmbeddings(config({ OPENAI_MAX_RETRIES: "1" })).embedQuery("x");
    expect(vector).toEqual(fakeEmbedding("x", 32));
    expect(fake.requests).toHaveLength(2);
  });

  it("maps a server that never answers to PROVIDER_TIMEOUT", async () => {
    fake.setDelay(Infinity);
    const started = Date.now();
    const error = await failure(
      createOpenAIEmbeddings(config({ OPENAI_TIMEOUT_MS: "1000" })).embedQuery("x"),
    );
    expect(error.code).toBe("PROVIDER_TIMEOUT");
    expect(error.message).toContain("OPENAI_TIMEOUT_MS");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("maps connection refused to PROVIDER_UNAVAILABLE naming the base URL", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const error = await failure(createOpenAIEmbeddings(config({ OPENAI_BASE_URL: url })).embedQuery("x"));
    expect(error.code).toBe("PROVIDER_UNAVAILABLE");
    expect(error.message).toContain(url);
  });
});

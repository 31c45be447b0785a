/**
 * A local HTTP server speaking enough of OpenAI's protocol for tests to drive the real
 * @langchain/openai client: chat completions (JSON and SSE streaming) and embeddings
 * (float or base64). It listens on 127.0.0.1 only and records every request.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig, type Config, type Env } from "../../src/config.ts";

export interface RecordedRequest {
  path: string;
  body: any;
  headers: IncomingHttpHeaders;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  [key: string]: unknown;
}

export type ChatReply = string | ((body: ChatRequestBody) => string);

export interface Failure {
  status: number;
  /** Defaults to an OpenAI-style error for the status. */
  body?: unknown;
  /** How many requests fail before the server answers normally again (default: all). */
  times?: number;
  headers?: Record<string, string>;
}

export interface FakeOpenAI {
  baseURL: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
  setChatReply(reply: ChatReply): void;
  setFailure(failure: Failure | null): void;
  /** Wait this long before answering; Infinity never answers. */
  setDelay(ms: number): void;
  /** While streaming, stop sending (without closing) after this many content chunks. */
  setStreamStall(afterChunks: number | null): void;
}

export interface FakeOpenAIOptions {
  chatReply?: ChatReply;
  /** Vector length when a request names no `dimensions`. */
  dimensions?: number;
  /** Characters per streamed content chunk. */
  streamChunkChars?: number;
}

/** The vector the fake returns for a text: deterministic, unit length, exact in float32. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  let state = h || 1;
  const raw: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    raw.push(state / 4294967296 - 0.5);
  }
  const norm = Math.hypot(...raw) || 1;
  return raw.map((v) => Math.fround(v / norm));
}

function defaultErrorBody(status: number): unknown {
  const known: Record<number, [string, string, string | null]> = {
    400: ["Bad request.", "invalid_request_error", null],
    401: [
      "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
      "invalid_request_error",
      "invalid_api_key",
    ],
    403: ["You are not allowed to use this model.", "invalid_request_error", "model_not_allowed"],
    404: [
      "The model does not exist or you do not have access to it.",
      "invalid_request_error",
      "model_not_found",
    ],
    429: ["Rate limit reached for requests. Please try again in 20s.", "requests", "rate_limit_exceeded"],
    500: ["The server had an error while processing your request.", "server_error", null],
  };
  const [message, type, code] = known[status] ?? [`Error ${status}.`, "server_error", null];
  return { error: { message, type, param: null, code } };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let chatReply: ChatReply = opts.chatReply ?? "NOT_FOUND";
  let failure: (Failure & { left: number }) | null = null;
  let delay = 0;
  let stallAfter: number | null = null;
  const chunkChars = opts.streamChunkChars ?? 8;
  const defaultDims = opts.dimensions ?? 32;
  const timers = new Set<NodeJS.Timeout>();
  let created = 0;

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const text = Buffer.concat(parts).toString("utf8");
      let body: any = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const path = (req.url ?? "/").split("?")[0]!;
      requests.push({ path, body, headers: req.headers });
      const respond = () => handle(path, req.method ?? "GET", body, res);
      if (delay === Infinity) return;
      if (delay > 0) {
        const t = setTimeout(() => {
          timers.delete(t);
          respond();
        }, delay);
        timers.add(t);
      } else respond();
    });
  });

  function handle(path: string, method: string, body: any, res: ServerResponse): void {
    if (failure && failure.left > 0) {
      failure.left--;
      const headers = { ...(failure.status === 429 ? { "retry-after": "1" } : {}), ...failure.headers };
      sendJson(res, failure.status, failure.body ?? defaultErrorBody(failure.status), headers);
      return;
    }
    if (method === "POST" && path === "/v1/chat/completions") return chat(body as ChatRequestBody, res);
    if (method === "POST" && path === "/v1/embeddings") return embeddings(body, res);
    sendJson(res, 404, {
      error: {
        message: `Unknown route ${method} ${path}`,
        type: "invalid_request_error",
        param: null,
        code: null,
      },
    });
  }

  function chat(body: ChatRequestBody, res: ServerResponse): void {
    const content = typeof chatReply === "function" ? chatReply(body) : chatReply;
    const id = `chatcmpl-fake${++created}`;
    const stamp = Math.floor(Date.now() / 1000);
    const usage = {
      prompt_tokens: 10,
      completion_tokens: Math.ceil(content.length / 4),
      total_tokens: 10 + Math.ceil(content.length / 4),
    };
    if (!body.stream) {
      sendJson(res, 200, {
        id,
        object: "chat.completion",
        created: stamp,
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: null },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage,
      });
      return;
    }
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: stamp, model: body.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
    res.write(chunk({ role: "assistant", content: "" }, null));
    for (let i = 0, n = 0; i < content.length; i += chunkChars, n++) {
      if (stallAfter !== null && n >= stallAfter) return; // Keep the connection open, send nothing more.
      res.write(chunk({ content: content.slice(i, i + chunkChars) }, null));
    }
    res.write(chunk({}, "stop"));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) {
      res.write(
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: stamp, model: body.model, choices: [], usage })}\n\n`,
      );
    }
    res.end("data: [DONE]\n\n");
  }

  function embeddings(body: any, res: ServerResponse): void {
    const inputs: unknown[] = Array.isArray(body?.input) ? body.input : [body?.input];
    if (inputs.some((t) => typeof t !== "string")) {
      sendJson(res, 400, {
        error: {
          message: "input must be a string or an array of strings",
          type: "invalid_request_error",
          param: "input",
          code: null,
        },
      });
      return;
    }
    const dims = typeof body.dimensions === "number" ? body.dimensions : defaultDims;
    const base64 = body.encoding_format === "base64";
    const data = (inputs as string[]).map((text, index) => {
      const vector = fakeEmbedding(text, dims);
      const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
      return { object: "embedding", index, embedding };
    });
    const tokens = (inputs as string[]).reduce((sum, t) => sum + Math.ceil(t.length / 4), 0);
    sendJson(res, 200, {
      object: "list",
      data,
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    setChatReply(reply) {
      chatReply = reply;
    },
    setFailure(f) {
      failure = f === null ? null : { ...f, left: f.times ?? Infinity };
    },
    setDelay(ms) {
      delay = ms;
    },
    setStreamStall(afterChunks) {
      stallAfter = afterChunks;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Settings that point footnote's OpenAI clients at `fake`, with no retries and a 5 s timeout
 * so that a failure shows at once; `env` goes over them (the test's key, model, data folder).
 */
export function fakeOpenAIConfig(fake: FakeOpenAI, env: Env = {}): Config {
  return loadConfig({
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_MAX_RETRIES: "0",
    OPENAI_TIMEOUT_MS: "5000",
    ...env,
  });
}

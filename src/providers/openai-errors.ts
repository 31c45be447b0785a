/**
 * Maps what @langchain/openai and the openai SDK throw to coded errors a user can act on.
 *
 * What arrives here: the SDK's APIError subclasses (with `.status`, `.code`, `.error`), which
 * LangChain tags with `lc_error_code` (MODEL_AUTHENTICATION, MODEL_RATE_LIMIT, MODEL_NOT_FOUND);
 * its timeouts re-thrown as a plain Error named "TimeoutError"; aborts named "AbortError";
 * APIConnectionError (no status) whose `cause` chain holds the socket error code; and 429s
 * its retry logic renamed (InsufficientQuotaError, RateLimitCapacityError…), status kept.
 */
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";

const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

type Bag = Record<string, unknown>;

function asBag(value: unknown): Bag | undefined {
  return typeof value === "object" && value !== null ? (value as Bag) : undefined;
}

/** The base URL as shown to users: the configured one without any user:password@. */
export function displayBaseURL(config: Config): string {
  const raw = config.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL;
  try {
    const url = new URL(raw);
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return raw;
  }
}

function serviceName(config: Config): string {
  return config.OPENAI_BASE_URL === undefined ? "The OpenAI API" : `The server at ${displayBaseURL(config)}`;
}

/** Removes the key (and anything shaped like an OpenAI key) from text we might show or log. */
function redact(text: string, config: Config): string {
  let out = text;
  const key = config.OPENAI_API_KEY;
  if (key && key.length >= 4) out = out.split(key).join("[redacted]");
  return out.replace(/\bsk-[A-Za-z0-9_*-]{8,}/g, "sk-[redacted]");
}

function statusOf(e: Bag): number | undefined {
  if (typeof e.status === "number") return e.status;
  const response = asBag(e.response);
  if (response && typeof response.status === "number") return response.status;
  return undefined;
}

/** Socket-level error codes anywhere along the `cause` chain. */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    const bag = asBag(current);
    if (!bag) break;
    if (typeof bag.code === "string") codes.push(bag.code);
    if (Array.isArray(bag.errors))
      for (const inner of bag.errors)
        if (typeof asBag(inner)?.code === "string") codes.push(asBag(inner)!.code as string);
    current = bag.cause;
  }
  return codes;
}

/** The provider's own words, minus LangChain's troubleshooting footer, redacted and bounded. */
function providerDetail(e: Bag, config: Config): string {
  const body = asBag(e.error);
  const raw =
    typeof body?.message === "string" ? body.message : typeof e.message === "string" ? e.message : "";
  const text = redact(raw.replace(/\s*Troubleshooting URL:\s*\S+\s*$/s, "").trim(), config);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Keeps the original error as the cause only when it cannot leak the key. */
function safeCause(error: unknown, config: Config): unknown {
  const e = asBag(error);
  if (!e) return error;
  let dump: string;
  try {
    dump = `${String(e.message)} ${String(e.stack)} ${JSON.stringify(e.error ?? null)}`;
  } catch {
    dump = `${String(e.message)} ${String(e.stack)}`;
  }
  if (redact(dump, config) === dump) return error;
  const clean = new Error(redact(typeof e.message === "string" ? e.message : "", config));
  clean.name = typeof e.name === "string" ? e.name : "Error";
  const status = statusOf(e);
  if (status !== undefined) Object.assign(clean, { status });
  return clean;
}

function isTimeout(e: Bag, codes: string[]): boolean {
  const name = typeof e.name === "string" ? e.name : "";
  const ctor = asBag(e.constructor)?.name;
  return (
    name === "TimeoutError" ||
    ctor === "APIConnectionTimeoutError" ||
    codes.includes("ETIMEDOUT") ||
    codes.includes("UND_ERR_HEADERS_TIMEOUT") ||
    codes.includes("UND_ERR_BODY_TIMEOUT") ||
    (name === "AbortError" && /timed? ?out/i.test(String(e.message)))
  );
}

export function mapProviderError(error: unknown, what: "embeddings" | "chat", config: Config): FootnoteError {
  if (error instanceof FootnoteError) return error;
  const e = asBag(error) ?? { message: String(error) };
  const cause = safeCause(error, config);
  const service = serviceName(config);
  const modelSetting = what === "chat" ? "CHAT_MODEL" : "EMBEDDINGS_MODEL";
  const model = what === "chat" ? config.CHAT_MODEL : config.EMBEDDINGS_MODEL;
  const task = what === "chat" ? "chat model" : "embeddings model";
  const status = statusOf(e);
  const lcCode = typeof e.lc_error_code === "string" ? e.lc_error_code : undefined;
  const codes = causeCodes(error);

  if (status === 401 || lcCode === "MODEL_AUTHENTICATION") {
    return new FootnoteError("PROVIDER_AUTH", `${service} refused the key (401): check OPENAI_API_KEY.`, {
      cause,
    });
  }
  if (status === 403) {
    return new FootnoteError(
      "PROVIDER_AUTH",
      `${service} refused access (403) to ${modelSetting}="${model}": check that OPENAI_API_KEY may use this model.`,
      { cause },
    );
  }
  if (status === 429 || lcCode === "MODEL_RATE_LIMIT") {
    const quota =
      codes.includes("insufficient_quota") ||
      e.name === "InsufficientQuotaError" ||
      /quota|billing|credit/i.test(String(e.message));
    return new FootnoteError(
      "PROVIDER_RATE_LIMIT",
      quota
        ? `${service} says the account is out of quota (429): check billing and usage limits for OPENAI_API_KEY.`
        : `${service} is rate-limiting requests (429): try again in a minute, or check the account's rate limits and quota.`,
      { cause },
    );
  }
  if (isTimeout(e, codes)) {
    return new FootnoteError(
      "PROVIDER_TIMEOUT",
      `The ${task} at ${displayBaseURL(config)} did not answer within OPENAI_TIMEOUT_MS (${config.OPENAI_TIMEOUT_MS} ms): try again, or raise OPENAI_TIMEOUT_MS for slow local models.`,
      { cause },
    );
  }
  if (
    status === undefined &&
    (codes.some((c) => UNREACHABLE_CODES.has(c)) || asBag(e.constructor)?.name === "APIConnectionError")
  ) {
    return new FootnoteError(
      "PROVIDER_UNAVAILABLE",
      `Could not reach ${displayBaseURL(config)}: is the server running, and is OPENAI_BASE_URL right?`,
      { cause },
    );
  }
  if (status === 404 || lcCode === "MODEL_NOT_FOUND") {
    return new FootnoteError(
      "PROVIDER_ERROR",
      `${service} has no ${task} "${model}" (404): check ${modelSetting}${config.OPENAI_BASE_URL === undefined ? "" : " (with Ollama, pull the model first) and that OPENAI_BASE_URL ends in /v1"}.`,
      { cause },
    );
  }
  if (e.name === "ContextOverflowError") {
    return new FootnoteError(
      "PROVIDER_ERROR",
      `The request is too long for the ${task} "${model}": ${what === "chat" ? "lower RETRIEVE_K or use a model with a larger context" : "use a model with a larger input limit"}.`,
      { cause },
    );
  }
  const detail = providerDetail(e, config);
  const statusText = status === undefined ? "" : ` (${status})`;
  const hint = status !== undefined && status >= 500 ? " This is usually temporary: try again shortly." : "";
  return new FootnoteError(
    "PROVIDER_ERROR",
    `${service} failed a ${task} request${statusText}${detail ? `: ${detail}` : "."}${hint}`,
    { cause },
  );
}

/**
 * Fetches one URL safely: http(s) only, the SSRF guard on every connection, redirects
 * followed by hand (each hop re-checked), a time limit on the whole fetch, and a size limit
 * counted while the body streams.
 */
import { STATUS_CODES } from "node:http";
import { Agent, fetch as undiciFetch } from "undici";
import type { Config } from "../config.ts";
import { FootnoteError, isFootnoteError } from "../errors.ts";
import { guardedConnector, parseUserUrl, urlProblem } from "./url-guard.ts";

export const USER_AGENT = "footnote/0.1 (+article reader)";
const MAX_REDIRECTS = 5;
const ACCEPT =
  "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/pdf;q=0.8,*/*;q=0.1";

export interface FetchedPage {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  /** The Content-Type header as sent, if any. */
  contentType: string | undefined;
  bytes: Uint8Array;
}

export interface FetchOptions {
  config: Config;
  signal?: AbortSignal;
  /** Called with the Content-Type before the body is read; throws to refuse the type. */
  accept?: (contentType: string | undefined) => void;
  fetch?: typeof fetch;
}

export async function fetchUrl(rawUrl: string, opts: FetchOptions): Promise<FetchedPage> {
  const { config } = opts;
  let url = parseUserUrl(rawUrl);
  const timeout = AbortSignal.timeout(config.FETCH_TIMEOUT_MS);
  const stop = new AbortController(); // ours: cuts the connection when the body is too large
  const signal = AbortSignal.any([timeout, stop.signal, ...(opts.signal ? [opts.signal] : [])]);
  const agent = new Agent({
    connect: guardedConnector({
      allowPrivate: config.ALLOW_PRIVATE_URLS,
      connectTimeoutMs: config.FETCH_CONNECT_TIMEOUT_MS,
    }),
  });
  const doFetch = (opts.fetch ?? undiciFetch) as (
    input: string,
    init: Record<string, unknown>,
  ) => Promise<Response>;
  const seen = new Set<string>([url.href]);

  try {
    for (let hop = 0; ; hop++) {
      const response = await doFetch(url.href, {
        redirect: "manual",
        signal,
        dispatcher: agent,
        headers: { "user-agent": USER_AGENT, accept: ACCEPT },
      });

      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel().catch(() => {});
        const next = nextHop(url, response.headers.get("location")!);
        if (hop + 1 > MAX_REDIRECTS || seen.has(next.href)) {
          throw new FootnoteError(
            "FETCH_FAILED",
            `The page at ${url.host} sent too many redirects (${seen.has(next.href) ? "a redirect loop" : `more than ${MAX_REDIRECTS}`}), so I stopped following it. Open the link in a browser and send the address it ends at.`,
          );
        }
        seen.add(next.href);
        url = next;
        continue;
      }

      if (response.status >= 400) {
        await response.body?.cancel().catch(() => {});
        throw httpError(response.status, url);
      }

      const contentType = response.headers.get("content-type") ?? undefined;
      try {
        opts.accept?.(contentType);
      } catch (error) {
        await response.body?.cancel().catch(() => {});
        throw error;
      }
      const bytes = await readBody(response, config.MAX_FETCH_BYTES, () => stop.abort());
      return { url: url.href, status: response.status, contentType, bytes };
    }
  } catch (error) {
    throw mapError(error, url, { timeout, user: opts.signal, config });
  } finally {
    agent.destroy().catch(() => {});
  }
}

function nextHop(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FootnoteError(
      "FETCH_FAILED",
      `The page at ${from.host} redirected to an invalid address ("${location.slice(0, 80)}").`,
    );
  }
  const problem = urlProblem(next);
  if (problem)
    throw new FootnoteError(
      "URL_REFUSED",
      `The page at ${from.host} redirected to a link I won't follow: ${problem}`,
    );
  return next;
}

async function readBody(response: Response, maxBytes: number, abort: () => void): Promise<Uint8Array> {
  const tooLarge = () =>
    new FootnoteError(
      "TOO_LARGE",
      `The page is larger than ${formatBytes(maxBytes)} (the MAX_FETCH_BYTES limit), so I did not read it. Send a shorter page or paste the part you need.`,
    );
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort(); // closes the connection instead of draining the rest
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts, total);
}

function httpError(status: number, url: URL): FootnoteError {
  const phrase = `${status} ${STATUS_CODES[status] ?? "Error"}`;
  let advice: string;
  if (status === 404 || status === 410) advice = "check the link";
  else if (status === 401 || status === 403)
    advice = "it may need a login or refuse automated readers; paste the article's text instead";
  else if (status === 429) advice = "the site is limiting requests; try again later";
  else if (status >= 500) advice = "the site has a problem on its side; try again later";
  else advice = "check the link";
  return new FootnoteError("FETCH_FAILED", `The page answered ${phrase}: ${advice}. (${url.host})`);
}

function mapError(
  error: unknown,
  url: URL,
  ctx: { timeout: AbortSignal; user?: AbortSignal; config: Config },
): unknown {
  if (ctx.user?.aborted) return ctx.user.reason ?? error;
  const own = findInChain(error, (e) => isFootnoteError(e));
  if (own) return own;
  if (ctx.timeout.aborted) {
    return new FootnoteError(
      "FETCH_TIMEOUT",
      `${url.host} did not send the page within ${seconds(ctx.config.FETCH_TIMEOUT_MS)}. Try again later, or paste the article's text instead.`,
      { cause: error },
    );
  }
  const coded = findInChain(error, (e) => typeof (e as { code?: unknown }).code === "string") as
    { code: string; message?: string } | undefined;
  const code = coded?.code ?? "";
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return new FootnoteError(
      "FETCH_TIMEOUT",
      `I could not connect to ${url.host} within ${seconds(ctx.config.FETCH_CONNECT_TIMEOUT_MS)}. Check the link or try again later.`,
      { cause: error },
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") {
    return new FootnoteError("FETCH_FAILED", `I could not find the site ${url.hostname}: check the link.`, {
      cause: error,
    });
  }
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new FootnoteError(
      "FETCH_FAILED",
      `The secure connection to ${url.host} failed (a certificate problem, ${code}).`,
      { cause: error },
    );
  }
  const detail =
    code ||
    (error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error));
  return new FootnoteError(
    "FETCH_FAILED",
    `I could not fetch ${url.host} (${detail}). Check the link or try again later.`,
    { cause: error },
  );
}

function findInChain(error: unknown, test: (e: object) => boolean): object | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    if (test(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function seconds(ms: number): string {
  const n = Math.round(ms / 100) / 10;
  return `${n} second${n === 1 ? "" : "s"}`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * Every failure a user can meet carries a stable code and a message that says what to do.
 * Providers, fetchers and parsers map their own errors to these, so the CLI and the bot can
 * show `error.message` as it is and tests can assert on `error.code`.
 */
export type ErrorCode =
  | "INVALID_CONFIG"
  | "BAD_INPUT"
  | "EMPTY_ARTICLE"
  | "TOO_LARGE"
  | "UNSUPPORTED_TYPE"
  | "BINARY_INPUT"
  | "NO_ARTICLE"
  | "URL_REFUSED"
  | "FETCH_FAILED"
  | "FETCH_TIMEOUT"
  | "NOT_FOUND"
  | "INDEX_MISMATCH"
  | "STORE_ERROR"
  | "PROVIDER_AUTH"
  | "PROVIDER_RATE_LIMIT"
  | "PROVIDER_TIMEOUT"
  | "PROVIDER_UNAVAILABLE"
  | "PROVIDER_ERROR";

export class FootnoteError extends Error {
  override readonly name = "FootnoteError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isFootnoteError(error: unknown, code?: ErrorCode): error is FootnoteError {
  return error instanceof FootnoteError && (code === undefined || error.code === code);
}

/** A message fit to show a user: ours as written, anything else as a generic line. */
export function userMessage(error: unknown): string {
  if (error instanceof FootnoteError) return error.message;
  return "Something went wrong on our side. Please try again; if it keeps happening, tell the bot's admin.";
}

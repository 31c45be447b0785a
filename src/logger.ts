/**
 * Structured logs with pino. Secrets never reach a log line: known secret fields are redacted
 * by path, and `redactSecrets` scrubs token-shaped strings out of free text (error messages
 * from HTTP clients can carry the bot token inside a URL, and a database driver's the
 * connection string with its password).
 */
import pino, { type Logger } from "pino";
import { build as prettyStream } from "pino-pretty";
import type { Config } from "./config.ts";

export type { Logger };

const SECRET_PATHS = [
  "token",
  "apiKey",
  "api_key",
  "authorization",
  "secret",
  "password",
  "connectionString",
  "*.token",
  "*.apiKey",
  "*.api_key",
  "*.authorization",
  "*.secret",
  "*.password",
  "*.connectionString",
  "config.OPENAI_API_KEY",
  "config.TELEGRAM_BOT_TOKEN",
  "config.WEBHOOK_SECRET",
  "OPENAI_API_KEY",
  "TELEGRAM_BOT_TOKEN",
  "WEBHOOK_SECRET",
  'headers["x-telegram-bot-api-secret-token"]',
  "headers.authorization",
];

/**
 * Bot tokens (123456:ABC…), OpenAI-style keys (sk-…), bearer headers, and passwords in any URL
 * (postgres://user:password@host, whether or not it is DATABASE_URL: `migrate --to` takes
 * another) or in a `password=` parameter of a connection string.
 */
const TOKEN_PATTERNS: RegExp[] = [
  /(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}/g,
  /\bsk-[A-Za-z0-9_-]{8,}\b/g,
  /(Bearer\s+)[A-Za-z0-9._~+/-]+=*/gi,
  /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)[^\s/?#]+(?=@)/gi,
  /(\bpassword\s*=\s*)(?:'[^']*'|[^\s&;]+)/gi,
];

/** A secret and the forms it can take in a URL or a log line: encoded, or a bot token's second half. */
function secretForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret)];
  const half = /^\d+:(.+)$/.exec(secret)?.[1];
  if (half) forms.push(half);
  return forms;
}

export function redactSecrets(text: string, extra: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of extra) {
    if (!secret || secret.length < 6) continue;
    for (const form of secretForms(secret)) if (form.length >= 6) out = out.split(form).join("[redacted]");
  }
  for (const pattern of TOKEN_PATTERNS)
    out = out.replace(pattern, (_m, prefix?: string) =>
      typeof prefix === "string" ? `${prefix}[redacted]` : "[redacted]",
    );
  return out;
}

/**
 * Where logs go: standard error, as one line of text each when it is a terminal (pino-pretty,
 * written synchronously so nothing is lost at exit) and as JSON lines otherwise, for a log
 * collector. LOG_FORMAT forces one or the other.
 */
function logDestination(
  format: Config["LOG_FORMAT"],
  stream: pino.DestinationStream | undefined,
): pino.DestinationStream {
  const pretty = format === "pretty" || (format === "auto" && !stream && process.stderr.isTTY === true);
  if (!pretty) return stream ?? pino.destination({ dest: 2, sync: true });
  return prettyStream({
    destination: stream ?? 2,
    sync: true,
    colorize: !stream && process.stderr.isTTY === true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,app",
    singleLine: true,
  });
}

/** The password of a database URL, as written in it (percent-encoded) and as the driver reads it. */
export function urlPassword(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const { password } = new URL(url);
    if (!password) return [];
    return [password, decodeURIComponent(password)];
  } catch {
    // Not a URL the parser takes: the driver will refuse it too, but it may still be echoed.
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:(.+)@[^@]*$/i.exec(url);
    return m ? [m[1]!] : [];
  }
}

export function createLogger(
  config: Pick<Config, "LOG_LEVEL" | "OPENAI_API_KEY" | "TELEGRAM_BOT_TOKEN" | "WEBHOOK_SECRET"> &
    Partial<Pick<Config, "LOG_FORMAT" | "DATABASE_URL">>,
  destination?: pino.DestinationStream,
): Logger {
  const secrets = [
    config.OPENAI_API_KEY,
    config.TELEGRAM_BOT_TOKEN,
    config.WEBHOOK_SECRET,
    ...urlPassword(config.DATABASE_URL),
  ];
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { app: "footnote" },
      redact: { paths: SECRET_PATHS, censor: "[redacted]" },
      formatters: { log: (obj) => scrubObject(obj, secrets) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // logger.error(err) would put the raw message in `msg`: log it as { err } instead.
          if (args[0] instanceof Error)
            args = [
              { err: args[0] },
              ...(args.length > 1 ? args.slice(1) : [args[0].message]),
            ] as typeof args;
          const scrubbed = args.map((a) => (typeof a === "string" ? redactSecrets(a, secrets) : a));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: { err: (e: unknown) => scrubObject(plainError(e), secrets) },
    },
    logDestination(config.LOG_FORMAT ?? "auto", destination),
  );
}

/** pino's own error serializer keeps fields on a prototype, which scrubbing would lose. */
function plainError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  const out: Record<string, unknown> = { type: e.name, message: e.message, stack: e.stack };
  const code = (e as { code?: unknown }).code;
  if (code !== undefined) out.code = code;
  if (e.cause !== undefined) out.cause = plainError(e.cause);
  return out;
}

function scrubObject(value: unknown, secrets: ReadonlyArray<string | undefined>, depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  // Errors are left to the err serializer, which scrubs them as plain objects.
  if (depth > 12 || value === null || typeof value !== "object" || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => scrubObject(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubObject(v, secrets, depth + 1);
  return out;
}

/** A logger that drops everything, for library use and tests. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

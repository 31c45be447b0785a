/**
 * The one place that reads settings. Everything else receives a `Config`.
 * Settings come from the environment (and a `.env` file: readEnv), are validated
 * here, and a bad one is reported by name with what it should be.
 */
import dotenv from "dotenv";
import { z } from "zod";
import { FootnoteError } from "./errors.ts";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A comma list of Telegram ids, or `*` for everyone. Empty means nobody. */
const idList = z.string().transform((v, ctx) => {
  const trimmed = v.trim();
  if (trimmed === "*") return "*" as const;
  if (trimmed === "") return [] as number[];
  const ids = trimmed
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const out: number[] = [];
  for (const id of ids) {
    if (!/^-?\d+$/.test(id)) {
      ctx.addIssue({
        code: "custom",
        message: `"${id}" is not a numeric Telegram id; use a comma list of ids, or *`,
      });
      return z.NEVER;
    }
    out.push(Number(id));
  }
  return out;
});

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  /** postgres://… puts every library in PostgreSQL with pgvector (docs/storage.md); unset, DATA_DIR holds them. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** Connections each process opens to DATABASE_URL. */
  DATABASE_POOL_SIZE: int(1, 100).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** auto: one readable line per event when standard error is a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),

  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENAI_TIMEOUT_MS: int(1000, 600_000).default(60_000),
  OPENAI_MAX_RETRIES: int(0, 10).default(2),

  EMBEDDINGS_PROVIDER: z.enum(["local", "openai"]).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  EMBEDDINGS_DIMENSIONS: int(16, 8192).optional(),
  VECTOR_INDEX: z.enum(["auto", "flat", "hnsw"]).default("auto"),
  /** Unset: the vector index's own default (DEFAULT_HNSW). */
  HNSW_EF_SEARCH: int(10, 5000).optional(),

  ANSWERER: z.enum(["extractive", "chat"]).optional(),
  CHAT_MODEL: z.string().min(1).default("gpt-4o-mini"),
  CHAT_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),

  RETRIEVE_K: int(1, 20).default(5),

  FETCH_TIMEOUT_MS: int(1000, 300_000).default(20_000),
  FETCH_CONNECT_TIMEOUT_MS: int(500, 60_000).default(5_000),
  MAX_FETCH_BYTES: int(1024, 1024 ** 3).default(10 * 1024 * 1024),
  MAX_ARTICLE_CHARS: int(100, 100_000_000).default(2_000_000),
  ALLOW_PRIVATE_URLS: bool.default(false),

  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, "looks like 123456:ABC-DEF…, as BotFather gives it")
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
  WEBHOOK_URL: z.url({ protocol: /^https$|^http$/ }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
  WEBHOOK_PORT: int(1, 65535).default(8080),
  WEBHOOK_HOST: z.string().default("0.0.0.0"),
  ALLOWED_USER_IDS: idList.default([]),
  ALLOWED_CHAT_IDS: idList.default([]),
  ADMIN_USER_IDS: idList.default([]),
  INGEST: z.enum(["everyone", "admins"]).default("everyone"),
  LIBRARY_SCOPE: z.enum(["chat", "shared"]).default("chat"),
  MAX_QUESTION_CHARS: int(10, 4000).default(500),
  RATE_LIMIT_QUESTIONS_PER_MINUTE: int(1, 1000).default(20),
  RATE_LIMIT_INGESTS_PER_MINUTE: int(1, 1000).default(5),
  /** Follow-up questions: turns remembered per conversation, and for how long. */
  CONVERSATION_TURNS: int(1, 100).default(8),
  CONVERSATION_TTL_MINUTES: int(1, 60 * 24 * 30).default(120),
});

export type Env = Record<string, string | undefined>;

/**
 * The process's settings: its environment, over a `.env` file in the working directory
 * (the environment wins). Read into a copy, so `process.env` itself is never changed.
 */
export function readEnv(): Env {
  const env: Env = { ...process.env };
  dotenv.config({ quiet: true, processEnv: env });
  return env;
}

type Parsed = z.infer<typeof schema>;

export interface Config extends Omit<Parsed, "EMBEDDINGS_PROVIDER" | "EMBEDDINGS_MODEL" | "ANSWERER"> {
  EMBEDDINGS_PROVIDER: "local" | "openai";
  EMBEDDINGS_MODEL: string;
  ANSWERER: "extractive" | "chat";
}

export const LOCAL_EMBEDDINGS_MODEL = "footnote-hash-v1";
export const OPENAI_EMBEDDINGS_MODEL = "text-embedding-3-small";

/**
 * Validates settings. With an OpenAI key (or a base URL for a local server) the OpenAI
 * providers become the defaults; without, everything runs offline on the built-in ones.
 */
export function loadConfig(env: Env = process.env): Config {
  // Empty strings in .env files mean "unset", as most tools read them.
  const cleaned: Env = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== "") cleaned[k] = v.trim();

  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(settings)";
      const got =
        cleaned[name] === undefined || /KEY|TOKEN|SECRET/.test(name) ? "" : ` (got "${cleaned[name]}")`;
      return `${name}: ${issue.message}${got}`;
    });
    throw new FootnoteError(
      "INVALID_CONFIG",
      `Invalid setting${lines.length > 1 ? "s" : ""}:\n  ${lines.join("\n  ")}\nSee .env.example for every setting and its meaning.`,
    );
  }
  const p = result.data;
  const remote = p.OPENAI_API_KEY !== undefined || p.OPENAI_BASE_URL !== undefined;
  const provider = p.EMBEDDINGS_PROVIDER ?? (remote ? "openai" : "local");
  const answerer = p.ANSWERER ?? (remote ? "chat" : "extractive");
  if ((provider === "openai" || answerer === "chat") && !remote) {
    throw new FootnoteError(
      "INVALID_CONFIG",
      `${provider === "openai" ? "EMBEDDINGS_PROVIDER=openai" : "ANSWERER=chat"} needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server such as Ollama).`,
    );
  }
  if (p.OPENAI_BASE_URL && /^[a-z]+:\/\/[^/]*@/i.test(p.OPENAI_BASE_URL)) {
    throw new FootnoteError(
      "INVALID_CONFIG",
      "OPENAI_BASE_URL must not hold a user name or password: put the key in OPENAI_API_KEY.",
    );
  }
  if (p.WEBHOOK_URL && !p.WEBHOOK_SECRET) {
    throw new FootnoteError(
      "INVALID_CONFIG",
      "WEBHOOK_URL is set but WEBHOOK_SECRET is not: set a random secret so the webhook can refuse requests that do not come from Telegram.",
    );
  }
  return {
    ...p,
    EMBEDDINGS_PROVIDER: provider,
    EMBEDDINGS_MODEL:
      p.EMBEDDINGS_MODEL ?? (provider === "openai" ? OPENAI_EMBEDDINGS_MODEL : LOCAL_EMBEDDINGS_MODEL),
    ANSWERER: answerer,
  };
}

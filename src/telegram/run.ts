/**
 * Running the bot: long polling through @grammyjs/runner, or a webhook served over node's
 * http when WEBHOOK_URL is set. Stops when `signal` aborts, after in-flight updates finish.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { run } from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import { BotError, GrammyError, HttpError, webhookCallback } from "grammy";
import type { LanguageCode, Update } from "grammy/types";
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { Footnote } from "../types.ts";
import { nobodyAllowed } from "./access.ts";
import { createBot, missingTokenError } from "./bot.ts";
import { commandMenu } from "./commands.ts";
import { DEFAULT_LOCALE, LOCALES } from "./i18n.ts";
import { Inflight } from "./inflight.ts";
import type { Conversations } from "../conversation/conversation.ts";
import { telegramFailure } from "./reply.ts";
import type { ReplicaState } from "../replicas/state.ts";

/** grammY types signals with a polyfill's type; at run time they are the platform's. */
type GrammySignal = Parameters<Bot["init"]>[0];
type RunnerSignal = Parameters<Parameters<typeof run>[0]["api"]["getUpdates"]>[1];

export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export interface RunBotOptions {
  config: Config;
  logger: Logger;
  footnote: Footnote;
  signal?: AbortSignal;
  /** How long shutdown waits for updates in flight. */
  shutdownTimeoutMs?: number;
  /** Chat history (persisted); createBot keeps one in memory without it. */
  conversations?: Conversations;
  /** Called once the bot is known to Telegram and about to take updates. */
  onStarted?: (info: {
    username: string;
    mode: "polling" | "webhook";
    webhook?: string;
  }) => void | Promise<void>;
  /** Claimed updates and rate limits, shared by replicas (the storage's). */
  replicas?: ReplicaState;
}

export async function runBot(opts: RunBotOptions): Promise<void> {
  const { config, logger, footnote, signal } = opts;
  if (!config.TELEGRAM_BOT_TOKEN) throw missingTokenError();
  logAccess(config, logger);
  const inflight = new Inflight();
  const bot = createBot({
    config,
    footnote,
    logger,
    inflight,
    replicas: opts.replicas,
    ...(opts.conversations ? { conversations: opts.conversations } : {}),
  });
  try {
    await bot.init(signal as GrammySignal);
  } catch (e) {
    if (signal?.aborted) return;
    throw startError(e, config);
  }
  await registerCommands(bot, logger);
  if (signal?.aborted) return;
  const mode = config.WEBHOOK_URL ? "webhook" : "polling";
  logger.info({ username: bot.botInfo.username, mode }, `bot @${bot.botInfo.username} started (${mode})`);
  await opts.onStarted?.({
    username: bot.botInfo.username,
    mode,
    ...(config.WEBHOOK_URL ? { webhook: new URL(config.WEBHOOK_URL).origin } : {}),
  });
  if (config.WEBHOOK_URL) await serveWebhook(bot, config, logger, signal);
  else await poll(bot, logger, signal);
  const idle = await inflight.idle(opts.shutdownTimeoutMs ?? 25_000);
  if (!idle)
    logger.warn({ inFlight: inflight.size }, "stopped without waiting longer for updates still in flight");
  logger.info("bot stopped");
}

function logAccess(config: Config, logger: Logger): void {
  if (nobodyAllowed(config)) {
    logger.warn(
      "Nobody is allowed to use this bot yet: ALLOWED_USER_IDS, ALLOWED_CHAT_IDS and ADMIN_USER_IDS are all empty. " +
        "Set ALLOWED_USER_IDS to your Telegram user id (the bot replies with it when you write to it), or * to let everyone in.",
    );
  } else if (config.ALLOWED_USER_IDS === "*" || config.ALLOWED_CHAT_IDS === "*") {
    logger.info("Everyone may use this bot (an allow list is *).");
  }
}

/**
 * The command menu in English for everyone, then in each translated language for users whose
 * Telegram speaks it. A nicety: failures are not fatal, and are logged as one line with
 * Telegram's own words (not one line per language). A network failure stops the rest, which
 * would only wait out the same retries.
 */
async function registerCommands(bot: Bot, logger: Logger): Promise<void> {
  const locales = [DEFAULT_LOCALE, ...LOCALES.filter((l) => l !== DEFAULT_LOCALE)];
  const failed: string[] = [];
  let first: unknown;
  for (const [i, locale] of locales.entries()) {
    try {
      await bot.api.setMyCommands(
        commandMenu(locale),
        locale === DEFAULT_LOCALE ? {} : { language_code: locale as LanguageCode },
      );
    } catch (e) {
      first ??= e;
      if (e instanceof HttpError) {
        failed.push(...locales.slice(i));
        break;
      }
      failed.push(locale);
    }
  }
  if (failed.length === 0) return;
  logger.warn(
    { ...telegramFailure(first), locales: failed },
    `could not register the command menu (setMyCommands) in ${failed.length} of ${locales.length} languages`,
  );
}

function startError(e: unknown, config: Config): unknown {
  if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404)) {
    return new FootnoteError(
      "INVALID_CONFIG",
      `Telegram refused TELEGRAM_BOT_TOKEN (${telegramSaid(e)}): check it is the token @BotFather gave you (or ask BotFather for a new one).`,
      { cause: e },
    );
  }
  if (e instanceof GrammyError) {
    return new FootnoteError("PROVIDER_ERROR", `Telegram refused getMe (${telegramSaid(e)}).`, { cause: e });
  }
  if (e instanceof HttpError) {
    return new FootnoteError(
      "PROVIDER_UNAVAILABLE",
      `Could not reach the Telegram Bot API at ${config.TELEGRAM_API_ROOT} (${telegramSaid(e)}); check the network (or TELEGRAM_API_ROOT).`,
      { cause: e },
    );
  }
  return e;
}

/** Telegram's own words for a failed call: "401: Unauthorized", or what the network said. */
function telegramSaid(e: unknown): string {
  const { reason, code } = telegramFailure(e);
  return code === undefined ? reason : `${code}: ${reason}`;
}

const aborted = (signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (!signal) return; // runs until the process ends
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });

async function poll(bot: Bot, logger: Logger, signal: AbortSignal | undefined): Promise<void> {
  try {
    // getUpdates is refused while a webhook is set.
    await bot.api.deleteWebhook();
  } catch (e) {
    logger.warn(telegramFailure(e), "deleteWebhook failed");
  }
  // The runner takes a bot-like object: this one logs fetch errors through our logger
  // instead of the runner printing them to the console.
  const source = {
    handleUpdate: (update: Update) => bot.handleUpdate(update),
    errorHandler: (err: unknown) =>
      bot.errorHandler(
        err instanceof BotError ? (err as BotError<Context>) : new BotError(err, undefined as never),
      ),
    api: {
      getUpdates: async (args: { offset: number; limit: number; timeout: number }, s: RunnerSignal) => {
        try {
          return await bot.api.getUpdates({ ...args, allowed_updates: [...ALLOWED_UPDATES] }, s);
        } catch (e) {
          if (!s.aborted) logger.warn(telegramFailure(e), "getUpdates failed; retrying");
          throw e;
        }
      },
    },
  };
  const runner = run(source, {
    runner: { fetch: { allowed_updates: ALLOWED_UPDATES, timeout: 30 }, silent: true },
  });
  const task = runner.task() ?? Promise.resolve();
  let failure: unknown;
  const ended = await Promise.race([
    aborted(signal).then(() => "stop" as const),
    task.then(
      () => "ended" as const,
      (e: unknown) => {
        failure = e;
        return "failed" as const;
      },
    ),
  ]);
  if (runner.isRunning()) await runner.stop();
  if (ended === "failed") throw pollError(failure);
}

function pollError(e: unknown): unknown {
  if (e instanceof GrammyError && e.error_code === 409) {
    return new FootnoteError(
      "INVALID_CONFIG",
      `Telegram says something else is receiving this bot's updates (${telegramSaid(e)}): stop the other copy of the bot, or remove its webhook.`,
      { cause: e },
    );
  }
  if (e instanceof GrammyError && e.error_code === 401) {
    return new FootnoteError(
      "INVALID_CONFIG",
      `Telegram refused TELEGRAM_BOT_TOKEN (${telegramSaid(e)}): check it is the token @BotFather gave you.`,
      { cause: e },
    );
  }
  return e;
}

async function serveWebhook(
  bot: Bot,
  config: Config,
  logger: Logger,
  signal: AbortSignal | undefined,
): Promise<void> {
  const url = new URL(config.WEBHOOK_URL!);
  const secret = config.WEBHOOK_SECRET;
  if (!secret) throw new FootnoteError("INVALID_CONFIG", "WEBHOOK_URL is set but WEBHOOK_SECRET is not.");
  const server = createWebhookServer(bot, { path: url.pathname, secret, logger });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.WEBHOOK_PORT, config.WEBHOOK_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  try {
    await bot.api.setWebhook(url.href, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (e) {
    await closeServer(server);
    const why = e instanceof GrammyError ? `: ${e.description}` : "";
    throw new FootnoteError(
      "INVALID_CONFIG",
      `Telegram refused the webhook ${url.origin}${url.pathname}${why}. WEBHOOK_URL must be a public https URL.`,
      { cause: e },
    );
  }
  logger.info(
    { path: url.pathname, host: config.WEBHOOK_HOST, port: config.WEBHOOK_PORT },
    "webhook listening",
  );
  await aborted(signal);
  await closeServer(server);
}

/**
 * Serves the webhook at `path`. Requests without Telegram's secret header get 401. Updates
 * slower than a few seconds are answered 200 early and keep running, so Telegram does not
 * time out and deliver them again.
 */
export function createWebhookServer(
  bot: Bot,
  opts: { path: string; secret: string; logger: Logger },
): Server {
  const callback = webhookCallback(bot, "http", {
    secretToken: opts.secret,
    onTimeout: "return",
    timeoutMilliseconds: 5_000,
  });
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== opts.path) return void res.writeHead(404).end();
    if (req.method !== "POST") return void res.writeHead(405, { Allow: "POST" }).end();
    callback(req, res).catch(async (e: unknown) => {
      if (e instanceof BotError) {
        // Already a handled update as far as Telegram is concerned: a retry would fail again.
        await Promise.resolve(bot.errorHandler(e as BotError<Context>)).catch(() => {});
        if (!res.headersSent) res.writeHead(200).end();
        return;
      }
      opts.logger.warn({ err: e }, "bad webhook request");
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

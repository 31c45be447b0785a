/**
 * The bot: plugins, access control and one composer per feature. Built from its
 * dependencies so tests can drive it with `handleUpdate` and a recording API transformer.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, HttpError, type BotError, type Context, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { Footnote } from "../types.ts";
import { Conversations } from "../conversation/conversation.ts";
import { SqliteConversationStore } from "../conversation/sqlite-store.ts";
import { accessGuard } from "./access.ts";
import type { FeatureDeps } from "./deps.ts";
import { askFeature } from "./features/ask.ts";
import { autoreadFeature } from "./features/autoread.ts";
import { forgetFeature } from "./features/forget.ts";
import { helpFeature } from "./features/help.ts";
import { ingestFeature } from "./features/ingest.ts";
import { listFeature } from "./features/list.ts";
import { messageFeature } from "./features/message.ts";
import { newFeature } from "./features/new.ts";
import { smallTalkFeature } from "./features/small-talk.ts";
import { suggestedFeature } from "./features/suggested.ts";
import { summaryFeature } from "./features/summary.ts";
import { truncate } from "./html.ts";
import type { Inflight } from "./inflight.ts";
import { MemoryReplicaState, type ReplicaState } from "../replicas/state.ts";
import { localizedError } from "./messages.ts";
import { logFailure, telegramFailure } from "./reply.ts";

export interface BotDeps {
  config: Config;
  footnote: Footnote;
  logger: Logger;
  /** Skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** Counts handlers in flight, for a graceful shutdown. */
  inflight?: Inflight;
  /** Chat history; defaults to one kept in memory (tests). */
  conversations?: Conversations;
  /** Claimed updates and rate limits, shared by replicas (default: this process's memory). */
  replicas?: ReplicaState;
}

export function missingTokenError(): FootnoteError {
  return new FootnoteError(
    "INVALID_CONFIG",
    "TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (/newbot) and set TELEGRAM_BOT_TOKEN to the token it gives you.",
  );
}

export function createBot(deps: BotDeps): Bot {
  const { config, footnote, logger } = deps;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw missingTokenError();
  const bot = new Bot(token, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  // 429s wait for retry_after; 5xx back off (3 s, 6 s, …); network errors get their own bounded retry.
  bot.api.config.use(
    retryNetworkErrors(logger),
    autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true }),
  );

  const replicas = deps.replicas ?? new MemoryReplicaState();
  const featureDeps: FeatureDeps = {
    config,
    footnote,
    logger,
    token,
    conversations:
      deps.conversations ??
      new Conversations(
        footnote,
        new SqliteConversationStore(":memory:", {
          maxTurns: config.CONVERSATION_TURNS,
          ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
        }),
        logger,
      ),
    limits: {
      questions: replicas.limiter("questions", config.RATE_LIMIT_QUESTIONS_PER_MINUTE),
      ingests: replicas.limiter("ingests", config.RATE_LIMIT_INGESTS_PER_MINUTE),
    },
  };

  if (deps.inflight) bot.use(deps.inflight.middleware);
  // Each update once, whichever replica Telegram's re-delivery reaches.
  bot.use(async (ctx, next) => {
    if (await replicas.claimUpdate(ctx.update.update_id)) await next();
    else logger.debug({ updateId: ctx.update.update_id }, "update already taken; skipped");
  });
  // One chat's updates in order (an ingest finishes before the question about it is answered).
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));
  const onError = (err: BotError) => apologize(err, logger);
  bot.errorBoundary(
    onError,
    accessGuard(config, logger),
    helpFeature(featureDeps),
    newFeature(featureDeps),
    ingestFeature(featureDeps),
    listFeature(featureDeps),
    forgetFeature(featureDeps),
    autoreadFeature(featureDeps),
    summaryFeature(featureDeps),
    suggestedFeature(featureDeps),
    messageFeature(featureDeps),
    smallTalkFeature(featureDeps),
    askFeature(featureDeps),
  );
  bot.catch(onError);
  return bot;
}

/** Every failed handler ends in one short line to the user and one log line. */
async function apologize(err: BotError, logger: Logger): Promise<void> {
  const { ctx, error } = err;
  logFailure(logger, error, "handler failed", { updateId: ctx.update.update_id, chatId: ctx.chat?.id });
  const line = localizedError(ctx, error);
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: truncate(line, 200) });
    else if (ctx.chat) await ctx.reply(line, { link_preview_options: { is_disabled: true } });
  } catch (e) {
    logger.warn({ chatId: ctx.chat?.id, ...telegramFailure(e) }, "could not send the apology");
  }
}

/** Retries requests that never reached Telegram, a few times with backoff (1 s, 2 s, 4 s). */
function retryNetworkErrors(logger: Logger, attempts = 3, firstDelayMs = 1000): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (e) {
        if (!(e instanceof HttpError) || attempt >= attempts || signal?.aborted || method === "getUpdates")
          throw e;
        const delay = firstDelayMs * 2 ** attempt;
        logger.warn(
          { method, attempt: attempt + 1, delayMs: delay, ...telegramFailure(e) },
          "Telegram API unreachable; retrying",
        );
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  };
}

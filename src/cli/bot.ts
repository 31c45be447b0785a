/** `footnote bot`: runs the Telegram bot until SIGINT/SIGTERM, then closes the store and exits 0. */
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createFootnote } from "../footnote.ts";
import { openConversations } from "../conversation/index.ts";
import { describeIdentity } from "../embeddings/identity.ts";
import { runBot } from "../telegram/run.ts";

/** Runs the bot until SIGINT or SIGTERM, printing one start-up line for the operator. */
export async function runBotCommand(
  config: Config,
  logger: Logger,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const footnote = await createFootnote({ config, logger });
  const conversations = openConversations(config, footnote, logger);
  const stop = new AbortController();
  const onSignal = (name: string) => () => {
    if (stop.signal.aborted) return;
    logger.info({ signal: name }, "stopping: finishing the work in flight");
    stop.abort();
  };
  const onInt = onSignal("SIGINT");
  const onTerm = onSignal("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  try {
    await runBot({
      config,
      logger,
      footnote,
      conversations,
      signal: stop.signal,
      replicas: footnote.storage.replicaState(),
      // The operator's one line: who the bot is, how it listens, what it serves and with what.
      onStarted: async ({ username, mode, webhook }) => {
        const { libraries } = await footnote.libraryStats();
        print(
          `footnote: running as @${username}, ${mode === "webhook" ? `webhook at ${webhook ?? "?"}` : "long polling"}, ` +
            `${libraries} ${libraries === 1 ? "library" : "libraries"}, answerer ${footnote.answerer.name}, ` +
            `${describeIdentity(footnote.embedder.identity)}. Ctrl-C stops it.`,
        );
      },
    });
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
    await conversations.close();
    await footnote.close();
  }
}

/** `footnote bot`: runs the Telegram bot until SIGINT/SIGTERM, then closes the store and exits 0. */
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createFootnote } from "../footnote.ts";
import { runBot } from "../telegram/run.ts";

export async function runBotCommand(config: Config, logger: Logger): Promise<void> {
  const footnote = await createFootnote({ config, logger });
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
      signal: stop.signal,
      replicas: footnote.storage.replicaState(),
    });
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
    await footnote.close();
  }
}

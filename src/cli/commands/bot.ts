/** `footnote bot`: runs the Telegram bot. */
import type { Command } from "commander";
import { createLogger } from "../../logger.ts";
import type { CliContext } from "../command.ts";

/** Adds `footnote bot`; the bot (and grammY) loads only when it runs. */
export function registerBot(program: Command, cli: CliContext): void {
  program
    .command("bot")
    .description("run the Telegram bot (long polling, or a webhook when WEBHOOK_URL is set)")
    .action(async () => {
      const { config } = cli.setup();
      // A long-running service logs at LOG_LEVEL (info by default); one-shot commands keep quiet.
      const logger = createLogger(config);
      const { runBotCommand } = await import("../bot.ts");
      await runBotCommand(config, logger, (line) => cli.io.stdout(`${line}\n`));
    });
}

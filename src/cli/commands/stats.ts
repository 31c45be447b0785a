/** `footnote stats`: what the deployment holds and how it answered over the last day. */
import type { Command } from "commander";
import { openConversationStore } from "../../conversation/index.ts";
import type { CliContext } from "../command.ts";
import { collectStats, formatStats } from "../stats.ts";

/** Adds `footnote stats`. */
export function registerStats(program: Command, cli: CliContext): void {
  program
    .command("stats")
    .description("libraries, articles, passages, and the last day's questions (answered, declined, p95 time)")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await cli.withFootnote(async (footnote, config) => {
        const store = openConversationStore(config, footnote.storage);
        try {
          const stats = await collectStats(await footnote.libraryStats(), store);
          cli.io.stdout(opts.json ? `${JSON.stringify(stats)}\n` : formatStats(stats));
        } finally {
          await store.close();
        }
      });
    });
}

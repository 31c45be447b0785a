/** `footnote stats`: what the deployment holds and how it answered over the last day. */
import type { Command } from "commander";
import type { CliContext } from "../command.ts";

/** Adds `footnote stats`. */
export function registerStats(program: Command, cli: CliContext): void {
  program
    .command("stats")
    .description("libraries, articles, passages, and the last day's questions (answered, declined, p95 time)")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      // Loaded when the command runs, so that other commands do not pay for them at start-up.
      const [{ openConversationStore }, { collectStats, formatStats }] = await Promise.all([
        import("../../conversation/index.ts"),
        import("../stats.ts"),
      ]);
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

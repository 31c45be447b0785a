/** `footnote stats`: what the deployment holds and how it answered over the last day. */
import type { Command } from "commander";
import { FootnoteError } from "../../errors.ts";
import type { CliContext, OpenFootnote } from "../command.ts";

/** Adds `footnote stats`. */
export function registerStats(program: Command, cli: CliContext): void {
  program
    .command("stats")
    .description(
      "libraries, articles, passages, and the last day's questions (answered, declined, p95 time); --library for one library",
    )
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      // Loaded when the command runs, so that other commands do not pay for them at start-up.
      const [{ openConversationStore }, { collectStats, formatStats }] = await Promise.all([
        import("../../conversation/index.ts"),
        import("../stats.ts"),
      ]);
      // Every library, unless --library (or its environment default) names one.
      const library = program.getOptionValueSource("library") === "default" ? undefined : cli.library();
      await cli.withFootnote(async (footnote, config) => {
        const counts =
          library === undefined ? await footnote.libraryStats() : await libraryCounts(footnote, library);
        const store = openConversationStore(config, footnote.storage);
        try {
          const stats = await collectStats(counts, store, Date.now(), library);
          cli.io.stdout(opts.json ? `${JSON.stringify(stats)}\n` : formatStats(stats));
        } finally {
          await store.close();
        }
      });
    });
}

/** One library's counts; a library that does not exist is an error naming the ones that do. */
async function libraryCounts(footnote: OpenFootnote, library: string) {
  const libraries = await footnote.storage.listLibraries();
  if (!libraries.includes(library))
    throw new FootnoteError(
      "NOT_FOUND",
      `No library "${library}". ${libraries.length ? `The libraries are: ${libraries.join(", ")}.` : "There are no libraries yet."}`,
    );
  return { libraries: 1, ...(await footnote.storage.counts(library)) };
}

/** `footnote reindex`: re-embeds every library after the embeddings provider or model changed. */
import type { Command } from "commander";
import type { CliContext } from "../command.ts";
import { count } from "../plural.ts";

/** Adds `footnote reindex`. */
export function registerReindex(program: Command, cli: CliContext): void {
  program
    .command("reindex")
    .description("re-embed every library with the configured embeddings (after changing provider or model)")
    .action(async () => {
      await cli.withFootnote(async (footnote, config) => {
        const { io } = cli;
        const r = await footnote.reindex({
          onProgress: (done, total) => io.stderr(`\rre-embedding ${done}/${total}`),
        });
        io.stderr("\n");
        io.stdout(
          `Re-embedded ${count(r.passages, "passage")} with ${config.EMBEDDINGS_PROVIDER} embeddings "${config.EMBEDDINGS_MODEL}".\n`,
        );
      });
    });
}

/** `footnote summary <id>`: what an article is about, cited like an answer (`--json` as `ask --json`). */
import type { Command } from "commander";
import { renderAnswerText } from "../../answer/render-text.ts";
import { FootnoteError } from "../../errors.ts";
import type { CliContext } from "../command.ts";

/** Adds `footnote summary`. */
export function registerSummary(program: Command, cli: CliContext): void {
  program
    .command("summary")
    .description("say what an article is about, quoting it")
    .argument("<article-id>", "the article's id (footnote list shows them)")
    .option("--json", "print JSON, as ask --json does")
    .action(async (id: string, opts: { json?: boolean }) => {
      await cli.withFootnote(async (footnote) => {
        const result = await footnote.summarize(cli.library(), id);
        if (!result)
          throw new FootnoteError(
            "NOT_FOUND",
            `No article "${id}" in library "${cli.library()}"; footnote list shows the ids.`,
          );
        cli.io.stdout(opts.json ? `${JSON.stringify(result)}\n` : `${renderAnswerText(result)}\n`);
      });
    });
}

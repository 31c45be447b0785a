/** `footnote ask <question...>`: answers from the library, quoting the passages it answers from. */
import type { Command } from "commander";
import { renderAnswerText } from "../../answer/render-text.ts";
import { parsePositive, type CliContext } from "../command.ts";

/** Adds `footnote ask`. */
export function registerAsk(program: Command, cli: CliContext): void {
  program
    .command("ask")
    .description("ask a question about the library's articles")
    .argument("<question...>", "the question")
    .option("-k <n>", "passages to give the answerer", (v) => parsePositive(v, "-k"))
    .option("--json", "print JSON")
    .action(async (words: string[], opts: { json?: boolean; k?: number }) => {
      await cli.withFootnote(async (footnote) => {
        const result = await footnote.ask(cli.library(), words.join(" "), { k: opts.k });
        cli.io.stdout(opts.json ? `${JSON.stringify(result)}\n` : `${renderAnswerText(result)}\n`);
      });
    });
}

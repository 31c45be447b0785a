/** `footnote ask <question...>`: answers from the library, quoting the passages it answers from. */
import type { Command } from "commander";
import { renderAnswerText } from "../../answer/render-text.ts";
import type { Config } from "../../config.ts";
import { parsePositive, type CliContext, type OpenFootnote } from "../command.ts";

/** Adds `footnote ask`. */
export function registerAsk(program: Command, cli: CliContext): void {
  program
    .command("ask")
    .description("ask a question about the library's articles")
    .argument("<question...>", "the question")
    .option("-k <n>", "passages to give the answerer", (v) => parsePositive(v, "-k"))
    .option("--json", "print JSON")
    .action(async (words: string[], opts: { json?: boolean; k?: number }) => {
      await cli.withFootnote(async (footnote, config) => {
        const started = performance.now();
        const result = await footnote.ask(cli.library(), words.join(" "), { k: opts.k });
        const ms = performance.now() - started;
        cli.io.stdout(opts.json ? `${JSON.stringify(result)}\n` : `${renderAnswerText(result)}\n`);
        await record(cli, footnote, config, { libraryId: cli.library(), abstained: result.abstained, ms });
      });
    });
}

/**
 * Counts the question for `footnote stats`, as the bot and `footnote chat` count theirs (no
 * text: what happened and how long it took). A failure to count is logged, never the command's.
 */
async function record(
  cli: CliContext,
  footnote: OpenFootnote,
  config: Config,
  q: { libraryId: string; abstained: boolean; ms: number },
): Promise<void> {
  try {
    const { openConversationStore } = await import("../../conversation/index.ts");
    const store = openConversationStore(config, footnote.storage);
    try {
      await store.recordQuestion({ at: Date.now(), followUp: false, ...q });
    } finally {
      await store.close();
    }
  } catch (e) {
    cli.setup().logger.warn({ err: e }, "could not count the question for footnote stats");
  }
}

/** `footnote chat`: an interactive conversation in the terminal. */
import type { Command } from "commander";
import type { CliContext } from "../command.ts";

/** Adds `footnote chat`. */
export function registerChat(program: Command, cli: CliContext): void {
  program
    .command("chat")
    .description(
      "an interactive conversation: questions and follow-ups, or /ingest, /list, /forget, /new, /help",
    )
    .action(async () => {
      // Loaded when the command runs, so that other commands do not pay for them at start-up.
      const [{ openConversations }, { runChat }] = await Promise.all([
        import("../../conversation/index.ts"),
        import("../chat.ts"),
      ]);
      await cli.withFootnote(async (footnote, config) => {
        const conversations = openConversations(config, footnote, cli.setup().logger);
        try {
          await runChat(footnote, cli.library(), { conversations });
        } finally {
          await conversations.close();
        }
      });
    });
}

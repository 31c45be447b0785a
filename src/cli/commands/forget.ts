/** `footnote forget <id>`: removes one article from the library. */
import type { Command } from "commander";
import { FootnoteError } from "../../errors.ts";
import type { CliContext } from "../command.ts";

/** Adds `footnote forget`. */
export function registerForget(program: Command, cli: CliContext): void {
  program
    .command("forget")
    .description("remove an article from the library")
    .argument("<id>", "the article id, as `footnote list` shows it")
    .action(async (id: string) => {
      await cli.withFootnote(async (footnote) => {
        if (await footnote.forget(cli.library(), id)) cli.io.stdout(`Forgot article ${id}.\n`);
        else
          throw new FootnoteError(
            "NOT_FOUND",
            `No article "${id}" in library "${cli.library()}". \`${listCommand(cli.library())}\` shows the ids.`,
          );
      });
    });
}

/** The list command for this library, as it must be typed ("footnote list --library work"). */
function listCommand(library: string): string {
  if (library === "default") return "footnote list";
  return `footnote list --library ${/^[\w.:-]+$/.test(library) ? library : JSON.stringify(library)}`;
}

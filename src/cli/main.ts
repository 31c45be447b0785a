/**
 * `footnote <command>`: the command line over the same `Footnote` object the bot uses.
 * Each command is a module in commands/ (see command.ts); this file sets up the program,
 * lists them, and turns how a command ended into the exit code.
 * Exit codes: 0 done, 1 failed (a clear message on stderr), 2 bad usage.
 */
import { Command, CommanderError } from "commander";
import { FootnoteError, userMessage } from "../errors.ts";
import type { RegisterCommand } from "./command.ts";
import { registerAsk } from "./commands/ask.ts";
import { registerBot } from "./commands/bot.ts";
import { registerChat } from "./commands/chat.ts";
import { registerEval } from "./commands/eval.ts";
import { registerForget } from "./commands/forget.ts";
import { registerIngest } from "./commands/ingest.ts";
import { registerList } from "./commands/list.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerReindex } from "./commands/reindex.ts";
import { registerStats } from "./commands/stats.ts";
import { registerSummary } from "./commands/summary.ts";
import { createCliContext } from "./context.ts";
import { defaultIO, type CliIO } from "./io.ts";

/** The commands, in the order --help lists them. */
const COMMANDS: RegisterCommand[] = [
  registerIngest,
  registerAsk,
  registerSummary,
  registerList,
  registerForget,
  registerReindex,
  registerMigrate,
  registerChat,
  registerStats,
  registerEval,
  registerBot,
];

/** Runs one `footnote` command line and resolves to its exit code. */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const program = new Command()
    .name("footnote")
    .description("Answers questions about your articles, quoting the passages it answers from.")
    .option("-l, --library <name>", "which library to use", "default")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError("(run footnote --help for the commands)");
  const cli = createCliContext(io, () => program.opts<{ library: string }>().library);
  for (const register of COMMANDS) register(program, cli);

  try {
    await program.parseAsync(argv, { from: "user" });
    return cli.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.stderr(`${userMessage(error)}\n`);
    if (!(error instanceof FootnoteError)) cli.loadedLogger()?.error({ err: error }, "command failed");
    return 1;
  }
}

/**
 * What a `footnote <command>` module is: one function that adds its command to the program,
 * given what every command shares. Each lives in `commands/<name>.ts`; main.ts lists them.
 * A longer command's work sits beside them (chat.ts, stats.ts, migrate.ts, bot.ts). Work that
 * needs heavy modules (grammY, pg, the eval) is imported lazily, in the action, so the other
 * commands and --help start without loading it.
 */
import { InvalidArgumentError, type Command } from "commander";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { createFootnote } from "../footnote.ts";
import type { CliIO } from "./io.ts";

/** The Footnote a command works with: the facade, with the storage and counts the CLI reads. */
export type OpenFootnote = Awaited<ReturnType<typeof createFootnote>>;

/** The settings and the logger of a command. */
export interface CliSetup {
  config: Config;
  logger: Logger;
}

/** What every command is built from. */
export interface CliContext {
  /** Where the command reads and writes. */
  io: CliIO;
  /** The library the --library option names. */
  library(): string;
  /** Settings and a quiet logger, read on first use so that --help works even with a bad .env. */
  setup(): CliSetup;
  /** Opens a Footnote for one command and closes it when `fn` ends, however it ends. */
  withFootnote<T>(fn: (footnote: OpenFootnote, config: Config) => Promise<T>): Promise<T>;
  /** The exit code when the command returns: one that partly failed sets 1. */
  exitCode: number;
}

/** Adds one command to the program; each module in `commands/` exports one. */
export type RegisterCommand = (program: Command, cli: CliContext) => void;

/** An option's value as a whole number from 1 up (-k, --limit), or a usage error naming it. */
export function parsePositive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${name} takes a whole number from 1 up, not "${value}".`);
  return n;
}

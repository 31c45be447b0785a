/** `footnote migrate`: copies every library in DATA_DIR into PostgreSQL. */
import type { Command } from "commander";
import type { CliContext } from "../command.ts";

/** Adds `footnote migrate`; its work (and pg) loads only when it runs. */
export function registerMigrate(program: Command, cli: CliContext): void {
  program
    .command("migrate")
    .description("copy every library in DATA_DIR into PostgreSQL (safe to run again: it resumes)")
    .option("--to <url>", "postgres://… (default: DATABASE_URL)")
    .option("--json", "print JSON")
    .action(async (opts: { to?: string; json?: boolean }) => {
      const { runMigrate } = await import("../migrate.ts");
      cli.exitCode = await runMigrate(cli.setup().config, opts, cli.io);
    });
}

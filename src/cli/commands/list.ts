/** `footnote list`: the library's articles, one line each (or JSON). */
import type { Command } from "commander";
import type { ArticleSummary } from "../../types.ts";
import { noun } from "../plural.ts";
import type { CliContext } from "../command.ts";

/** Adds `footnote list`. */
export function registerList(program: Command, cli: CliContext): void {
  program
    .command("list")
    .description("list the library's articles")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await cli.withFootnote(async (footnote) => {
        const { io } = cli;
        const articles = await footnote.list(cli.library());
        if (opts.json) return io.stdout(`${JSON.stringify({ articles })}\n`);
        if (!articles.length)
          return io.stdout(
            `No articles in library "${cli.library()}" yet. Add one with: footnote ingest <url or file>\n`,
          );
        for (const a of articles) io.stdout(articleLine(a));
      });
    });
}

function articleLine(a: ArticleSummary): string {
  const published = a.publishedAt ? `  (published ${a.publishedAt.slice(0, 10)})` : "";
  const url = a.url ? `  <${a.url}>` : "";
  return `${a.id}  added ${a.createdAt.slice(0, 10)}  ${String(a.chunks).padStart(4)} ${noun(a.chunks, "passage").padEnd(8)}  ${a.title}${published}${url}\n`;
}

/** `footnote ingest <sources...>`: stores articles from URLs, files or standard input. */
import type { Command } from "commander";
import { FootnoteError, userMessage } from "../../errors.ts";
import type { IngestResult } from "../../types.ts";
import { count } from "../plural.ts";
import type { CliContext, OpenFootnote } from "../command.ts";
import { sourceFromArg } from "../source.ts";

interface IngestOptions {
  json?: boolean;
  title?: string;
}

/** One entry of the `--json` output: the article stored, or why a source was not. */
type IngestOutcome =
  | (Pick<IngestResult, "id" | "title" | "chunks" | "duplicate" | "url"> & {
      summary?: string;
      questions: string[];
    })
  | { source: string; error: string; code: string };

/** Adds `footnote ingest`. */
export function registerIngest(program: Command, cli: CliContext): void {
  program
    .command("ingest")
    .description("store an article: a URL, a file (.txt .md .html .pdf), or - for standard input")
    .argument("<sources...>", "URLs, file paths, or -")
    .option("--title <title>", "title for text read from standard input")
    .option("--json", "print JSON")
    .action(async (sources: string[], opts: IngestOptions) => {
      await cli.withFootnote(async (footnote) => {
        const articles: IngestOutcome[] = [];
        // One bad source does not stop the others; the exit code says one failed.
        for (const arg of sources) articles.push(await ingestOne(cli, footnote, arg, opts));
        if (opts.json) cli.io.stdout(`${JSON.stringify({ articles })}\n`);
      });
    });
}

async function ingestOne(
  cli: CliContext,
  footnote: OpenFootnote,
  arg: string,
  opts: IngestOptions,
): Promise<IngestOutcome> {
  const { io } = cli;
  try {
    const source = await sourceFromArg(arg, io, opts.title);
    const r = await footnote.ingest(cli.library(), source, { companion: true });
    if (!opts.json)
      io.stdout(
        r.duplicate
          ? `Already stored: ${r.title} (id ${r.id}, ${count(r.chunks, "passage")})\n`
          : `Stored: ${r.title} (id ${r.id}, ${count(r.chunks, "passage")})\n${companionText(r)}`,
      );
    return {
      id: r.id,
      title: r.title,
      chunks: r.chunks,
      duplicate: r.duplicate,
      url: r.url,
      ...(r.summary ? { summary: r.summary } : {}),
      questions: r.questions ?? [],
    };
  } catch (error) {
    cli.exitCode = 1;
    const message = userMessage(error);
    if (!opts.json) io.stderr(`Could not ingest ${withoutCredentials(arg)}: ${message}\n`);
    if (!(error instanceof FootnoteError)) cli.setup().logger.error({ err: error }, "ingest failed");
    return {
      source: withoutCredentials(arg),
      error: message,
      code: error instanceof FootnoteError ? error.code : "INTERNAL",
    };
  }
}

/** The article companion's lines under "Stored: …": what it is about, and what to ask it. */
export function companionText(r: Pick<IngestResult, "summary" | "questions">): string {
  let out = r.summary ? `\n${r.summary}\n` : "";
  if (r.questions?.length) out += `\nTry asking:\n${r.questions.map((q) => `  ${q}\n`).join("")}`;
  return out;
}

/** A URL's user:password never goes back to the terminal. */
function withoutCredentials(arg: string): string {
  return arg.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1");
}

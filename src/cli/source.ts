/**
 * What a command-line argument names: standard input (`-`), a URL (with or without a scheme:
 * "www.bbc.com/…", "bbc.com/news/…", as the bot reads /ingest), or a file. An existing file
 * wins over a link-like name ("notes.md" is a file here, not a web site).
 */
import fs from "node:fs";
import { FootnoteError } from "../errors.ts";
import { onlyLink } from "../ingest/find-link.ts";
import type { IngestSource } from "../types.ts";

/** The article source an argument names (`title` names text read from standard input). */
export async function sourceFromArg(
  arg: string,
  io: { stdin: () => Promise<Buffer> },
  title?: string,
): Promise<IngestSource> {
  if (arg === "-") {
    const bytes = await io.stdin();
    // Read as a document, so piped HTML, Markdown or PDF is recognised like a file would be.
    return { kind: "file", bytes: new Uint8Array(bytes), filename: "stdin", ...(title ? { title } : {}) };
  }
  // Any scheme goes to the fetcher, which refuses the ones it does not read with a clear message.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || /^(javascript|data|mailto):/i.test(arg))
    return { kind: "url", url: arg };
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(arg);
  } catch {
    stat = undefined;
  }
  if (!stat) {
    const link = onlyLink(arg);
    if (link) return { kind: "url", url: link };
    throw new FootnoteError(
      "BAD_INPUT",
      `No such file: ${arg}. Give a URL (https://…), a file path, or - for standard input.`,
    );
  }
  if (stat.isDirectory())
    throw new FootnoteError("BAD_INPUT", `${arg} is a folder; give a file, e.g. ${arg}/article.txt`);
  try {
    return { kind: "file", bytes: new Uint8Array(fs.readFileSync(arg)), filename: arg };
  } catch (error) {
    throw new FootnoteError("BAD_INPUT", `Could not read ${arg}: ${(error as Error).message}.`, {
      cause: error,
    });
  }
}

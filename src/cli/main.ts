/**
 * `footnote <command>`: the command line over the same `Footnote` object the bot uses.
 * Exit codes: 0 done, 1 failed (a clear message on stderr), 2 bad usage.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { loadConfig, readEnv, type Config, type Env } from "../config.ts";
import { FootnoteError, userMessage } from "../errors.ts";
import { createLogger, type Logger } from "../logger.ts";
import { createFootnote } from "../footnote.ts";
import { renderAnswerText } from "../answer/render-text.ts";
import { runChat } from "./chat.ts";
import { sourceFromArg } from "./source.ts";
import { collectStats, formatStats } from "./stats.ts";
import { openConversations, openConversationStore } from "../conversation/index.ts";
import type { EvalReport } from "../eval/squad.ts";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<Buffer>;
  env: Env;
  /** Whether stderr is a terminal (live progress lines); false when unset. */
  stderrIsTTY?: boolean;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdin: readStdin,
  env: readEnv(),
  stderrIsTTY: process.stderr.isTTY,
};

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("footnote")
    .description("Answers questions about your articles, quoting the passages it answers from.")
    .option("-l, --library <name>", "which library to use", "default")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError("(run footnote --help for the commands)");

  // Settings are read once, when a command runs, so --help works even with a bad .env.
  let setup: { config: Config; logger: Logger } | undefined;
  const context = () => {
    if (!setup) {
      const config = loadConfig(io.env);
      setup = {
        config,
        logger: createLogger({ ...config, LOG_LEVEL: io.env.LOG_LEVEL ? config.LOG_LEVEL : "warn" }),
      };
    }
    return setup;
  };
  const library = () => program.opts<{ library: string }>().library;
  const withFootnote = async <T>(
    fn: (f: Awaited<ReturnType<typeof createFootnote>>, config: Config) => Promise<T>,
  ): Promise<T> => {
    const { config, logger } = context();
    // One-shot: a graph build would only start and be stopped at exit; the flat index serves.
    const footnote = await createFootnote({ config, logger, hnsw: { graphBuild: "skip" } });
    try {
      return await fn(footnote, config);
    } finally {
      await footnote.close();
    }
  };

  program
    .command("ingest")
    .description("store an article: a URL, a file (.txt .md .html .pdf), or - for standard input")
    .argument("<sources...>", "URLs, file paths, or -")
    .option("--title <title>", "title for text read from standard input")
    .option("--json", "print JSON")
    .action(async (sources: string[], opts: { json?: boolean; title?: string }) => {
      await withFootnote(async (footnote) => {
        const articles = [];
        for (const arg of sources) {
          try {
            const source = await sourceFromArg(arg, io, opts.title);
            const r = await footnote.ingest(library(), source);
            articles.push({ id: r.id, title: r.title, chunks: r.chunks, duplicate: r.duplicate, url: r.url });
            if (!opts.json)
              io.stdout(
                r.duplicate
                  ? `Already stored: ${r.title} (id ${r.id}, ${r.chunks} passages)\n`
                  : `Stored: ${r.title} (id ${r.id}, ${r.chunks} passages)\n`,
              );
          } catch (error) {
            exitCode = 1;
            const message = userMessage(error);
            articles.push({
              source: withoutCredentials(arg),
              error: message,
              code: error instanceof FootnoteError ? error.code : "INTERNAL",
            });
            if (!opts.json) io.stderr(`Could not ingest ${withoutCredentials(arg)}: ${message}\n`);
            if (!(error instanceof FootnoteError)) context().logger.error({ err: error }, "ingest failed");
          }
        }
        if (opts.json) io.stdout(`${JSON.stringify({ articles })}\n`);
      });
    });

  program
    .command("ask")
    .description("ask a question about the library's articles")
    .argument("<question...>", "the question")
    .option("-k <n>", "passages to give the answerer", (v) => parsePositive(v, "-k"))
    .option("--json", "print JSON")
    .action(async (words: string[], opts: { json?: boolean; k?: number }) => {
      await withFootnote(async (footnote) => {
        const result = await footnote.ask(library(), words.join(" "), { k: opts.k });
        io.stdout(opts.json ? `${JSON.stringify(result)}\n` : `${renderAnswerText(result)}\n`);
      });
    });

  program
    .command("list")
    .description("list the library's articles")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withFootnote(async (footnote) => {
        const articles = await footnote.list(library());
        if (opts.json) return io.stdout(`${JSON.stringify({ articles })}\n`);
        if (!articles.length)
          return io.stdout(
            `No articles in library "${library()}" yet. Add one with: footnote ingest <url or file>\n`,
          );
        for (const a of articles)
          io.stdout(
            `${a.id}  added ${a.createdAt.slice(0, 10)}  ${String(a.chunks).padStart(4)} passages  ${a.title}${a.publishedAt ? `  (published ${a.publishedAt.slice(0, 10)})` : ""}${a.url ? `  <${a.url}>` : ""}\n`,
          );
      });
    });

  program
    .command("forget")
    .description("remove an article from the library")
    .argument("<id>", "the article id, as `footnote list` shows it")
    .action(async (id: string) => {
      await withFootnote(async (footnote) => {
        if (await footnote.forget(library(), id)) io.stdout(`Forgot article ${id}.\n`);
        else
          throw new FootnoteError(
            "NOT_FOUND",
            `No article "${id}" in library "${library()}". \`footnote list\` shows the ids.`,
          );
      });
    });

  program
    .command("reindex")
    .description("re-embed every library with the configured embeddings (after changing provider or model)")
    .action(async () => {
      await withFootnote(async (footnote, config) => {
        const r = await footnote.reindex({
          onProgress: (done, total) => io.stderr(`\rre-embedding ${done}/${total}`),
        });
        io.stderr("\n");
        io.stdout(
          `Re-embedded ${r.passages} passages with ${config.EMBEDDINGS_PROVIDER} embeddings "${config.EMBEDDINGS_MODEL}".\n`,
        );
      });
    });

  program
    .command("migrate")
    .description("copy every library in DATA_DIR into PostgreSQL (safe to run again: it resumes)")
    .option("--to <url>", "postgres://… (default: DATABASE_URL)")
    .option("--json", "print JSON")
    .action(async (opts: { to?: string; json?: boolean }) => {
      const { runMigrate } = await import("./migrate.ts");
      exitCode = await runMigrate(context().config, opts, io);
    });

  program
    .command("chat")
    .description(
      "an interactive conversation: questions and follow-ups, or /ingest, /list, /forget, /new, /help",
    )
    .action(async () => {
      await withFootnote(async (footnote, config) => {
        const conversations = openConversations(config, footnote, context().logger);
        try {
          await runChat(footnote, library(), { conversations });
        } finally {
          await conversations.close();
        }
      });
    });

  program
    .command("stats")
    .description("libraries, articles, passages, and the last day's questions (answered, declined, p95 time)")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withFootnote(async (footnote, config) => {
        const store = openConversationStore(config, footnote.storage);
        try {
          const stats = await collectStats(await footnote.libraryStats(), store);
          io.stdout(opts.json ? `${JSON.stringify(stats)}\n` : formatStats(stats));
        } finally {
          await store.close();
        }
      });
    });

  program
    .command("eval")
    .description("score retrieval and answers on a SQuAD 2.0 file or a news set (in a throw-away library)")
    .requiredOption(
      "--dataset <file>",
      "SQuAD 2.0 JSON file, or a news set (test/fixtures/news/questions.json)",
    )
    .option("--limit <n>", "only the first n questions", (v) => parsePositive(v, "--limit"))
    .option("--report <file>", "write one JSON line per question (answer, citations, confidence, rank)")
    .option("--pages <dir>", "where a news set's pages are (default: its pagesDir, from here)")
    .option("--json", "print one JSON object")
    .action(
      async (opts: { dataset: string; json?: boolean; limit?: number; report?: string; pages?: string }) => {
        const { config } = context();
        const { runEval } = await import("../eval/squad.ts");
        const report = await runEval(config, opts.dataset, {
          limit: opts.limit,
          ...(opts.report ? { reportFile: opts.report } : {}),
          ...(opts.pages ? { pagesDir: opts.pages } : {}),
          onProgress: opts.json ? undefined : (d, t) => d % 50 === 0 && io.stderr(`\r${d}/${t} questions`),
        });
        if (opts.json) return io.stdout(`${JSON.stringify(report)}\n`);
        io.stderr("\n");
        io.stdout(formatReport(report));
      },
    );

  program
    .command("bot")
    .description("run the Telegram bot (long polling, or a webhook when WEBHOOK_URL is set)")
    .action(async () => {
      const { config } = context();
      // A long-running service logs at LOG_LEVEL (info by default); one-shot commands keep quiet.
      const logger = createLogger(config);
      const { runBotCommand } = await import("./bot.ts");
      await runBotCommand(config, logger, (line) => io.stdout(`${line}\n`));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.stderr(`${userMessage(error)}\n`);
    if (!(error instanceof FootnoteError)) setup?.logger.error({ err: error }, "command failed");
    return 1;
  }
}

/** A URL's user:password never goes back to the terminal. */
function withoutCredentials(arg: string): string {
  return arg.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1");
}

function parsePositive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${name} takes a whole number from 1 up, not "${value}".`);
  return n;
}

function formatReport(r: EvalReport): string {
  const rows: Array<[string, string]> = [
    ["articles / passages", `${r.articles} / ${r.passages}`],
    ["questions (answerable / not)", `${r.questions} (${r.answerable} / ${r.unanswerable})`],
    ["hit@1", r["hit@1"].toFixed(3)],
    ["hit@3", r["hit@3"].toFixed(3)],
    ["hit@5", r["hit@5"].toFixed(3)],
    ["MRR", r.mrr.toFixed(3)],
    ["answer containment", r.answer_containment.toFixed(3)],
    ["  in the short answer alone", r.answer_only_containment.toFixed(3)],
    ["abstention (unanswerable)", r.abstention.toFixed(3)],
    ["false abstention (answerable)", r.false_abstention.toFixed(3)],
    ["median reply (answered)", `${r.reply_chars_median} chars`],
    ["query p50 / p95", `${r.query_ms_p50.toFixed(1)} ms / ${r.query_ms_p95.toFixed(1)} ms`],
  ];
  return rows.map(([k, v]) => `${k.padEnd(32)} ${v}`).join("\n") + "\n";
}

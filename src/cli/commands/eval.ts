/** `footnote eval`: retrieval and answer quality on a SQuAD 2.0 file or a news set. */
import type { Command } from "commander";
import type { EvalReport } from "../../eval/squad.ts";
import { parsePositive, type CliContext } from "../command.ts";

interface EvalOptions {
  dataset: string;
  json?: boolean;
  limit?: number;
  report?: string;
  pages?: string;
}

/** Adds `footnote eval`; the eval (and its answerers) loads only when it runs. */
export function registerEval(program: Command, cli: CliContext): void {
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
    .action(async (opts: EvalOptions) => {
      const { io } = cli;
      const { config } = cli.setup();
      const { runEval } = await import("../../eval/squad.ts");
      const report = await runEval(config, opts.dataset, {
        limit: opts.limit,
        ...(opts.report ? { reportFile: opts.report } : {}),
        ...(opts.pages ? { pagesDir: opts.pages } : {}),
        onProgress: opts.json ? undefined : (d, t) => d % 50 === 0 && io.stderr(`\r${d}/${t} questions`),
      });
      if (opts.json) return io.stdout(`${JSON.stringify(report)}\n`);
      io.stderr("\n");
      io.stdout(formatReport(report));
    });
}

/** The report as a two-column table for the terminal. */
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
  if (r.follow_ups)
    rows.push(["follow-ups answered", `${r.follow_ups_answered.toFixed(3)} of ${r.follow_ups}`]);
  const s = r.after_sharing;
  if (s)
    rows.push(
      ["asked right after sharing the page:", ""],
      ["  answer containment", s.answer_containment.toFixed(3)],
      ["  abstention (unanswerable)", s.abstention.toFixed(3)],
      ["  false abstention (answerable)", s.false_abstention.toFixed(3)],
    );
  return rows.map(([k, v]) => `${k.padEnd(32)} ${v}`).join("\n") + "\n";
}

/** The `footnote` command run in-process, with its output captured: how the CLI tests call it. */
import type { CliIO } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";

/** What one run printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `footnote <argv>` with `env` (logs silent unless it says otherwise) and `stdin`. */
export async function runCli(
  argv: string[],
  opts: { env?: Record<string, string>; stdin?: string; stderrIsTTY?: boolean } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: async () => Buffer.from(opts.stdin ?? ""),
    env: { LOG_LEVEL: "silent", ...opts.env },
    ...(opts.stderrIsTTY === undefined ? {} : { stderrIsTTY: opts.stderrIsTTY }),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A runner bound to `env` and `stdin`: `cliWith(env)("ask", "…")`. */
export function cliWith(env: Record<string, string>, stdin = "") {
  return (...argv: string[]) => runCli(argv, { env, stdin });
}

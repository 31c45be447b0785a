/** Where the CLI reads and writes: the process's streams, or a test's buffers. */
import { readEnv, type Env } from "../config.ts";

/** The CLI's input, output and environment, passed in so tests can run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<Buffer>;
  env: Env;
  /** Whether stderr is a terminal (live progress lines); false when unset. */
  stderrIsTTY?: boolean;
}

/** The process's own streams and environment. */
export const defaultIO: CliIO = {
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

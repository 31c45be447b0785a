/**
 * The real `footnote bot` process (bin/footnote.js), started for an end-to-end test against a
 * fake Bot API on 127.0.0.1: one place for how it is spawned, when it counts as up, and how it
 * is stopped, so each test says only what is particular to it (its users, its settings).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FakeBotApi } from "./fake-bot-api.ts";

const BIN = fileURLToPath(new URL("../../bin/footnote.js", import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code, or "timeout" when it has not exited within 15 s. */
  stop: () => Promise<number | null | "timeout">;
  /** SIGKILL, if it still runs (for afterAll). */
  kill: () => void;
}

export interface BotProcessOptions {
  api: FakeBotApi;
  /** The working directory and HOME; the library goes to `<dir>/data` unless env says otherwise. */
  dir: string;
  /** Settings particular to the test (ALLOWED_USER_IDS, LOG_LEVEL, ...), over the defaults. */
  env?: Record<string, string>;
  /** Resolve once the bot long-polls (the default), or at once (webhook mode waits on its own). */
  waitForPolling?: boolean;
}

export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const { api, dir } = options;
  const child = spawn(process.execPath, [BIN, "bot"], {
    cwd: dir,
    env: {
      HOME: dir,
      PATH: process.env.PATH ?? "",
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATA_DIR: join(dir, "data"),
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const bot: BotProcess = {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    stop: () => {
      child.kill("SIGTERM");
      return Promise.race([
        exited,
        new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000).unref()),
      ]);
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
  if (options.waitForPolling ?? true) {
    const polls = api.callsOf("getUpdates").length;
    await Promise.race([
      api.waitForCall("getUpdates", polls + 1, 45_000),
      exited.then((code) => {
        throw new Error(`the bot exited (${code}) before polling:\n${err}`);
      }),
    ]);
  }
  return bot;
}

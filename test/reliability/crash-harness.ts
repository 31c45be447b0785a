/**
 * Runs ingest-worker.ts in a child process and SIGKILLs it at a chosen moment, then reads what
 * it had reported as done. Shared by the crash tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { reliabilityConfig } from "./config.ts";
import { createFootnote } from "../../src/footnote.ts";
import { libraryFolder } from "../../src/library/embedded/open-libraries.ts";
import { articleNumber, makeArticle } from "./articles.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WORKER = fileURLToPath(new URL("./ingest-worker.ts", import.meta.url));

export type WorkerMode = "ingest" | "forget" | "compact";

export interface WorkerRun {
  /** Complete lines the worker printed before it died. */
  lines: string[];
  ok: Array<{ id: string; title: string; n: number }>;
  forgot: string[];
  snaps: number;
  /** ms from READY to the kill. */
  killedAfterMs: number;
  stderr: string;
}

const children = new Set<ChildProcess>();

/** Kills every worker still alive (after a failed test). */
export function killWorkers(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
}

export { reliabilityConfig };

export interface PendingWorker {
  /** Lets it open the library (GO), waits for READY, lets it work `delayMs`, then SIGKILLs it. */
  run(delayMs: number): Promise<WorkerRun>;
}

/**
 * Spawns the worker now; it loads its modules and waits. Start the next round's worker before
 * checking the last round, so its start-up overlaps the checks.
 */
export function startWorker(
  mode: WorkerMode,
  dataDir: string,
  libraryId: string,
  first: number,
): PendingWorker {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", WORKER, mode, dataDir, libraryId, String(first)],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  children.add(child);
  let out = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const waiters: Array<{ line: string; resolve: () => void }> = [];
  child.stdout.on("data", (d: string) => {
    out += d;
    for (const w of [...waiters]) {
      if (!out.includes(`${w.line}\n`)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const line = (l: string, timeoutMs = 45_000) =>
    new Promise<void>((resolve, reject) => {
      if (out.includes(`${l}\n`)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`worker did not print ${l} within ${timeoutMs} ms:\n${stderr}`)),
        timeoutMs,
      );
      waiters.push({ line: l, resolve: () => (clearTimeout(timer), resolve()) });
      void exited.then(
        ({ code, signal }) => (
          clearTimeout(timer),
          reject(new Error(`worker exited (${code ?? signal}) before ${l}:\n${stderr}`))
        ),
      );
    });

  return {
    async run(delayMs) {
      let readyAt: number;
      let killedAt: number;
      try {
        await line("LOADED");
        child.stdin.write("GO\n");
        await line("READY");
        readyAt = Date.now();
        await new Promise((r) => setTimeout(r, delayMs));
        killedAt = Date.now();
        child.kill("SIGKILL");
        const { signal, code } = await exited;
        // The worker must have been working, not dead of its own failure, when it was killed.
        expect(signal, `worker exited with code ${code} before the kill:\n${stderr}`).toBe("SIGKILL");
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        children.delete(child);
      }
      // A line without its newline was cut by the kill: it does not count.
      const lines = out.split("\n").slice(0, -1);
      const ok: WorkerRun["ok"] = [];
      const forgot: string[] = [];
      let snaps = 0;
      for (const l of lines) {
        const m = /^OK (\S+) (.*)$/.exec(l);
        if (m) ok.push({ id: m[1]!, title: m[2]!, n: articleNumber(m[2]!)! });
        else if (l.startsWith("FORGOT ")) forgot.push(l.slice(7));
        else if (l === "SNAP") snaps++;
      }
      return { lines, ok, forgot, snaps, killedAfterMs: killedAt - readyAt, stderr };
    },
  };
}

export function libraryDir(dataDir: string, libraryId: string): string {
  return path.join(dataDir, "libraries", libraryFolder(libraryId));
}

export function snapshotFiles(dataDir: string, libraryId: string): { snapshots: string[]; tmp: string[] } {
  let names: string[];
  try {
    names = fs.readdirSync(libraryDir(dataDir, libraryId));
  } catch {
    return { snapshots: [], tmp: [] };
  }
  return {
    snapshots: names.filter((n) => /^index-\d+-\d+\.(hnsw|flat)$/.test(n)),
    tmp: names.filter((n) => /\.(hnsw|flat)\.tmp-/.test(n)),
  };
}

/** Seeds a library in this process (before the first kill). */
export async function seedLibrary(
  dataDir: string,
  libraryId: string,
  numbers: number[],
): Promise<Map<string, number>> {
  const footnote = await createFootnote({ config: reliabilityConfig(dataDir) });
  const ids = new Map<string, number>();
  try {
    for (const n of numbers) {
      const a = makeArticle(n);
      const r = await footnote.ingest(libraryId, { kind: "text", text: a.text, title: a.title });
      ids.set(r.id, n);
    }
  } finally {
    await footnote.close();
  }
  return ids;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

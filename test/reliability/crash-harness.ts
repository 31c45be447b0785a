/**
 * Runs ingest-worker.ts in a child process and SIGKILLs it at a chosen moment, then reads what
 * it had reported as done. Shared by the crash tests.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createFootnote } from "../../src/footnote.ts";
import { libraryFolder } from "../../src/library/libraries.ts";
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

/** Starts the worker, waits for READY, lets it work `delayMs`, then SIGKILLs it. */
export async function runAndKill(mode: WorkerMode, dataDir: string, libraryId: string, first: number, delayMs: number): Promise<WorkerRun> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, mode, dataDir, libraryId, String(first)], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let readyAt = 0;
  let killedAt = 0;
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: string) => {
      out += d;
      if (!readyAt && out.startsWith("READY\n")) {
        readyAt = Date.now();
        resolve();
      }
    });
    child.stderr.on("data", (d: string) => (stderr += d));
    void exited.then(({ code, signal }) => reject(new Error(`worker exited (${code ?? signal}) before READY:\n${stderr}`)));
  });
  const timeout = setTimeout(() => child.kill("SIGKILL"), 30_000);
  try {
    await ready;
    await new Promise((r) => setTimeout(r, delayMs));
    killedAt = Date.now();
    child.kill("SIGKILL");
    const { signal, code } = await exited;
    // The worker must have been working, not dead of its own failure, when it was killed.
    expect(signal, `worker exited with code ${code} before the kill:\n${stderr}`).toBe("SIGKILL");
  } finally {
    clearTimeout(timeout);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  // A line without its newline was cut by the kill: it does not count.
  const lines = out.split("\n").slice(0, -1);
  const ok: WorkerRun["ok"] = [];
  const forgot: string[] = [];
  let snaps = 0;
  for (const line of lines) {
    const m = /^OK (\S+) (.*)$/.exec(line);
    if (m) ok.push({ id: m[1]!, title: m[2]!, n: articleNumber(m[2]!)! });
    else if (line.startsWith("FORGOT ")) forgot.push(line.slice(7));
    else if (line === "SNAP") snaps++;
  }
  return { lines, ok, forgot, snaps, killedAfterMs: killedAt - readyAt, stderr };
}

export function libraryDir(dataDir: string, libraryId: string): string {
  return path.join(dataDir, "libraries", libraryFolder(libraryId));
}

export function snapshotFiles(dataDir: string, libraryId: string): { snapshots: string[]; tmp: string[] } {
  let names: string[] = [];
  try {
    names = fs.readdirSync(libraryDir(dataDir, libraryId));
  } catch {
    return { snapshots: [], tmp: [] };
  }
  return { snapshots: names.filter((n) => /^index-\d+-\d+\.hnsw$/.test(n)), tmp: names.filter((n) => n.includes(".hnsw.tmp-")) };
}

/** Seeds a library in this process (before the first kill). */
export async function seedLibrary(dataDir: string, libraryId: string, numbers: number[]): Promise<Map<string, number>> {
  const footnote = await createFootnote({ config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }) });
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

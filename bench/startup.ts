/**
 * `npm run bench:startup`: how long whole `footnote` processes take, start to finish, and their
 * peak memory: `--help`, `list` and `ask` on the example library, the same `ask` through
 * `npx footnote` as the README writes it, and `bot` to its ready line against a local fake Bot
 * API (with its memory once idle). Each is run `--runs` times; the table gives the median time
 * and the largest peak. Run it on a quiet machine: it measures wall time.
 *
 *   npm run bench:startup -- [--runs 5]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { FakeBotApi } from "../test/helpers/fake-bot-api.ts";
import { freshBuild } from "../bin/fresh-build.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const RUNS = Number(values.runs);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(ROOT, "bin/footnote.js");
const PROBE = new URL("./rss-probe.mjs", import.meta.url).href;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-startup-"));
const rssFile = path.join(work, "rss.tsv");
const env = {
  ...process.env,
  DATA_DIR: path.join(work, "data"),
  LOG_LEVEL: "warn",
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${PROBE}`.trim(),
  FOOTNOTE_BENCH_RSS_FILE: rssFile,
};

/** Runs a command to its end: wall milliseconds, and the largest peak RSS (MB) any of its node processes had. */
function timed(cmd: string, args: string[]): Promise<{ ms: number; mb: number }> {
  fs.rmSync(rssFile, { force: true });
  const start = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${err}`));
      resolve({ ms, mb: peakMb() });
    }),
  );
}

function peakMb(): number {
  if (!fs.existsSync(rssFile)) return NaN;
  const kb = fs
    .readFileSync(rssFile, "utf8")
    .trim()
    .split("\n")
    .map((l) => Number(l.split("\t")[0]));
  return Math.max(...kb) / 1024;
}

/** `footnote bot` to its "running as" line: milliseconds, and its memory (MB) a second later, idle. */
async function botReady(api: FakeBotApi): Promise<{ ms: number; mb: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [BIN, "bot"], {
    cwd: work,
    env: { ...env, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ms = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("running as")) resolve(performance.now() - start);
    });
    child.once("exit", (code) => reject(new Error(`the bot exited (${code}) before its ready line`)));
  });
  await new Promise((r) => setTimeout(r, 1000));
  const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
  const mb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  return { ms, mb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const QUESTION = "Who is acting as a go-between for the council and the crews?";
const cases: Array<[name: string, run: () => Promise<{ ms: number; mb: number }>]> = [
  ["footnote --help", () => timed(process.execPath, [BIN, "--help"])],
  ["footnote list", () => timed(process.execPath, [BIN, "list"])],
  ["footnote ask", () => timed(process.execPath, [BIN, "ask", QUESTION])],
  ["npx footnote ask", () => timed("npx", ["footnote", "ask", QUESTION])],
];

const ranBuild = freshBuild();
await timed(process.execPath, [BIN, "ingest", "examples/harbour-ferry-talks.txt"]);
const api = await FakeBotApi.start();
const rows: string[] = [];
try {
  for (const [name, run] of [
    ...cases,
    ["footnote bot (to ready; idle memory)", () => botReady(api)] as const,
  ]) {
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await run());
    const ms = median(results.map((r) => r.ms));
    const mb = Math.max(...results.map((r) => r.mb));
    rows.push(`| ${name} | ${(ms / 1000).toFixed(2)} s | ${mb.toFixed(0)} MB |`);
  }
} finally {
  await api.close();
  fs.rmSync(work, { recursive: true, force: true });
}
const built =
  ranBuild && freshBuild() ? "build/ (compiled)" : "src/ through tsx (build/ is missing or older than src/)";
console.log(`node ${process.version}, ${os.cpus().length} cores, ${RUNS} runs each, running ${built}\n`);
console.log("| command | median time | peak memory |\n| --- | --- | --- |");
console.log(rows.join("\n"));

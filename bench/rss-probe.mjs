// Preloaded into each process bench/startup.ts runs (NODE_OPTIONS=--import): at exit it appends
// the process's peak resident memory (KB) and its command to FOOTNOTE_BENCH_RSS_FILE.
import fs from "node:fs";

const file = process.env.FOOTNOTE_BENCH_RSS_FILE;
if (file)
  process.on("exit", () => {
    fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\t${process.argv.slice(1).join(" ")}\n`);
  });

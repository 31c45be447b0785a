/**
 * `npm run bench`: scale and speed of footnote on the built-in local embedder, at 10,000,
 * 100,000 and 1,000,000 passages of a deterministic synthetic corpus (bench/corpus.ts).
 *
 *   npm run bench                                  # all three sizes
 *   npm run bench -- --passages 100000             # one size
 *   npm run bench -- --passages 100000 --json      # one JSON line per size on stdout
 *   npm run bench -- --hnsw-m 24 --ef-construction 200 --ef-search 64,128,200
 *
 * For each size, in a fresh data folder: ingest through the real path
 * (`footnote.ingest(lib, {kind: "text", …})`: reading, cleaning, chunking, embedding, store,
 * index), then time `footnote.retrieve(lib, q, 5)` over paraphrased questions after a warm-up,
 * compare the vector index (int8 flat or HNSW) with exact float brute force on the same
 * vectors (recall@10), add a few more articles one at a time, close, measure the folder, and
 * open it again in a child process (bench/open-probe.ts) for the open time and the RSS of an
 * opened library.
 *
 * `--ef-search` takes a comma list: each value after the first re-opens the same library with
 * that efSearch and measures queries and recall again (efSearch is a query-time setting).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadConfig, LOCAL_EMBEDDINGS_MODEL } from "../src/config.ts";
import { LOCAL_DEFAULT_DIMENSIONS } from "../src/embeddings/local.ts";
import { createFootnote } from "../src/footnote.ts";
import {
  DEFAULT_HNSW,
  FLAT_LIMIT,
  VectorIndex,
  type HnswParams,
  type VectorIndexParams,
} from "../src/library/vector-index.ts";
import { Corpus, paraphrase, Rng } from "./corpus.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const LIB = "bench";

interface Options {
  sizes: number[];
  json: boolean;
  vectorIndex: "auto" | "flat" | "hnsw";
  m: number;
  efConstruction: number;
  efSearch: number[];
  questions: number;
  warmup: number;
  addArticles: number;
  seed: number;
  keep: boolean;
  dataRoot: string;
  exactQuestions: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    sizes: [10_000, 100_000, 1_000_000],
    json: false,
    vectorIndex: "auto",
    m: DEFAULT_HNSW.m,
    efConstruction: DEFAULT_HNSW.efConstruction,
    efSearch: [DEFAULT_HNSW.efSearch],
    questions: 500,
    warmup: 50,
    addArticles: 5,
    seed: 20240601,
    keep: false,
    dataRoot: os.tmpdir(),
    exactQuestions: 0,
  };
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(String(v).replace(/_/g, ""));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number (got ${v})`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes("=")
      ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
      : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--passages":
        o.sizes = value()!
          .split(",")
          .map((v) => num(flag, v));
        break;
      case "--json":
        o.json = true;
        break;
      case "--vector-index": {
        const v = value();
        if (v !== "auto" && v !== "flat" && v !== "hnsw")
          throw new Error(`--vector-index takes auto, flat or hnsw, not ${v}`);
        o.vectorIndex = v;
        break;
      }
      case "--hnsw-m":
        o.m = num(flag, value());
        break;
      case "--ef-construction":
        o.efConstruction = num(flag, value());
        break;
      case "--ef-search":
        o.efSearch = value()!
          .split(",")
          .map((v) => num(flag, v));
        break;
      case "--questions":
        o.questions = num(flag, value());
        break;
      case "--warmup":
        o.warmup = num(flag, value());
        break;
      case "--add-articles":
        o.addArticles = num(flag, value());
        break;
      case "--exact-questions":
        o.exactQuestions = num(flag, value());
        break;
      case "--seed":
        o.seed = num(flag, value());
        break;
      case "--keep":
        o.keep = true;
        break;
      case "--data-dir":
        o.dataRoot = value()!;
        break;
      case "--help":
      case "-h":
        process.stdout.write(
          "npm run bench -- [--passages 10000[,100000,…]] [--json] [--vector-index auto|flat|hnsw] [--hnsw-m 16] [--ef-construction 200] [--ef-search 96[,128,…]]\n" +
            "                 [--questions 500] [--warmup 50] [--exact-questions N] [--add-articles 5] [--seed N] [--data-dir /tmp] [--keep]\n",
        );
        process.exit(0);
      default:
        throw new Error(`unknown option ${a}; see --help`);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const out = opts.json ? process.stderr : process.stdout;
const log = (line: string) => out.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`  ${line}\n`);

// A collector to call between phases, so RSS is not a matter of when V8 last collected.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const machine = {
  cpu: os.cpus()[0]?.model.trim() ?? "unknown",
  cores: os.cpus().length,
  ram_gb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => percentile(sortNum(xs), 50);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => bytes / 2 ** 20;

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

interface QueryFigures {
  efSearch: number;
  query_ms_p50: number;
  /** CPU time of the process per query: what the wall clock would say on an idle machine. */
  query_cpu_ms_p50: number;
  query_cpu_ms_p95: number;
  query_ms_p95: number;
  query_ms_p99: number;
  query_ms_max: number;
  /** Share of questions whose source sentence is in one of the 5 passages returned. */
  hit_at_5: number;
  recall_at_10: number;
  /** Share of questions where the graph's first hit is the exact nearest neighbour. */
  recall_at_1: number;
  vector_ms_p50: number;
  vector_ms_p95: number;
}

type Footnote = Awaited<ReturnType<typeof createFootnote>>;

async function measureQueries(
  footnote: Footnote,
  efSearch: number,
  warmup: string[],
  questions: Array<{ q: string; source: string }>,
  exact: number[][],
): Promise<QueryFigures> {
  for (const q of warmup) await footnote.retrieve(LIB, q, 5);
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const { q, source } of questions) {
    const c = process.cpuUsage();
    const t = performance.now();
    const found = await footnote.retrieve(LIB, q, 5);
    times.push(performance.now() - t);
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1000);
    if (found.some((p) => p.text.includes(source))) hits++;
  }
  // The graph alone against exact search over the same vectors.
  const library = footnote.embedded(LIB)!;
  const vtimes: number[] = [];
  let recall = 0;
  let top1 = 0;
  for (let i = 0; i < exact.length; i++) {
    const qv = await footnote.embedder.embedQuery(questions[i]!.q);
    const t = performance.now();
    const got = library.index.search(qv, 10);
    vtimes.push(performance.now() - t);
    const truth = new Set(exact[i]);
    recall += truth.size ? got.filter((g) => truth.has(g.id)).length / truth.size : 1;
    if (got[0]?.id === exact[i]![0]) top1++;
  }
  const st = sortNum(times);
  const sv = sortNum(vtimes);
  const sc = sortNum(cpu);
  return {
    efSearch,
    query_ms_p50: round(percentile(st, 50)),
    query_cpu_ms_p50: round(percentile(sc, 50)),
    query_cpu_ms_p95: round(percentile(sc, 95)),
    query_ms_p95: round(percentile(st, 95)),
    query_ms_p99: round(percentile(st, 99)),
    query_ms_max: round(st[st.length - 1]!),
    hit_at_5: round(hits / questions.length, 3),
    recall_at_10: round(recall / exact.length, 4),
    recall_at_1: round(top1 / exact.length, 4),
    vector_ms_p50: round(percentile(sv, 50), 3),
    vector_ms_p95: round(percentile(sv, 95), 3),
  };
}

async function runSize(target: number): Promise<Array<Record<string, unknown>>> {
  fs.mkdirSync(opts.dataRoot, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(opts.dataRoot, `footnote-bench-${target}-`));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  // `auto` picks the kind when a library opens, so a library built from empty in one process
  // would stay flat all the way to 1M. A real library that size has been reopened since it
  // crossed the line: measure what it is served by then, for ingest and queries alike.
  const kind =
    opts.vectorIndex !== "auto"
      ? opts.vectorIndex
      : target * (config.EMBEDDINGS_DIMENSIONS ?? LOCAL_DEFAULT_DIMENSIONS) > FLAT_LIMIT
        ? "hnsw"
        : "flat";
  const hnsw = (efSearch: number): Partial<VectorIndexParams> => ({
    kind,
    m: opts.m,
    efConstruction: opts.efConstruction,
    efSearch,
  });
  log(`\n== ${target.toLocaleString("en")} passages, ${kind} vector index  (data: ${dataDir})`);
  try {
    let footnote = await createFootnote({ config, hnsw: hnsw(opts.efSearch[0]!) });
    const corpus = new Corpus({ seed: opts.seed });
    corpus.startSampling(opts.questions + opts.warmup);

    // ---- Ingest: the real path, one article at a time, as the bot and the CLI do it.
    let passages = 0;
    let articles = 0;
    let ingestMs = 0;
    let chars = 0;
    const wall0 = performance.now();
    let lastReport = wall0;
    const load0 = os.loadavg()[0]!;
    const cpu0 = process.cpuUsage();
    while (passages < target) {
      const a = corpus.article();
      const t = performance.now();
      const r = await footnote.ingest(LIB, { kind: "text", text: a.text, title: a.title });
      ingestMs += performance.now() - t;
      if (r.duplicate) continue;
      passages += r.chunks;
      articles++;
      chars += a.text.length;
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        progress(
          `ingest ${passages.toLocaleString("en")} / ${target.toLocaleString("en")} passages, ${Math.round(passages / (ingestMs / 1000))} passages/s, rss ${Math.round(mb(process.memoryUsage().rss))} MB`,
        );
      }
    }
    const ingestWall = performance.now() - wall0;
    const ingestCpu = process.cpuUsage(cpu0);
    gc();
    const rssAfterIngest = mb(process.memoryUsage().rss);
    const ingestRate = passages / (ingestMs / 1000);
    progress(
      `ingested ${articles.toLocaleString("en")} articles, ${passages.toLocaleString("en")} passages in ${round(ingestMs / 1000, 1)} s: ${Math.round(ingestRate)} passages/s; rss ${Math.round(rssAfterIngest)} MB`,
    );

    // ---- Questions: paraphrases of sentences sampled over the whole corpus.
    const qrng = new Rng(opts.seed + 7);
    const sampled = corpus.sampledSentences();
    const all = sampled.map((s) => ({ q: paraphrase(s, qrng), source: s }));
    const warmup = all.slice(0, opts.warmup).map((x) => x.q);
    const questions = all.slice(opts.warmup);

    // ---- Exact neighbours, once: brute force over the same vectors.
    const library = footnote.embedded(LIB)!;
    // What served the queries: the index kind this library has while open after the ingest.
    const vectorKind = library.index.kind;
    const dimensions = footnote.embedder.identity.dimensions;
    const exactCount = Math.min(
      questions.length,
      opts.exactQuestions || (target >= 1_000_000 ? 200 : questions.length),
    );
    const t0 = performance.now();
    let bf: ReturnType<typeof VectorIndex.bruteForce> | undefined = VectorIndex.bruteForce(
      library.store,
      library.index.dimensions,
    );
    progress(
      `brute-force index built in ${round((performance.now() - t0) / 1000, 1)} s; ${exactCount} exact queries`,
    );
    const exact: number[][] = [];
    const exactTimes: number[] = [];
    for (let i = 0; i < exactCount; i++) {
      const qv = Array.from(await footnote.embedder.embedQuery(questions[i]!.q));
      const t = performance.now();
      const r = bf.searchKnn(qv, 10);
      exactTimes.push(performance.now() - t);
      exact.push(r.neighbors);
    }
    bf = undefined;
    gc();

    // ---- Queries and recall, for each efSearch asked.
    const perEf: QueryFigures[] = [];
    for (const [i, efSearch] of opts.efSearch.entries()) {
      if (i > 0) {
        await footnote.close();
        footnote = await createFootnote({ config, hnsw: hnsw(efSearch) });
      }
      const q = await measureQueries(footnote, efSearch, warmup, questions, exact);
      perEf.push(q);
      progress(
        `efSearch ${efSearch}: query p50 ${q.query_ms_p50} ms, p95 ${q.query_ms_p95} ms, p99 ${q.query_ms_p99} ms; recall@10 ${q.recall_at_10}; vector index alone p50 ${q.vector_ms_p50} ms`,
      );
    }

    // ---- One more article at a time, after the big ingest.
    const pendingBeforeAdd = footnote.embedded(LIB)!.index.pending;
    const addTimes: number[] = [];
    const addPassages: number[] = [];
    for (let i = 0; i < opts.addArticles; i++) {
      const a = corpus.article(11);
      const t = performance.now();
      const r = await footnote.ingest(LIB, { kind: "text", text: a.text, title: a.title });
      addTimes.push(performance.now() - t);
      addPassages.push(r.chunks);
    }
    const totalPassages = passages + addPassages.reduce((s, n) => s + n, 0);
    const tc = performance.now();
    await footnote.close();
    const closeMs = performance.now() - tc;

    // ---- Disk, then a fresh open in a child process.
    const diskBytes = folderBytes(dataDir);
    // The child gets the dimensions this run embedded with, so a changed default (or a stray
    // EMBEDDINGS_DIMENSIONS) cannot make it refuse the library; a failed probe costs the open
    // figures, not the whole size.
    type Probe = {
      open_ms: number;
      first_query_ms: number;
      rss_mb_open: number;
      replayed_at_open: number;
      create_ms: number;
    };
    const probes: Probe[] = [];
    for (let i = 0; i < 3; i++) {
      // The kind the run measured, so that an `auto` library over the flat limit is not rebuilt
      // as a graph by the probe (that happens once, at the first open, and is timed apart).
      const arg = JSON.stringify({
        dataDir,
        library: LIB,
        hnsw: { ...hnsw(opts.efSearch[0]!), kind: vectorKind },
        question: questions[i]!.q,
        dimensions,
      });
      try {
        const stdout = execFileSync(
          process.execPath,
          ["--import", "tsx", path.join(HERE, "open-probe.ts"), arg],
          { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "pipe"] },
        );
        probes.push(JSON.parse(stdout.trim().split("\n").pop()!) as Probe);
      } catch (error) {
        const e = error as { stderr?: string; message: string };
        progress(`open probe failed: ${(e.stderr || e.message).trim().split("\n").slice(0, 6).join(" | ")}`);
      }
    }
    const probe: Probe | undefined = probes.sort((a, b) => a.open_ms - b.open_ms)[
      Math.floor(probes.length / 2)
    ];
    if (probe)
      progress(
        `open ${round(probe.open_ms)} ms (median of ${probes.length}, ${probe.replayed_at_open} passages replayed past the snapshot), first query ${round(probe.first_query_ms)} ms, rss ${Math.round(probe.rss_mb_open)} MB`,
      );

    const common = {
      passages: totalPassages,
      articles: articles + opts.addArticles,
      chars_per_passage: Math.round(chars / passages),
      ingest_passages_per_s: Math.round(ingestRate),
      ingest_s: round(ingestMs / 1000, 1),
      ingest_wall_s: round(ingestWall / 1000, 1),
      // Passages per CPU-second of this process (generation included): the rate on an idle machine is between the two.
      ingest_passages_per_cpu_s: Math.round(passages / ((ingestCpu.user + ingestCpu.system) / 1e6)),
      // Other work on the machine while this ran (1-minute load average, at the start and at the end).
      load_avg: [round(load0, 1), round(os.loadavg()[0]!, 1)],
      exact_ms_p50: round(median(exactTimes), 2),
      exact_questions: exactCount,
      rss_mb_after_ingest: Math.round(rssAfterIngest),
      rss_mb_open: probe ? Math.round(probe.rss_mb_open) : null,
      open_ms: probe ? round(probe.open_ms, 1) : null,
      open_ms_runs: probes.map((p) => round(p.open_ms, 1)).sort((a, b) => a - b),
      first_query_ms: probe ? round(probe.first_query_ms, 1) : null,
      replayed_at_open: probe ? probe.replayed_at_open : null,
      disk_bytes: diskBytes,
      disk_bytes_per_passage: Math.round(diskBytes / totalPassages),
      add_one_article_ms: round(median(addTimes), 1),
      add_one_article_ms_max: round(Math.max(...addTimes), 1),
      add_one_article_passages: round(median(addPassages), 0),
      pending_before_add: pendingBeforeAdd,
      close_ms: round(closeMs, 1),
      questions: questions.length,
      machine,
    };
    return perEf.map((q) => ({
      ...common,
      ...q,
      vector_index: vectorKind,
      hnsw: { m: opts.m, efConstruction: opts.efConstruction, efSearch: q.efSearch },
    }));
  } finally {
    if (opts.keep) log(`kept ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function table(rows: Array<Record<string, unknown>>): void {
  const cols: Array<[string, string]> = [
    ["passages", "passages"],
    ["vector_index", "index"],
    ["hnsw", "M/efC/efS"],
    ["ingest_passages_per_s", "ingest/s"],
    ["query_ms_p50", "q p50"],
    ["query_ms_p95", "q p95"],
    ["query_ms_p99", "q p99"],
    ["query_cpu_ms_p95", "q cpu p95"],
    ["recall_at_10", "recall@10"],
    ["recall_at_1", "recall@1"],
    ["vector_ms_p50", "vector p50"],
    ["exact_ms_p50", "exact p50"],
    ["hit_at_5", "hit@5"],
    ["rss_mb_after_ingest", "rss ingest MB"],
    ["rss_mb_open", "rss open MB"],
    ["open_ms", "open ms"],
    ["disk_bytes_per_passage", "disk B/psg"],
    ["add_one_article_ms", "add 1 ms"],
    ["load_avg", "load"],
  ];
  const cell = (r: Record<string, unknown>, key: string): string => {
    const v = r[key];
    if (key === "hnsw") {
      const h = v as HnswParams;
      return `${h.m}/${h.efConstruction}/${h.efSearch}`;
    }
    if (Array.isArray(v)) return v.join("→");
    // Four decimals: recall 0.9998 must not print as 1.
    return typeof v === "number" ? v.toLocaleString("en", { maximumFractionDigits: 4 }) : String(v);
  };
  const widths = cols.map(([k, h]) => Math.max(h.length, ...rows.map((r) => cell(r, k).length)));
  log(cols.map(([, h], i) => h.padStart(widths[i]!)).join("  "));
  for (const r of rows) log(cols.map(([k], i) => cell(r, k).padStart(widths[i]!)).join("  "));
}

log(
  `footnote bench — ${machine.cpu}, ${machine.cores} cores, ${machine.ram_gb} GiB RAM, Node ${machine.node}, ${machine.platform}`,
);
log(
  `embedder: local (${LOCAL_EMBEDDINGS_MODEL}, ${LOCAL_DEFAULT_DIMENSIONS} dims); hnsw: M ${opts.m}, efConstruction ${opts.efConstruction}, efSearch ${opts.efSearch.join(",")}; ${opts.questions} questions after ${opts.warmup} warm-up`,
);
const results: Array<Record<string, unknown>> = [];
for (const size of opts.sizes) {
  const rows = await runSize(size);
  for (const r of rows) {
    results.push(r);
    if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  }
  log("");
  table(rows);
}
if (results.length > 1) {
  log("\n== summary");
  table(results);
}

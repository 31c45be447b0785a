/**
 * `npm run bench`: scale and speed of footnote on the built-in local embedder, at 10,000,
 * 100,000 and 1,000,000 passages of a deterministic synthetic corpus (bench/corpus.ts).
 *
 *   npm run bench                                  # all three sizes
 *   npm run bench -- --passages 100000             # one size
 *   npm run bench -- --passages 100000 --json      # one JSON line per size on stdout
 *   npm run bench -- --hnsw-m 24 --ef-construction 200 --ef-search 64,128,200
 *   npm run bench -- --store embedded,postgres --passages 10000   # both storages, side by side
 *   npm run bench -- --store postgres --database-url postgres://…   # a real server
 *
 * `--store postgres` without `--database-url` starts a PGlite server (PostgreSQL compiled to
 * WebAssembly, with pgvector; bench/pglite-server.ts) in a child process, in memory, and
 * connects to it over TCP as to any server; its RSS is reported as the server's memory. The
 * Postgres recall@10 is its vector side (up to the exact scan's limit, the process's int8 copy
 * of the halfvecs, vector-cache.ts, loaded cold and timed before the questions: `cold_load_ms`;
 * past it, HNSW) against an exact float scan of the same passages' vectors, embedded again here.
 * PGlite inserts into an HNSW index at ~0.1 s a passage (WebAssembly, one core), so the bulk
 * ingest runs without the index and builds it after, as pgvector advises for a first load
 * (`index_build_s`); every figure after that (queries, add one article) has the index.
 * `hnsw_recall_at_10` forces the HNSW path whatever the size, and `small_recall_at_10_hnsw`
 * is that of a 200-passage library searched through the HNSW index of the whole table
 * (filtered search with pgvector's iterative scan).
 *
 * For each size, in a fresh data folder: ingest through the real path
 * (`footnote.ingest(lib, {kind: "text", …})`: reading, cleaning, chunking, embedding, store,
 * index), then time `footnote.retrieve(lib, q, 5)` over paraphrased questions after a warm-up,
 * compare the vector index (int8 flat or HNSW) with exact float brute force on the same
 * vectors (recall@10), add a few more articles one at a time, close, measure the folder, and
 * open it again in a child process (bench/open-probe.mjs, on the compiled build when it is
 * fresh) for the open time and the RSS of an opened library.
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
import { freshBuild } from "../bin/fresh-build.js";
import { loadConfig, LOCAL_EMBEDDINGS_MODEL } from "../src/config.ts";
import { LOCAL_DEFAULT_DIMENSIONS } from "../src/embeddings/local.ts";
import { createFootnote } from "../src/footnote.ts";
import {
  DEFAULT_HNSW,
  VectorIndex,
  type HnswParams,
  type VectorIndexParams,
} from "../src/library/embedded/vector-index.ts";
import { Corpus, paraphrase, Rng } from "./corpus.ts";
import { spawn, type ChildProcess } from "node:child_process";
import hnswlib from "hnswlib-node";
import { FLAT_LIMIT, type StorageKind } from "../src/library/storage.ts";
import { PostgresStorage } from "../src/library/postgres/storage.ts";
import { vectorLiteral, type PostgresLibrary } from "../src/library/postgres/library.ts";
import { analyseQuery, lexicalWords } from "../src/retrieve/query.ts";
import { embeddedLibrary } from "../src/library/embedded/storage.ts";
import { HNSW_INDEX } from "../src/library/postgres/schema.ts";
import type { ArticleExport } from "../src/library/storage.ts";
import { readSource } from "../src/ingest/read-source.ts";
import { chunkText } from "../src/ingest/chunk.ts";
import { hashText } from "../src/pipeline/ingest.ts";
import { identifyLanguage } from "../src/text/identify.ts";

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
  stores: StorageKind[];
  databaseUrl?: string;
  /** Postgres: keep the HNSW index during the bulk ingest (the incremental path) instead of building it after. */
  pgKeepIndex: boolean;
  /**
   * Postgres: the bulk ingest in batches of this many passages, one transaction each
   * (PostgresStorage.importArticles, as `footnote migrate` copies); 0: one article at a time
   * through footnote.ingest, as the bot stores an article.
   */
  pgBatch: number;
  /** Postgres: also measure a vector(d) HNSW index beside the halfvec one (recall, build time, size). */
  pgCompareVector: boolean;
  /** Stop after the ingest, before the HNSW build: a library to profile on a server that outlives the run. */
  loadOnly: boolean;
  /**
   * Embedded: a library a run kept (`--keep`, `--load-only`) measured again without its ingest:
   * the same seed regenerates the same questions, and nothing is added to it (so that it can be
   * measured again and again, as a retrieval change needs at 1M).
   */
  reuse?: string;
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
    stores: ["embedded"],
    pgKeepIndex: false,
    pgBatch: 1000,
    pgCompareVector: false,
    loadOnly: false,
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
      case "--store":
        o.stores = value()!
          .split(",")
          .map((v) => {
            if (v !== "embedded" && v !== "postgres")
              throw new Error(`--store takes embedded, postgres or both (comma list), not ${v}`);
            return v;
          });
        break;
      case "--pg-keep-index":
        o.pgKeepIndex = true;
        break;
      case "--pg-batch": {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0)
          throw new Error("--pg-batch takes a number of passages (0: one article at a time)");
        o.pgBatch = v;
        break;
      }
      case "--pg-compare-vector":
        o.pgCompareVector = true;
        break;
      case "--database-url":
        o.databaseUrl = value();
        break;
      case "--load-only":
        o.loadOnly = true;
        break;
      case "--reuse":
        o.reuse = value();
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
            "                 [--questions 500] [--warmup 50] [--exact-questions N] [--add-articles 5] [--seed N] [--data-dir /tmp] [--keep]\n" +
            "                 [--store embedded|postgres|embedded,postgres] [--database-url postgres://…] [--pg-keep-index] [--pg-compare-vector]\n" +
            "                 [--pg-batch 1000]   (Postgres bulk ingest: passages a transaction, as migrate copies; 0: one article at a time through footnote.ingest)\n" +
            "                 [--load-only]   (ingest, then stop before the HNSW build: with --database-url, the library stays on the server)\n" +
            "                 [--reuse DIR]   (embedded: measure a library a run kept, without ingesting or adding to it; same --seed, --questions, --warmup)\n",
        );
        process.exit(0);
        break; // not reached: exit() does not return
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
  vectorSearch: (qv: Float32Array, k: number) => Promise<number[]>,
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
  // The vector side alone against exact search over the same vectors.
  const vtimes: number[] = [];
  let recall = 0;
  let top1 = 0;
  for (let i = 0; i < exact.length; i++) {
    const qv = await footnote.embedder.embedQuery(questions[i]!.q);
    const t = performance.now();
    const got = await vectorSearch(qv, 10);
    vtimes.push(performance.now() - t);
    const truth = new Set(exact[i]);
    recall += truth.size ? got.filter((g) => truth.has(g)).length / truth.size : 1;
    if (got[0] === exact[i]![0]) top1++;
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

/** A PGlite server in a child process (in memory), for `--store postgres` without a URL. */
async function startPgliteServer(): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "pglite-server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let outText = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      outText += d;
      const m = /DATABASE_URL=(\S+)/.exec(outText);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the PGlite server exited (${code})`)));
  });
  // Not left running if this process dies first.
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      process.off("exit", orphan);
    },
  };
}

/**
 * A bulk-loaded table's HNSW index, built as an operator would after a first load: in one
 * session with room for the whole graph (pgvector builds much faster when the graph fits in
 * maintenance_work_mem, and says so in a notice when it does not).
 */
async function buildHnsw(pgStore: PostgresStorage, createIndex: string): Promise<void> {
  await pgStore.transaction(async (client) => {
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    await client.query(createIndex);
  });
}

/**
 * A library's nearest rows through the table's HNSW index whatever the planner would pick at this
 * size (no sequential, bitmap or sorted plan left to it), with the library filter and pgvector's
 * iterative scan as the storage runs it, at a given hnsw.ef_search.
 */
async function throughGraph(
  pgStore: PostgresStorage,
  table: string,
  type: "vector" | "halfvec",
  qv: Float32Array,
  k: number,
  efSearch: number,
): Promise<number[]> {
  return pgStore.transaction(async (client) => {
    await client.query(
      `SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off; SET LOCAL hnsw.ef_search = ${Math.trunc(efSearch)}`,
    );
    const { rows } = await client.query<{ id: number }>(
      // footnote_vectors' HNSW index is partial (WHERE graph): the query must say so to use it.
      `SELECT ${table === "footnote_vectors" ? "passage_id AS id" : "id"} FROM ${table} WHERE library_id = $1 ${table === "footnote_vectors" ? "AND graph " : ""}ORDER BY embedding <=> $2::${type} LIMIT $3`,
      [LIB, vectorLiteral(qv), k],
    );
    return rows.map((r) => r.id);
  });
}

/**
 * The library's passages again with their float vectors (embedded again: what the halfvec
 * column was rounded from) in a vector(d) column with its own HNSW index, so recall of halfvec
 * and vector can be compared on the same data, queries and filter.
 */
async function loadFloatTable(pgStore: PostgresStorage, footnote: Footnote) {
  const d = footnote.embedder.identity.dimensions;
  await pgStore.query(
    `CREATE TABLE footnote_bench_float (id bigint PRIMARY KEY, library_id text NOT NULL, embedding vector(${d}) NOT NULL)`,
  );
  const { rows } = await pgStore.query<{ id: number; text: string }>(
    "SELECT id, text FROM footnote_passages WHERE library_id = $1 ORDER BY id",
    [LIB],
  );
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const vs = await footnote.embedder.embedDocuments(batch.map((r) => r.text));
    await pgStore.query(
      "INSERT INTO footnote_bench_float (id, library_id, embedding) SELECT u.id, $1, u.e::vector FROM unnest($2::int8[], $3::text[]) AS u(id, e)",
      [LIB, batch.map((r) => r.id), vs.map(vectorLiteral)],
    );
  }
  const t = performance.now();
  await buildHnsw(
    pgStore,
    "CREATE INDEX footnote_bench_float_hnsw ON footnote_bench_float USING hnsw (embedding vector_cosine_ops)",
  );
  const buildS = round((performance.now() - t) / 1000, 1);
  const size = async (name: string) =>
    round(
      mb(
        (await pgStore.query<{ b: number }>("SELECT pg_relation_size($1::regclass)::int8 AS b", [name]))
          .rows[0]!.b,
      ),
      1,
    );
  return {
    buildS,
    indexMb: await size("footnote_bench_float_hnsw"),
    halfvecIndexMb: await size(HNSW_INDEX),
    nearest: (qv: Float32Array, k: number, efSearch: number) =>
      throughGraph(pgStore, "footnote_bench_float", "vector", qv, k, efSearch),
    drop: async () => {
      await pgStore.query("DROP TABLE footnote_bench_float");
    },
  };
}

/** CPU seconds another process has used (user + system), from /proc (Linux). */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the name), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Resident memory of another process, from /proc (Linux), in MB. */
function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * An article as footnote.ingest prepares it (read as pasted text, cut into passages, its
 * language identified, its passages embedded), not stored: for the batched Postgres ingest.
 */
async function prepareArticle(
  footnote: Footnote,
  config: ReturnType<typeof loadConfig>,
  a: { text: string; title: string },
): Promise<ArticleExport> {
  const input = await readSource({ kind: "text", text: a.text, title: a.title }, { config });
  const contentHash = hashText(input.text);
  const chunks = chunkText(input.text);
  const language = identifyLanguage(input.text);
  const vectors = await footnote.embedder.embedDocuments(
    chunks.map((c) => c.text),
    language,
  );
  return {
    article: {
      id: contentHash.slice(0, 12),
      title: input.title ?? a.title,
      url: null,
      byline: null,
      publishedAt: null,
      text: input.text,
      contentHash,
      language,
      createdAt: new Date().toISOString(),
    },
    chunks,
    vectors,
  };
}

async function runSize(target: number, store: StorageKind): Promise<Array<Record<string, unknown>>> {
  fs.mkdirSync(opts.dataRoot, { recursive: true });
  if (opts.reuse && store !== "embedded") throw new Error("--reuse is for the embedded store");
  const dataDir = opts.reuse ?? fs.mkdtempSync(path.join(opts.dataRoot, `footnote-bench-${target}-`));
  const metaFile = path.join(dataDir, "bench-meta.json");
  const server = store === "postgres" && !opts.databaseUrl ? await startPgliteServer() : undefined;
  const databaseUrl = store === "postgres" ? (opts.databaseUrl ?? server!.url) : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
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
  log(
    store === "postgres"
      ? `\n== ${target.toLocaleString("en")} passages, postgres storage (${server ? "PGlite server, in memory" : "DATABASE_URL"})`
      : `\n== ${target.toLocaleString("en")} passages, ${kind} vector index  (data: ${dataDir})`,
  );
  try {
    let footnote = await createFootnote({ config, hnsw: hnsw(opts.efSearch[0]!) });
    const pgStore = store === "postgres" ? (footnote.storage as PostgresStorage) : undefined;
    if (pgStore && !opts.pgKeepIndex) await pgStore.query(`DROP INDEX ${HNSW_INDEX}`);
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
    const serverCpu0 = cpuSecondsOf(server?.child.pid);
    const walAt = async () =>
      pgStore
        ? (await pgStore.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn
        : null;
    const wal0 = await walAt();
    // Postgres in batches: each article read, cut and embedded as footnote.ingest does, then a
    // batch stored in one transaction (importArticles), as `footnote migrate` copies: the next
    // batch is prepared while the server stores this one, and the posting merges wait for the
    // end of the load (PostgresStorage.holdMerges), as in a migrate into an empty database (bulkLoad).
    const batched = pgStore && opts.pgBatch > 0;
    const releaseMerges = batched ? pgStore.holdMerges() : undefined;
    let batch: ArticleExport[] = [];
    /** Of ingestMs, the time in importArticles (the database's share of a batched ingest). */
    let storeMs = 0;
    let batchPassages = 0;
    /** Passages prepared (stored or being stored), and the batch being stored. */
    let queued = 0;
    let storing: Promise<void> = Promise.resolve();
    const storeBatch = async (items: ArticleExport[]): Promise<void> => {
      const ts = performance.now();
      const outcomes = await pgStore!.importArticles(LIB, items);
      storeMs += performance.now() - ts;
      outcomes.forEach((o, i) => {
        if (o.outcome !== "copied") return void (queued -= items[i]!.chunks.length);
        passages += items[i]!.chunks.length;
        articles++;
        chars += items[i]!.article.text.length;
      });
    };
    // --reuse: the corpus regenerated up to the articles the kept run stored (for the same
    // question sample), none of it stored again.
    type Meta = { articles: number; passages: number; chars: number; ingest_s: number; seed: number };
    let reused: Meta | undefined;
    if (opts.reuse) {
      reused = fs.existsSync(metaFile)
        ? (JSON.parse(fs.readFileSync(metaFile, "utf8")) as Meta)
        : (() => {
            // A library kept before bench-meta.json: its articles but the few the run added after.
            const s = embeddedLibrary(footnote.storage, LIB)!.store;
            const n = (s.db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
            return {
              articles: n - opts.addArticles,
              passages: s.passageCount(),
              chars: 0,
              ingest_s: NaN,
              seed: opts.seed,
            };
          })();
      if (reused.seed !== opts.seed) throw new Error(`${dataDir} was built with --seed ${reused.seed}`);
      for (let i = 0; i < reused.articles; i++) corpus.article();
      ({ passages, articles, chars } = reused);
      progress(
        `reusing ${dataDir}: ${articles.toLocaleString("en")} articles, ${passages.toLocaleString("en")} passages (ingested in ${reused.ingest_s} s)`,
      );
    }
    while (!reused && passages < target) {
      const t = performance.now();
      if (batched) {
        if (queued < target) {
          const item = await prepareArticle(footnote, config, corpus.article());
          batch.push(item);
          batchPassages += item.chunks.length;
          queued += item.chunks.length;
        }
        if (batch.length && (batchPassages >= opts.pgBatch || queued >= target)) {
          await storing; // one batch in flight at most
          storing = storeBatch(batch);
          batch = [];
          batchPassages = 0;
        }
        if (queued >= target) await storing;
        ingestMs += performance.now() - t;
      } else {
        const a = corpus.article();
        const r = await footnote.ingest(LIB, { kind: "text", text: a.text, title: a.title });
        ingestMs += performance.now() - t;
        if (r.duplicate) continue;
        passages += r.chunks;
        articles++;
        chars += a.text.length;
      }
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        progress(
          `ingest ${passages.toLocaleString("en")} / ${target.toLocaleString("en")} passages, ${Math.round(passages / (ingestMs / 1000))} passages/s, rss ${Math.round(mb(process.memoryUsage().rss))} MB` +
            (serverCpu0 === null
              ? ""
              : `; server ${Math.round(passages / Math.max(0.01, (cpuSecondsOf(server?.child.pid) ?? 0) - serverCpu0))} passages per CPU-second, rss ${Math.round(rssOf(server?.child.pid) ?? 0)} MB; load ${round(os.loadavg()[0]!, 1)}`),
        );
      }
    }
    if (batched) {
      // As a bulk load ends (PostgresStorage.bulkLoad): the posting rows the batches left, merged.
      const t = performance.now();
      releaseMerges!();
      await pgStore.mergePending({ compact: true });
      progress(`posting rows merged at the end of the load in ${round((performance.now() - t) / 1000, 1)} s`);
      ingestMs += performance.now() - t;
      storeMs += performance.now() - t;
    }
    const ingestWall = performance.now() - wall0;
    if (!reused)
      fs.writeFileSync(
        metaFile,
        JSON.stringify({
          articles,
          passages,
          chars,
          ingest_s: round(ingestMs / 1000, 1),
          seed: opts.seed,
        } satisfies Meta),
      );
    if (reused) ingestMs = reused.ingest_s * 1000;
    // WAL the ingest wrote (Postgres): what a replica or a backup ships on top of the tables.
    const walBytes =
      pgStore && wal0
        ? (
            await pgStore.query<{ b: number }>(
              "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::int8 AS b",
              [wal0],
            )
          ).rows[0]!.b
        : null;
    const serverCpu1 = cpuSecondsOf(server?.child.pid);
    // The server's CPU per passage: what bounds a PGlite ingest, whatever else the machine runs.
    const serverIngestCpuS = serverCpu0 !== null && serverCpu1 !== null ? serverCpu1 - serverCpu0 : null;
    let indexBuildMs: number | null = null;
    let indexBuildCpuS: number | null = null;
    if (pgStore && !opts.pgKeepIndex && !opts.loadOnly) {
      const t = performance.now();
      // As `footnote migrate` does after a first copy (PostgresStorage.bulkLoad).
      await pgStore.buildVectorIndex();
      indexBuildMs = performance.now() - t;
      const c1 = cpuSecondsOf(server?.child.pid);
      if (serverCpu1 !== null && c1 !== null) indexBuildCpuS = round(c1 - serverCpu1, 1);
      progress(`HNSW index built in ${round(indexBuildMs / 1000, 1)} s`);
    }
    const ingestCpu = process.cpuUsage(cpu0);
    gc();
    const rssAfterIngest = mb(process.memoryUsage().rss);
    const ingestRate = passages / (ingestMs / 1000);
    progress(
      `ingested ${articles.toLocaleString("en")} articles, ${passages.toLocaleString("en")} passages in ${round(ingestMs / 1000, 1)} s: ${Math.round(ingestRate)} passages/s${storeMs ? ` (${round(storeMs / 1000, 1)} s of it storing)` : ""}; rss ${Math.round(rssAfterIngest)} MB`,
    );
    if (opts.loadOnly) {
      await footnote.close();
      return [];
    }

    // ---- Questions: paraphrases of sentences sampled over the whole corpus.
    const qrng = new Rng(opts.seed + 7);
    const sampled = corpus.sampledSentences();
    const all = sampled.map((s) => ({ q: paraphrase(s, qrng), source: s }));
    const warmup = all.slice(0, opts.warmup).map((x) => x.q);
    const questions = all.slice(opts.warmup);

    // ---- Exact neighbours, once: brute force over the same vectors.
    const dimensions = footnote.embedder.identity.dimensions;
    const exactCount = Math.min(
      questions.length,
      opts.exactQuestions || (target >= 1_000_000 ? 200 : questions.length),
    );
    const t0 = performance.now();
    let bf: hnswlib.BruteforceSearch | undefined;
    let vectorKind: string;
    let vectorSearch: (qv: Float32Array, k: number) => Promise<number[]>;
    if (store === "embedded") {
      const library = embeddedLibrary(footnote.storage, LIB)!;
      // What served the queries: the index kind this library has while open after the ingest.
      vectorKind = library.index.kind;
      bf = VectorIndex.bruteForce(library.store, library.index.dimensions);
      vectorSearch = async (qv, k) => library.index.search(qv, k).map((r) => r.id);
    } else {
      // The float vectors the halfvec column was rounded from: the same passages, embedded again.
      const { rows } = await pgStore!.query<{ id: number; text: string }>(
        "SELECT id, text FROM footnote_passages WHERE library_id = $1 ORDER BY id",
        [LIB],
      );
      bf = new hnswlib.BruteforceSearch("cosine", dimensions);
      bf.initIndex(Math.max(1, rows.length));
      for (let i = 0; i < rows.length; i += 1024) {
        const batch = rows.slice(i, i + 1024);
        const vs = await footnote.embedder.embedDocuments(batch.map((r) => r.text));
        batch.forEach((r, j) => bf!.addPoint(Array.from(vs[j]!), r.id));
      }
      vectorKind = rows.length <= pgStore!.exactScanMax ? "pg exact" : "pg hnsw";
      vectorSearch = async (qv, k) =>
        (await pgStore!.withLibrary(LIB, false, async (l) => {
          await l.termStats([]);
          return (await l.candidates({ words: [], vector: qv, limit: k })).nearest;
        })) ?? [];
    }
    progress(
      `brute-force index built in ${round((performance.now() - t0) / 1000, 1)} s; ${exactCount} exact queries`,
    );
    // halfvec against vector: the same passages' float vectors in a vector(d) column of their own.
    const floatTable =
      store === "postgres" && opts.pgCompareVector ? await loadFloatTable(pgStore!, footnote) : null;
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

    // ---- Postgres: the process's copy of the library's vectors (vector-cache.ts), loaded cold
    // as a replica's first question loads it (in the background, that question scanning in SQL).
    let coldLoadMs: number | null = null;
    if (pgStore && passages <= pgStore.exactScanMax) {
      const qv = await footnote.embedder.embedQuery(questions[0]!.q);
      gc();
      const rss0 = process.memoryUsage().rss;
      const t = performance.now();
      await pgStore.withLibrary(LIB, false, async (l) => {
        await l.termStats([]);
        await l.candidates({ words: [], vector: qv, limit: 10 });
      });
      await pgStore.vectors.settled();
      coldLoadMs = performance.now() - t;
      gc();
      progress(
        `cold copy of the library's vectors: ${pgStore.vectors.holds(LIB)?.passages ?? 0} loaded in ${round(coldLoadMs)} ms, about ${Math.round(mb(pgStore.vectors.bytes(LIB)))} MB (rss ${Math.round(mb(rss0))} -> ${Math.round(mb(process.memoryUsage().rss))} MB)`,
      );
    }

    // ---- Queries and recall, for each efSearch asked.
    const perEf: QueryFigures[] = [];
    for (const [i, efSearch] of opts.efSearch.entries()) {
      if (i > 0) {
        await footnote.close();
        footnote = await createFootnote({ config, hnsw: hnsw(efSearch) });
      }
      const q = await measureQueries(footnote, efSearch, warmup, questions, exact, vectorSearch);
      perEf.push(q);
      progress(
        `efSearch ${efSearch}: query p50 ${q.query_ms_p50} ms, p95 ${q.query_ms_p95} ms, p99 ${q.query_ms_p99} ms; recall@10 ${q.recall_at_10}; vector index alone p50 ${q.vector_ms_p50} ms`,
      );
    }

    // ---- Postgres: the HNSW path forced, for the whole library and for a small one beside it.
    const pgExtra: Record<string, number | null> = {};
    if (store === "postgres") {
      // A library within the exact scan's limit has no rows in the (partial) HNSW index: put them
      // in for this section, built at once as after a bulk load, and take them out again after.
      const inGraph = passages > pgStore!.exactScanMax;
      if (!inGraph) {
        await pgStore!.query(`DROP INDEX ${HNSW_INDEX}`);
        await pgStore!.query("UPDATE footnote_vectors SET graph = true");
        const t = performance.now();
        await pgStore!.buildVectorIndex();
        pgExtra.graph_build_s = round((performance.now() - t) / 1000, 1);
        progress(`HNSW index over the library's ${passages} vectors built in ${pgExtra.graph_build_s} s`);
      }
      const viaHnsw = await PostgresStorage.connect({
        url: databaseUrl!,
        identity: () => footnote.embedder.identity,
        exactScanMax: 0,
      });
      try {
        const near = async (lib: string, qv: Float32Array) =>
          (await viaHnsw.withLibrary(lib, false, async (l) => {
            await l.termStats([]);
            return (await l.candidates({ words: [], vector: qv, limit: 10 })).nearest;
          })) ?? [];
        let recall = 0;
        const times: number[] = [];
        const n = Math.min(exact.length, 200);
        for (let i = 0; i < n; i++) {
          const qv = await footnote.embedder.embedQuery(questions[i]!.q);
          const t = performance.now();
          const got = await near(LIB, qv);
          times.push(performance.now() - t);
          const truth = new Set(exact[i]);
          recall += got.filter((g) => truth.has(g)).length / Math.max(1, truth.size);
        }
        pgExtra.hnsw_recall_at_10 = round(recall / n, 4);
        pgExtra.hnsw_vector_ms_p50 = round(median(times), 2);
        // Which plan the storage's HNSW path gets at this size (the planner may prefer an exact scan).
        const plan = await pgStore!.query<{ "QUERY PLAN": string }>(
          "EXPLAIN SELECT passage_id FROM footnote_vectors WHERE library_id = $1 AND graph ORDER BY embedding <=> $2::halfvec LIMIT 40",
          [LIB, vectorLiteral(await footnote.embedder.embedQuery(questions[0]!.q))],
        );
        pgExtra.hnsw_path_uses_index = plan.rows.some((r) => r["QUERY PLAN"].includes(HNSW_INDEX)) ? 1 : 0;
        // Both column types through their graphs, forced, at pgvector's default ef_search and at the embedded graph's.
        const forced = async (search: (qv: Float32Array) => Promise<number[]>) => {
          let r = 0;
          const ts: number[] = [];
          for (let i = 0; i < n; i++) {
            const qv = await footnote.embedder.embedQuery(questions[i]!.q);
            const t = performance.now();
            const got = await search(qv);
            ts.push(performance.now() - t);
            const truth = new Set(exact[i]);
            r += got.filter((g) => truth.has(g)).length / Math.max(1, truth.size);
          }
          return { recall: round(r / n, 4), p50: round(median(ts), 2) };
        };
        for (const ef of [100, 250]) {
          const h = await forced((qv) => throughGraph(pgStore!, "footnote_vectors", "halfvec", qv, 10, ef));
          pgExtra[`halfvec_hnsw_recall_at_10_ef${ef}`] = h.recall;
          pgExtra[`halfvec_hnsw_ms_p50_ef${ef}`] = h.p50;
          progress(`halfvec through its graph, ef_search ${ef}: recall@10 ${h.recall}, p50 ${h.p50} ms`);
        }
        if (floatTable) {
          // The same questions through the vector(d) HNSW index, filtered to the library the same way.
          for (const ef of [100, 250]) {
            const v = await forced((qv) => floatTable.nearest(qv, 10, ef));
            pgExtra[`vector_hnsw_recall_at_10_ef${ef}`] = v.recall;
            pgExtra[`vector_hnsw_ms_p50_ef${ef}`] = v.p50;
            progress(`vector through its graph, ef_search ${ef}: recall@10 ${v.recall}, p50 ${v.p50} ms`);
          }
          pgExtra.vector_index_build_s = floatTable.buildS;
          pgExtra.vector_index_mb = floatTable.indexMb;
          pgExtra.halfvec_index_mb = floatTable.halfvecIndexMb;
          await floatTable.drop();
          progress(
            `vector(d) index build ${floatTable.buildS} s, ${floatTable.indexMb} MB (halfvec ${floatTable.halfvecIndexMb} MB)`,
          );
        }
        // A small library in the same table: its own 200 passages, searched through the graph.
        const small = "bench-small";
        let smallPassages = 0;
        const smallCorpus = new Corpus({ seed: opts.seed + 99 });
        smallCorpus.startSampling(50);
        while (smallPassages < 200) {
          const a = smallCorpus.article();
          smallPassages += (await footnote.ingest(small, { kind: "text", text: a.text, title: a.title }))
            .chunks;
        }
        await pgStore!.query("UPDATE footnote_vectors SET graph = true WHERE library_id = $1", [small]);
        const { rows } = await pgStore!.query<{ id: number; text: string }>(
          "SELECT id, text FROM footnote_passages WHERE library_id = $1",
          [small],
        );
        const vs = await footnote.embedder.embedDocuments(rows.map((r) => r.text));
        const smallQs = smallCorpus.sampledSentences().map((x) => paraphrase(x, new Rng(opts.seed + 5)));
        let smallRecall = 0;
        for (const q of smallQs) {
          const qv = await footnote.embedder.embedQuery(q);
          const truth = rows
            .map((r, j) => ({ id: r.id, s: vs[j]!.reduce((acc, x, d) => acc + x * qv[d]!, 0) }))
            .sort((a, b) => b.s - a.s)
            .slice(0, 10)
            .map((x) => x.id);
          const got = await near(small, qv);
          smallRecall += got.filter((g) => truth.includes(g)).length / truth.length;
        }
        pgExtra.small_recall_at_10_hnsw = round(smallRecall / Math.max(1, smallQs.length), 4);
        progress(
          `postgres HNSW path: recall@10 ${pgExtra.hnsw_recall_at_10} (vector p50 ${pgExtra.hnsw_vector_ms_p50} ms, planned ${pgExtra.hnsw_path_uses_index ? "through the HNSW index" : "as an exact scan"}); a 200-passage library through the graph: recall@10 ${pgExtra.small_recall_at_10_hnsw}`,
        );
      } finally {
        await viaHnsw.close();
        if (!inGraph) {
          // Back as the library is stored without the bench: out of the graph, and the table
          // rewritten (VACUUM FULL) so that the two updates' dead rows do not count as its size.
          await pgStore!.query(`DROP INDEX ${HNSW_INDEX}`);
          await pgStore!.query("UPDATE footnote_vectors SET graph = false");
          await pgStore!.query("VACUUM FULL footnote_vectors");
          await pgStore!.buildVectorIndex();
        }
      }
    }

    // ---- One more article at a time, after the big ingest.
    const pendingBeforeAdd =
      store === "embedded" ? embeddedLibrary(footnote.storage, LIB)!.index.pending : null;
    const addTimes: number[] = [];
    const addPassages: number[] = [];
    for (let i = 0; i < (reused ? 0 : opts.addArticles); i++) {
      const a = corpus.article(11);
      const t = performance.now();
      const r = await footnote.ingest(LIB, { kind: "text", text: a.text, title: a.title });
      addTimes.push(performance.now() - t);
      addPassages.push(r.chunks);
    }
    const totalPassages = passages + addPassages.reduce((s, n) => s + n, 0);
    let dbBytes = 0;
    const tableBytes: Record<string, number> = {};
    if (store === "postgres") {
      const { rows } = await (footnote.storage as PostgresStorage).query<{ name: string; bytes: number }>(
        "SELECT relname AS name, pg_total_relation_size(oid)::int8 AS bytes FROM pg_class WHERE relkind = 'r' AND relname LIKE 'footnote_%' ORDER BY 2 DESC",
      );
      for (const r of rows) {
        tableBytes[r.name] = r.bytes;
        dbBytes += r.bytes;
      }
      progress(
        `tables: ${rows
          .filter((r) => r.bytes > 1 << 20)
          .map(
            (r) => `${r.name} ${round(mb(r.bytes), 1)} MB (${Math.round(r.bytes / totalPassages)} B/passage)`,
          )
          .join(", ")}`,
      );
      // The question statement's plan, as it ran (EXPLAIN (ANALYZE, BUFFERS)), for the record.
      const plan = await (footnote.storage as PostgresStorage).withLibrary(LIB, false, async (l) => {
        const lib = l as PostgresLibrary;
        const words = lexicalWords(await analyseQuery(questions[1]!.q, lib));
        const qv = await footnote.embedder.embedQuery(questions[1]!.q);
        const [sql, params] = await lib.candidatesStatement({ words, vector: qv, limit: 40 });
        return (footnote.storage as PostgresStorage).query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
          params,
        );
      });
      if (plan)
        log(
          `EXPLAIN (ANALYZE, BUFFERS) of one question's statement:\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`,
        );
    }
    const serverRss = rssOf(server?.child.pid);
    const tc = performance.now();
    await footnote.close();
    const closeMs = performance.now() - tc;

    // ---- Disk, then a fresh open in a child process.
    const diskBytes = store === "postgres" ? dbBytes : folderBytes(dataDir);
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
    // What a user runs: the compiled build while it is fresh (bin/footnote.js's rule); the
    // sources through tsx otherwise, whose loader adds about 30 MB.
    const compiled = freshBuild();
    for (let i = 0; i < (store === "embedded" ? 3 : 0); i++) {
      // The kind the run measured, so that an `auto` library over the flat limit is not rebuilt
      // as a graph by the probe (that happens once, at the first open, and is timed apart).
      const arg = JSON.stringify({
        code: compiled ? "build" : "src",
        dataDir,
        library: LIB,
        hnsw: { ...hnsw(opts.efSearch[0]!), kind: vectorKind },
        question: questions[i]!.q,
        dimensions,
      });
      try {
        const stdout = execFileSync(
          process.execPath,
          [...(compiled ? [] : ["--import", "tsx"]), path.join(HERE, "open-probe.mjs"), arg],
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
        `open ${round(probe.open_ms)} ms (median of ${probes.length}, ${probe.replayed_at_open} passages replayed past the snapshot), first query ${round(probe.first_query_ms)} ms, rss ${Math.round(probe.rss_mb_open)} MB (${compiled ? "build/" : "sources through tsx"})`,
      );

    const common = {
      passages: totalPassages,
      articles: articles + addTimes.length,
      chars_per_passage: Math.round(chars / passages),
      ingest_passages_per_s: Math.round(ingestRate),
      // How the Postgres ingest stored articles: passages a transaction (0: one article at a time).
      ingest_batch: store === "postgres" ? opts.pgBatch : 0,
      ingest_store_s: store === "postgres" && opts.pgBatch > 0 ? round(storeMs / 1000, 1) : null,
      ingest_s: round(ingestMs / 1000, 1),
      ingest_wall_s: round(ingestWall / 1000, 1),
      // Passages per CPU-second of this process (generation included): the rate on an idle machine is between the two.
      ingest_passages_per_cpu_s: Math.round(passages / ((ingestCpu.user + ingestCpu.system) / 1e6)),
      // Other work on the machine while this ran (1-minute load average, at the start and at the end).
      load_avg: [round(load0, 1), round(os.loadavg()[0]!, 1)],
      exact_ms_p50: round(median(exactTimes), 2),
      exact_questions: exactCount,
      rss_mb_after_ingest: Math.round(rssAfterIngest),
      store,
      // The PGlite server's memory (Postgres runs): the heap, the buffers and WebAssembly's memory.
      server_rss_mb: serverRss === null ? null : Math.round(serverRss),
      index_build_s: indexBuildMs === null ? null : round(indexBuildMs / 1000, 1),
      // Postgres: a process's first load of the library's vectors into its in-process copy.
      cold_load_ms: coldLoadMs === null ? null : round(coldLoadMs),
      index_build_server_cpu_s: indexBuildCpuS,
      server_ingest_cpu_s: serverIngestCpuS === null ? null : round(serverIngestCpuS, 1),
      // Passages per CPU-second of the server alone: its rate with a core to itself.
      ingest_passages_per_server_cpu_s:
        serverIngestCpuS === null ? null : Math.round(passages / Math.max(0.01, serverIngestCpuS)),
      ...pgExtra,
      rss_mb_open: probe ? Math.round(probe.rss_mb_open) : null,
      open_ms: probe ? round(probe.open_ms, 1) : null,
      open_ms_runs: probes.map((p) => round(p.open_ms, 1)).sort((a, b) => a - b),
      first_query_ms: probe ? round(probe.first_query_ms, 1) : null,
      replayed_at_open: probe ? probe.replayed_at_open : null,
      disk_bytes: diskBytes,
      disk_bytes_per_passage: Math.round(diskBytes / totalPassages),
      table_bytes: store === "postgres" ? tableBytes : null,
      wal_bytes_ingest: walBytes,
      add_one_article_ms: round(median(addTimes), 1),
      add_one_article_ms_max: addTimes.length ? round(Math.max(...addTimes), 1) : null,
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
    if (opts.keep || opts.reuse) log(`kept ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
    await server?.stop();
  }
}

function table(rows: Array<Record<string, unknown>>): void {
  const cols: Array<[string, string]> = [
    ["passages", "passages"],
    ["store", "store"],
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
    ["server_rss_mb", "server MB"],
    ["open_ms", "open ms"],
    ["disk_bytes_per_passage", "disk B/psg"],
    ["wal_bytes_ingest", "WAL B"],
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
  for (const store of opts.stores) {
    const rows = await runSize(size, store);
    for (const r of rows) {
      results.push(r);
      if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    }
    log("");
    table(rows);
  }
}
if (results.length > 1) {
  log("\n== summary");
  table(results);
}

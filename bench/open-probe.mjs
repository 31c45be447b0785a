/**
 * Run by bench/run.ts in a child process, so the memory it reports is what opening a library
 * from disk costs, not what the ingest left on the heap. It runs the code a user runs: the
 * compiled build/ when it is fresh (plain node), else the sources (through tsx), as `args.code`
 * says:
 *
 *   node bench/open-probe.mjs '{"code": "build", "dataDir": "...", "library": "...", "hnsw": {...}, "question": "..."}'
 *
 * Prints one JSON line: the time to open (createFootnote + the first `library()` open, which
 * loads the index snapshot and replays what came after it), the first query on its own, and
 * the RSS after both.
 */
import fs from "node:fs";
import path from "node:path";

// args: { code, dataDir, library, hnsw, question, dimensions? }; the dimensions are the ones the
// library was embedded with (the parent's embedder).
const args = JSON.parse(process.argv[2] ?? "{}");
const code = args.code === "build" ? "build" : "src";
const load = (module) =>
  import(new URL(`../${code}/${module}.${code === "build" ? "js" : "ts"}`, import.meta.url).href);
const { loadConfig } = await load("config");
const { createFootnote } = await load("footnote");
const { libraryFolder } = await load("library/embedded/open-libraries");
const { embeddedLibrary } = await load("library/embedded/storage");
const snapshotWatermark = () => {
  const dir = path.join(args.dataDir, "libraries", libraryFolder(args.library));
  const marks = fs
    .readdirSync(dir)
    .flatMap((n) => /^index-(\d+)-\d+\.(?:hnsw|flat)$/.exec(n)?.[1] ?? [])
    .map(Number);
  return marks.length ? Math.max(...marks) : 0;
};
const watermark = snapshotWatermark();

const t0 = performance.now();
const env = { DATA_DIR: args.dataDir, LOG_LEVEL: "silent" };
if (args.dimensions) env.EMBEDDINGS_DIMENSIONS = String(args.dimensions);
const footnote = await createFootnote({ config: loadConfig(env), hnsw: args.hnsw });
const t1 = performance.now();
const library = embeddedLibrary(footnote.storage, args.library);
const t2 = performance.now();
if (!library) throw new Error(`no library ${args.library} in ${args.dataDir}`);
const hits = await footnote.retrieve(args.library, args.question, 5);
const t3 = performance.now();
const rss = process.memoryUsage().rss;

process.stdout.write(
  `${JSON.stringify({
    create_ms: t1 - t0,
    open_ms: t2 - t0,
    first_query_ms: t3 - t2,
    rss_mb_open: rss / 2 ** 20,
    passages: library.index.size,
    // Passages past the snapshot on disk, inserted into the graph again at open.
    replayed_at_open: library.store.maxPassageId() - watermark,
    hits: hits.length,
  })}\n`,
);
await footnote.close();

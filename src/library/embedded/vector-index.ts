/**
 * The fast half of a library: its vectors in memory, in one of two indexes.
 * - `flat` (quantized-flat.ts): every vector as int8 codes, all scanned on each query; adding
 *   a point is a copy, removing one a move. Up to a few hundred thousand vectors of the
 *   built-in embedder it is faster than the graph and near exact (recall@10 0.9998 at 100k,
 *   see docs/performance.md), so it is what a library starts with.
 * - `hnsw` (hnswlib's HierarchicalNSW): approximate, sub-linear; for libraries too big to scan.
 * `auto` picks by size (passages x dimensions) when the library is opened; a library that
 * outgrows the flat index while open keeps it until the next open, so an ingest never stalls
 * on building a graph. At that open the graph is built in a worker thread (minutes for a
 * large library) while the flat index keeps answering, and swapped in when it is ready.
 *
 * The index is a cache of the vectors in the store, never the only copy. On disk it is a
 * snapshot whose file name says what it holds (`index-<last passage id>-<last delete seq>.hnsw`
 * or `.flat`), written to a temporary file and renamed, so a kill leaves the old snapshot or
 * the new one, never half of one. Opening loads the newest snapshot and replays from the store
 * what came after it; snapshots are rewritten only when enough has changed (compaction), never
 * on every ingest.
 */
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import hnswlib from "hnswlib-node";
import type { SqliteStore } from "./sqlite-store.ts";
import { QuantizedFlat, type FlatResult } from "./quantized-flat.ts";
import { FLAT_LIMIT } from "../storage.ts";

export interface HnswParams {
  /** Graph degree: more links, better recall, more memory. */
  m: number;
  efConstruction: number;
  /** Candidates examined per query: the recall/latency knob. */
  efSearch: number;
}

export type VectorIndexKind = "flat" | "hnsw";

export interface VectorIndexParams extends HnswParams {
  kind: "auto" | VectorIndexKind;
  /** With `auto`, the flat index is used while passages x dimensions stays at or under this. */
  flatLimit: number;
  /**
   * Told before and after a rebuild of the index into the other kind (it can take minutes);
   * `background` when the graph is built in a worker while the flat index serves, `error`
   * when that build failed (the flat index goes on serving; the next open tries again).
   */
  onRebuild?: (event: RebuildEvent) => void;
  /**
   * How a library that has outgrown the flat index gets its graph at open: built by a worker
   * thread while the flat index serves (default), built before open returns (`blocking`), or
   * not this time (`skip`: one-shot processes such as the CLI, which would only start a build
   * and stop it; the flat index serves them, in less memory than the graph).
   */
  graphBuild?: "background" | "blocking" | "skip";
  /** Awaited after the worker has built the graph and before it is swapped in (tests use it). */
  beforeSwap?: () => Promise<void> | void;
}

export interface RebuildEvent {
  from: VectorIndexKind;
  to: VectorIndexKind;
  passages: number;
  ms?: number;
  background?: boolean;
  error?: string;
}

/**
 * efSearch 250: the graph serves only libraries past the flat limit, where, at 1M passages of
 * the built-in embedder, 500 gave query p95 27.3 ms, 250 gave 24.4 ms and 120 21.7 ms with the
 * same hit@5 (docs/performance.md). HNSW_EF_SEARCH sets it.
 */
export const DEFAULT_HNSW: HnswParams = { m: 32, efConstruction: 48, efSearch: 250 };
/**
 * Up to FLAT_LIMIT floats (the same line for both backends), the flat scan of that many (64 MB
 * of int8 codes) takes about 3 ms; past it the graph serves (docs/performance.md).
 */
export const DEFAULT_VECTOR_INDEX: VectorIndexParams = {
  ...DEFAULT_HNSW,
  kind: "auto",
  flatLimit: FLAT_LIMIT,
};

const SNAPSHOT = /^index-(\d+)-(\d+)\.(hnsw|flat)$/;
/** A graph being built by a worker, named after the process that asked for it. */
const PARTIAL = /^graph-build-(\d+)-\d+\.partial$/;
let builds = 0;
const INITIAL_CAPACITY = 1024;
/** Measured on the benchmark machine: a passage into a 1M graph, into a flat index, and writing. */
const REPLAY_MS_HNSW = 2;
const REPLAY_MS_FLAT = 0.03;
const WRITE_BYTES_PER_MS = 1_000_000;
/** Up to this many passages, a snapshot is quick enough (tens of ms) to write on every close. */
const SMALL_LIBRARY = 20_000;

/** What VectorIndex needs of an index, whichever kind: HnswBackend below, or QuantizedFlat. */
interface Backend {
  readonly kind: VectorIndexKind;
  /** Points held, including ones marked deleted (HNSW keeps them until compaction). */
  count(): number;
  add(vector: Float32Array, id: number): void;
  /** False when the id is not there. */
  remove(id: number): boolean;
  has(id: number): boolean;
  search(vector: Float32Array, k: number): FlatResult;
  /** Cosine of the query with each id's vector, as the index holds it (ids not held left out). */
  similarities(vector: Float32Array, ids: number[]): Map<number, number>;
  write(file: string): void;
}

class HnswBackend implements Backend {
  readonly kind = "hnsw";
  constructor(readonly index: hnswlib.HierarchicalNSW) {}
  static create(dimensions: number, capacity: number, p: HnswParams): HnswBackend {
    const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
    index.initIndex({ maxElements: capacity, m: p.m, efConstruction: p.efConstruction, randomSeed: 100 });
    index.setEf(p.efSearch);
    return new HnswBackend(index);
  }
  count() {
    return this.index.getCurrentCount();
  }
  capacity() {
    return this.index.getMaxElements();
  }
  add(vector: Float32Array, id: number) {
    if (this.count() >= this.capacity())
      this.index.resizeIndex(Math.max(INITIAL_CAPACITY, this.capacity() * 2));
    this.index.addPoint(Array.from(vector), id);
  }
  remove(id: number) {
    try {
      this.index.markDelete(id);
      return true;
    } catch {
      return false;
    }
  }
  has(id: number) {
    try {
      this.index.getPoint(id);
      return true;
    } catch {
      return false;
    }
  }
  search(vector: Float32Array, k: number) {
    return this.index.searchKnn(Array.from(vector), k);
  }
  similarities(vector: Float32Array, ids: number[]) {
    // The cosine space keeps points normalised: only the query needs it.
    let norm = 0;
    for (const x of vector) norm += x * x;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const out = new Map<number, number>();
    for (const id of ids) {
      let point: number[];
      try {
        point = this.index.getPoint(id);
      } catch {
        continue;
      }
      let dot = 0;
      for (let j = 0; j < point.length; j++) dot += point[j]! * vector[j]!;
      out.set(id, dot * inv);
    }
    return out;
  }
  write(file: string) {
    this.index.writeIndexSync(file);
  }
}

export class VectorIndex {
  private backend: Backend;
  /** Highest passage id in the index; the store's rows above it are not in yet. */
  private watermark = 0;
  /** Highest delete sequence applied. */
  private deleteSeq = 0;
  private snapshotWatermark = 0;
  private snapshotDeleteSeq = 0;
  private live = 0;

  private constructor(
    private readonly dir: string,
    readonly dimensions: number,
    private readonly params: VectorIndexParams,
    private readonly store: SqliteStore,
  ) {
    this.backend = this.empty(this.wantedKind(0) ?? "flat", INITIAL_CAPACITY);
  }

  static open(
    dir: string,
    dimensions: number,
    store: SqliteStore,
    params: Partial<VectorIndexParams> = {},
  ): VectorIndex {
    const vi = new VectorIndex(dir, dimensions, { ...DEFAULT_VECTOR_INDEX, ...params }, store);
    vi.removeStalePartials();
    vi.loadSnapshot();
    const wanted = vi.wantedKind(store.passageCount()) ?? vi.backend.kind;
    if (wanted === "hnsw" && vi.backend.kind === "flat" && vi.params.graphBuild !== "blocking") {
      // The library crossed the size line since it was saved: serve from the flat index
      // (near exact, only slower at this size) while a worker builds the graph.
      vi.catchUp(store);
      if (vi.params.graphBuild !== "skip") vi.startGraphBuild();
    } else if (wanted !== vi.backend.kind) {
      // The library crossed the size line since it was saved (or the setting changed).
      const event = { from: vi.backend.kind, to: wanted, passages: store.passageCount() };
      vi.params.onRebuild?.(event);
      const t0 = performance.now();
      vi.backend = vi.empty(wanted, INITIAL_CAPACITY);
      vi.rebuild();
      vi.snapshot(store);
      vi.params.onRebuild?.({ ...event, ms: Math.round(performance.now() - t0) });
    } else {
      vi.catchUp(store);
    }
    // A snapshot keeps deleted points (marked), which the count includes: take it from the store.
    vi.live = store.passageCount();
    return vi;
  }

  /** The kind the settings ask for at this size; undefined when either will do (hysteresis). */
  private wantedKind(passages: number): VectorIndexKind | undefined {
    if (this.params.kind !== "auto") return this.params.kind;
    const floats = passages * this.dimensions;
    if (floats > this.params.flatLimit) return "hnsw";
    // Back to flat only well under the line, so that a library at the edge does not flip.
    if (floats <= this.params.flatLimit / 2) return "flat";
    return undefined;
  }

  get kind(): VectorIndexKind {
    return this.backend.kind;
  }

  private empty(kind: VectorIndexKind, capacity: number): Backend {
    return kind === "flat"
      ? new QuantizedFlat(this.dimensions, capacity)
      : HnswBackend.create(this.dimensions, capacity, this.params);
  }

  private snapshots(): Array<{ file: string; watermark: number; seq: number; kind: VectorIndexKind }> {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    return names
      .flatMap((name) => {
        const m = SNAPSHOT.exec(name);
        return m
          ? [
              {
                file: path.join(this.dir, name),
                watermark: Number(m[1]),
                seq: Number(m[2]),
                kind: m[3] as VectorIndexKind,
              },
            ]
          : [];
      })
      .sort((a, b) => b.watermark - a.watermark || b.seq - a.seq);
  }

  private loadSnapshot(): void {
    for (const snap of this.snapshots()) {
      try {
        let backend: Backend;
        if (snap.kind === "flat") {
          // Null for another size, a file cut short, or hnswlib's float format of earlier versions.
          const index = QuantizedFlat.read(snap.file, this.dimensions);
          if (!index) continue;
          backend = index;
        } else {
          const index = new hnswlib.HierarchicalNSW("cosine", this.dimensions);
          index.readIndexSync(snap.file);
          if (index.getNumDimensions() !== this.dimensions) continue;
          index.setEf(this.params.efSearch);
          backend = new HnswBackend(index);
        }
        this.backend = backend;
        this.watermark = this.snapshotWatermark = snap.watermark;
        this.deleteSeq = this.snapshotDeleteSeq = snap.seq;
        return;
      } catch {
        // A snapshot that does not load is skipped; the store has every vector anyway.
      }
    }
  }

  /** Brings the index up to date with the store: new passages added, deleted ones marked. */
  catchUp(store: SqliteStore): void {
    if (store.maxPassageId() > this.watermark) {
      for (const { id, vector } of store.vectorsAfter(this.watermark)) this.add(id, vector);
    }
    const deletions = store.deletedAfter(this.deleteSeq);
    for (const d of deletions) {
      this.remove(d.passageId);
      this.deleteSeq = d.seq;
    }
  }

  /** Cheap check whether another process (or this one) changed the store since. */
  isBehind(store: SqliteStore): boolean {
    return store.maxPassageId() > this.watermark || store.lastDeleteSeq() > this.deleteSeq;
  }

  add(id: number, vector: Float32Array): void {
    if (vector.length !== this.dimensions)
      throw new Error(`vector of ${vector.length} dimensions in an index of ${this.dimensions}`);
    this.backend.add(vector, id);
    this.live++;
    if (id > this.watermark) this.watermark = id;
  }

  remove(id: number): void {
    // Not in the index (never added, or already deleted): nothing to do.
    if (this.backend.remove(id)) this.live--;
  }

  noteDeleteSeq(seq: number): void {
    if (seq > this.deleteSeq) this.deleteSeq = seq;
  }

  /** Whether a passage's vector is in the index (and not deleted). */
  has(id: number): boolean {
    return this.backend.has(id);
  }

  get size(): number {
    return this.live;
  }

  search(vector: Float32Array | number[], k: number): Array<{ id: number; distance: number }> {
    const n = Math.min(k, this.live);
    if (n <= 0) return [];
    const { neighbors, distances } = this.backend.search(
      Array.isArray(vector) ? Float32Array.from(vector) : vector,
      n,
    );
    return neighbors.map((id, i) => ({ id, distance: distances[i]! }));
  }

  /**
   * Cosine of the query with each passage's vector as this index holds it, so that passages
   * found by BM25 alone are scored on the same scale as the ones the search returned. Ids the
   * index does not hold are left out.
   */
  similarities(vector: Float32Array, ids: number[]): Map<number, number> {
    return ids.length ? this.backend.similarities(vector, ids) : new Map<number, number>();
  }

  private build?: { worker: Worker; file: string; done: Promise<void>; floorSeq: number };
  private closed = false;

  /**
   * Builds the graph in a worker thread from the store, then swaps it in (finishGraphBuild).
   * Deletions the worker may not have seen stay in the store until then (see snapshot()).
   */
  private startGraphBuild(): void {
    const passages = this.store.passageCount();
    const t0 = performance.now();
    this.params.onRebuild?.({ from: "flat", to: "hnsw", passages, background: true });
    // Unique in this process too: a library closed and opened again starts a second build.
    const file = path.join(this.dir, `graph-build-${process.pid}-${++builds}.partial`);
    const worker = new Worker(new URL("./graph-builder.worker.js", import.meta.url), {
      workerData: {
        dbFile: this.store.db.name,
        outFile: file,
        dimensions: this.dimensions,
        m: this.params.m,
        efConstruction: this.params.efConstruction,
      },
    });
    const done = new Promise<void>((resolve) => {
      const fail = (error: unknown) => {
        fs.rmSync(file, { force: true });
        this.build = undefined;
        if (!this.closed)
          this.params.onRebuild?.({
            from: "flat",
            to: "hnsw",
            passages,
            background: true,
            error: error instanceof Error ? error.message : String(error),
          });
        resolve();
      };
      worker.once("message", (built: { watermark: number; seq: number }) => {
        Promise.resolve(this.params.beforeSwap?.())
          .then(() => this.finishGraphBuild(file, built))
          .then((swapped) => {
            if (swapped)
              this.params.onRebuild?.({
                from: "flat",
                to: "hnsw",
                passages: this.live,
                background: true,
                ms: Math.round(performance.now() - t0),
              });
            resolve();
          })
          .catch(fail);
      });
      worker.once("error", fail);
      worker.once("exit", (code) => {
        if (code !== 0 && this.build?.worker === worker)
          fail(new Error(`the graph builder exited with code ${code}`));
      });
    });
    this.build = { worker, file, done, floorSeq: this.deleteSeq };
  }

  /** Loads the worker's graph (off the main thread), brings it up to date and swaps it in. */
  private async finishGraphBuild(file: string, built: { watermark: number; seq: number }): Promise<boolean> {
    const index = new hnswlib.HierarchicalNSW("cosine", this.dimensions);
    if (!this.closed) await index.readIndex(file);
    if (this.closed) {
      fs.rmSync(file, { force: true });
      return false;
    }
    index.setEf(this.params.efSearch);
    // From here on synchronous: no query or ingest falls between the catch-up and the swap.
    this.backend = new HnswBackend(index);
    this.watermark = built.watermark;
    this.deleteSeq = built.seq;
    this.catchUp(this.store);
    this.live = this.store.passageCount();
    // The file is a snapshot of the store at the worker's read: keep it as one.
    const final = path.join(this.dir, `index-${built.watermark}-${built.seq}.hnsw`);
    fs.renameSync(file, final);
    this.adoptSnapshot(final, built.watermark, built.seq);
    this.build = undefined;
    return true;
  }

  /** Partial graphs left by processes that are gone (killed mid-build). */
  private removeStalePartials(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = Number(PARTIAL.exec(name)?.[1] ?? 0);
      if (!pid || pid === process.pid) continue;
      try {
        process.kill(pid, 0);
      } catch (error) {
        // ESRCH: no such process (EPERM would mean it lives, under another user).
        if ((error as NodeJS.ErrnoException).code === "ESRCH")
          fs.rmSync(path.join(this.dir, name), { force: true });
      }
    }
  }

  /** Resolves once a background graph build has finished (or at once when none runs). */
  whenBuilt(): Promise<void> {
    return this.build?.done ?? Promise.resolve();
  }

  /** Stops a background build (its partial file goes); the next open starts it again. */
  close(): void {
    this.closed = true;
    const build = this.build;
    if (!build) return;
    this.build = undefined;
    void build.worker.terminate().finally(() => fs.rmSync(build.file, { force: true }));
  }

  /** Passages added or deleted since the snapshot on disk. */
  get pending(): number {
    return this.watermark - this.snapshotWatermark + (this.deleteSeq - this.snapshotDeleteSeq);
  }

  /**
   * Writes a snapshot when the change since the last one is large enough that replaying it at
   * open would cost more than rewriting: amortised, each passage is written a bounded number
   * of times however the library grows. On close, a small library is always saved, so a
   * one-shot command (the CLI) does not leave the next one replaying its work.
   */
  maybeSnapshot(store: SqliteStore, opts: { force?: boolean; closing?: boolean } = {}): boolean {
    const threshold = Math.max(2000, Math.floor(this.live * 0.1));
    // On close, a large library is saved too once replaying its pending passages at the next
    // open would take longer than writing the snapshot now.
    const cheap =
      opts.closing === true &&
      this.pending > 0 &&
      (this.live <= SMALL_LIBRARY || this.replayMs() > this.writeMs());
    if (!opts.force && !cheap && this.pending < threshold) return false;
    if (this.pending === 0 && this.snapshots().length > 0) return false;
    this.snapshot(store);
    return true;
  }

  /** Rough cost of replaying the pending passages at open: a graph insert is ~100x a copy. */
  private replayMs(): number {
    return this.pending * (this.backend.kind === "hnsw" ? REPLAY_MS_HNSW : REPLAY_MS_FLAT);
  }

  /** Rough cost of writing a snapshot: its vectors (two bytes a dimension in the flat index) at about 1 GB/s. */
  private writeMs(): number {
    return (this.live * this.dimensions * (this.backend.kind === "flat" ? 2 : 4)) / WRITE_BYTES_PER_MS;
  }

  snapshot(store: SqliteStore): void {
    // Compaction: rebuild without the deleted points when they are a large share.
    const marked = this.backend.count() - this.live;
    if (marked > 0 && marked > this.live * 0.2) this.rebuild();
    fs.mkdirSync(this.dir, { recursive: true });
    const name = `index-${this.watermark}-${this.deleteSeq}.${this.backend.kind}`;
    const final = path.join(this.dir, name);
    const tmp = `${final}.tmp-${process.pid}`;
    this.backend.write(tmp);
    const fd = fs.openSync(tmp, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, final);
    this.adoptSnapshot(final, this.watermark, this.deleteSeq);
    for (const name of fs.readdirSync(this.dir))
      if (/\.(hnsw|flat)\.tmp-/.test(name)) fs.rmSync(path.join(this.dir, name), { force: true });
    // A graph being built may not have seen the later deletions: keep them to replay.
    store.pruneDeleted(this.build ? Math.min(this.deleteSeq, this.build.floorSeq) : this.deleteSeq);
  }

  /** `final` (renamed into place) is the snapshot now: made durable, and the older ones go. */
  private adoptSnapshot(final: string, watermark: number, seq: number): void {
    fsyncDir(this.dir);
    this.snapshotWatermark = watermark;
    this.snapshotDeleteSeq = seq;
    for (const old of this.snapshots()) if (old.file !== final) fs.rmSync(old.file, { force: true });
  }

  /** A fresh index from the store's vectors, dropping deleted points for good. */
  rebuild(): void {
    const count = this.store.passageCount();
    this.backend = this.empty(this.backend.kind, Math.max(INITIAL_CAPACITY, Math.ceil(count * 1.25)));
    this.live = 0;
    this.watermark = 0;
    for (const { id, vector } of this.store.vectorsAfter(0)) this.add(id, vector);
    this.deleteSeq = this.store.lastDeleteSeq();
  }

  /** Exact nearest neighbours over the same vectors, to measure the graph's recall. */
  static bruteForce(store: SqliteStore, dimensions: number): hnswlib.BruteforceSearch {
    const bf = new hnswlib.BruteforceSearch("cosine", dimensions);
    bf.initIndex(Math.max(1, store.passageCount()));
    for (const { id, vector } of store.vectorsAfter(0)) bf.addPoint(Array.from(vector), id);
    return bf;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Some file systems do not allow fsync on a directory; the rename is still atomic.
  }
}

/**
 * The fast half of a library: an hnswlib HNSW graph in memory. It is a cache of the vectors
 * in the store, never the only copy. On disk it is a snapshot whose file name says what it
 * holds (`index-<last passage id>-<last delete seq>.hnsw`), written to a temporary file and
 * renamed, so a kill leaves the old snapshot or the new one, never half of one. Opening loads
 * the newest snapshot and replays from the store what came after it; snapshots are rewritten
 * only when enough has changed (compaction), never on every ingest.
 */
import fs from "node:fs";
import path from "node:path";
import hnswlib from "hnswlib-node";
import type { Store } from "./store.ts";

export interface HnswParams {
  /** Graph degree: more links, better recall, more memory. */
  m: number;
  efConstruction: number;
  /** Candidates examined per query: the recall/latency knob. */
  efSearch: number;
}

export const DEFAULT_HNSW: HnswParams = { m: 32, efConstruction: 48, efSearch: 500 };

const SNAPSHOT = /^index-(\d+)-(\d+)\.hnsw$/;
const INITIAL_CAPACITY = 1024;
/** Up to this many passages, a snapshot is quick enough (tens of ms) to write on every close. */
const SMALL_LIBRARY = 20_000;

export class VectorIndex {
  private index: hnswlib.HierarchicalNSW;
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
    private readonly params: HnswParams,
  ) {
    this.index = this.empty(INITIAL_CAPACITY);
  }

  static open(dir: string, dimensions: number, store: Store, params: HnswParams = DEFAULT_HNSW): VectorIndex {
    const vi = new VectorIndex(dir, dimensions, params);
    vi.loadSnapshot();
    vi.catchUp(store);
    // A snapshot keeps deleted points (marked), which getIdsList() counts: take the count from the store.
    vi.live = store.passageCount();
    return vi;
  }

  private empty(capacity: number): hnswlib.HierarchicalNSW {
    const index = new hnswlib.HierarchicalNSW("cosine", this.dimensions);
    index.initIndex({ maxElements: capacity, m: this.params.m, efConstruction: this.params.efConstruction, randomSeed: 100 });
    index.setEf(this.params.efSearch);
    return index;
  }

  private snapshots(): Array<{ file: string; watermark: number; seq: number }> {
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    return names
      .flatMap((name) => {
        const m = SNAPSHOT.exec(name);
        return m ? [{ file: path.join(this.dir, name), watermark: Number(m[1]), seq: Number(m[2]) }] : [];
      })
      .sort((a, b) => b.watermark - a.watermark || b.seq - a.seq);
  }

  private loadSnapshot(): void {
    for (const snap of this.snapshots()) {
      try {
        const index = new hnswlib.HierarchicalNSW("cosine", this.dimensions);
        index.readIndexSync(snap.file);
        if (index.getNumDimensions() !== this.dimensions) continue;
        index.setEf(this.params.efSearch);
        this.index = index;
        this.watermark = this.snapshotWatermark = snap.watermark;
        this.deleteSeq = this.snapshotDeleteSeq = snap.seq;
        // Deleted points stay in the file, marked; they are not "live".
        this.live = index.getIdsList().length;
        return;
      } catch {
        // A snapshot that does not load is skipped; the store has every vector anyway.
      }
    }
  }

  /** Brings the index up to date with the store: new passages added, deleted ones marked. */
  catchUp(store: Store): void {
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
  isBehind(store: Store): boolean {
    return store.maxPassageId() > this.watermark || store.lastDeleteSeq() > this.deleteSeq;
  }

  add(id: number, vector: Float32Array): void {
    if (vector.length !== this.dimensions) throw new Error(`vector of ${vector.length} dimensions in an index of ${this.dimensions}`);
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(INITIAL_CAPACITY, this.index.getMaxElements() * 2));
    }
    this.index.addPoint(Array.from(vector), id);
    this.live++;
    if (id > this.watermark) this.watermark = id;
  }

  remove(id: number): void {
    try {
      this.index.markDelete(id);
      this.live--;
    } catch {
      // Not in the index (never added, or already deleted): nothing to do.
    }
  }

  noteDeleteSeq(seq: number): void {
    if (seq > this.deleteSeq) this.deleteSeq = seq;
  }

  /** Whether a passage's vector is in the graph (and not deleted). */
  has(id: number): boolean {
    try {
      this.index.getPoint(id);
      return true;
    } catch {
      return false;
    }
  }

  get size(): number {
    return this.live;
  }

  search(vector: Float32Array | number[], k: number): Array<{ id: number; distance: number }> {
    const n = Math.min(k, this.live);
    if (n <= 0) return [];
    const { neighbors, distances } = this.index.searchKnn(Array.isArray(vector) ? vector : Array.from(vector), n);
    return neighbors.map((id, i) => ({ id, distance: distances[i]! }));
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
  maybeSnapshot(store: Store, opts: { force?: boolean; closing?: boolean } = {}): boolean {
    const threshold = Math.max(2000, Math.floor(this.live * 0.1));
    // A large library is saved on close too once replaying its pending passages at the next
    // open (one graph insert each) would cost more than a fraction of a second.
    const cheap = opts.closing === true && this.pending > 0 && (this.live <= SMALL_LIBRARY || this.pending >= Math.max(200, this.live * 0.005));
    if (!opts.force && !cheap && this.pending < threshold) return false;
    if (this.pending === 0 && this.snapshots().length > 0) return false;
    this.snapshot(store);
    return true;
  }

  snapshot(store: Store): void {
    // Compaction: rebuild without the deleted points when they are a large share.
    const marked = this.index.getCurrentCount() - this.live;
    if (marked > 0 && marked > this.live * 0.2) this.rebuild(store);
    fs.mkdirSync(this.dir, { recursive: true });
    const name = `index-${this.watermark}-${this.deleteSeq}.hnsw`;
    const final = path.join(this.dir, name);
    const tmp = `${final}.tmp-${process.pid}`;
    this.index.writeIndexSync(tmp);
    const fd = fs.openSync(tmp, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, final);
    fsyncDir(this.dir);
    this.snapshotWatermark = this.watermark;
    this.snapshotDeleteSeq = this.deleteSeq;
    for (const old of this.snapshots()) if (old.file !== final) fs.rmSync(old.file, { force: true });
    for (const name of fs.readdirSync(this.dir)) if (name.includes(".hnsw.tmp-")) fs.rmSync(path.join(this.dir, name), { force: true });
    store.pruneDeleted(this.deleteSeq);
  }

  /** A fresh graph from the store's vectors, dropping deleted points for good. */
  rebuild(store: Store): void {
    const count = store.passageCount();
    this.index = this.empty(Math.max(INITIAL_CAPACITY, Math.ceil(count * 1.25)));
    this.live = 0;
    this.watermark = 0;
    for (const { id, vector } of store.vectorsAfter(0)) this.add(id, vector);
    this.deleteSeq = store.lastDeleteSeq();
  }

  /** Exact nearest neighbours over the same vectors, to measure the graph's recall. */
  static bruteForce(store: Store, dimensions: number): hnswlib.BruteforceSearch {
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

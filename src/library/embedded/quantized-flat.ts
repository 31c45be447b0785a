/**
 * The flat index: every vector, scanned in full on each query, as int8 codes (one byte a
 * dimension and a scale a vector) instead of float32. hnswlib's float scan is bound by memory
 * bandwidth (100 MB a query at 100,000 vectors of 256 dimensions); a quarter of the bytes took
 * the scan from 3.3 ms to 1.1 ms on the benchmark machine, where it is bound by its SIMD
 * instructions instead (docs/performance.md). hnswlib has no int8 space, so the scan is a
 * small WebAssembly SIMD kernel (int8-scan.wat); the library's vectors stay float32 in the store.
 *
 * Vectors are compared by cosine: each is normalised, then scaled so its largest component is
 * ±127. The query is scaled to int16, as far as the int32 sums allow, so its rounding adds
 * next to nothing to the codes'. The codes alone put a cosine within about 5e-4, enough to swap
 * near-ties at the k-th place (recall@10 0.983 at 100k). So each vector also keeps a second
 * byte a dimension, its rounding error in 254ths of a step, outside the scan: the scan's best
 * k + REFINE are scored again with both bytes (within about 1e-5) and the best k of those
 * returned. recall@10 0.9998 at 100k, for 0.07 ms a query and a quarter more memory.
 */
import fs from "node:fs";

const KERNEL = new WebAssembly.Module(fs.readFileSync(new URL("./int8-scan.wasm", import.meta.url)));
const PAGE = 65_536;
/** wasm32 addresses 4 GiB at most. */
const MAX_BYTES = 65_536 * PAGE;
const MAGIC = 0x38514e46; // "FNQ8", little-endian
const VERSION = 1;
const HEADER = 32;
/** Candidates beyond k that the second byte re-scores: enough for recall@10 0.9998 at 100k. */
const REFINE = 16;

export interface FlatResult {
  neighbors: number[];
  distances: number[];
}

export class QuantizedFlat {
  readonly kind = "flat";
  /** Row length in bytes: the dimensions rounded up to the kernel's 16. */
  readonly stride: number;
  private readonly memory: WebAssembly.Memory;
  private readonly scan: (q: number, codes: number, out: number, n: number, stride: number) => void;
  private readonly codesAt: number;
  /** The query's largest magnitude: no int32 lane or row sum can overflow with it. */
  private readonly queryMax: number;
  private ids: Float64Array;
  private scales: Float32Array;
  /** The second byte of each dimension, `dimensions` a row, in JavaScript memory (never scanned). */
  private fine: Int8Array;
  private readonly slots = new Map<number, number>();
  private n = 0;
  private cap: number;

  constructor(
    readonly dimensions: number,
    capacity: number,
  ) {
    this.stride = Math.ceil(dimensions / 16) * 16;
    this.codesAt = Math.ceil((this.stride * 2) / 64) * 64;
    this.queryMax = Math.min(32_767, Math.floor((2 ** 31 - 1) / (127 * this.stride)));
    this.cap = Math.max(1, capacity);
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(this.bytesFor(this.cap) / PAGE) });
    const instance = new WebAssembly.Instance(KERNEL, { env: { memory: this.memory } });
    this.scan = instance.exports.scan as QuantizedFlat["scan"];
    this.ids = new Float64Array(this.cap);
    this.scales = new Float32Array(this.cap);
    this.fine = new Int8Array(this.cap * dimensions);
  }

  /** Query, codes, then the scan's int32 output (scratch, so it can move when codes grow). */
  private bytesFor(capacity: number): number {
    return this.codesAt + capacity * this.stride + capacity * 4;
  }

  count(): number {
    return this.n;
  }

  capacity(): number {
    return this.cap;
  }

  has(id: number): boolean {
    return this.slots.has(id);
  }

  /** Adds a vector, or replaces the one the id has. */
  add(vector: Float32Array | number[], id: number): void {
    if (vector.length !== this.dimensions)
      throw new Error(`vector of ${vector.length} dimensions in an index of ${this.dimensions}`);
    let slot = this.slots.get(id);
    if (slot === undefined) {
      if (this.n === this.cap) this.grow(this.cap * 2);
      slot = this.n++;
      this.slots.set(id, slot);
      this.ids[slot] = id;
    }
    this.scales[slot] = this.encode(
      vector,
      this.codesOf(slot),
      this.fine.subarray(slot * this.dimensions, (slot + 1) * this.dimensions),
    );
  }

  /** False when the id is not there. The last row moves into the gap: no holes to skip. */
  remove(id: number): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const last = this.n - 1;
    if (slot !== last) {
      const bytes = new Uint8Array(this.memory.buffer);
      bytes.copyWithin(
        this.codesAt + slot * this.stride,
        this.codesAt + last * this.stride,
        this.codesAt + (last + 1) * this.stride,
      );
      this.ids[slot] = this.ids[last]!;
      this.scales[slot] = this.scales[last]!;
      this.fine.copyWithin(slot * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
      this.slots.set(this.ids[slot], slot);
    }
    this.slots.delete(id);
    this.n--;
    return true;
  }

  /** The k nearest by cosine, nearest first; distance is 1 - cosine, as hnswlib's. */
  search(query: Float32Array | number[], k: number): FlatResult {
    k = Math.min(k, this.n);
    if (k <= 0) return { neighbors: [], distances: [] };
    this.encodeQuery(query);
    const outAt = this.codesAt + this.cap * this.stride;
    this.scan(0, this.codesAt, outAt, this.n, this.stride);
    const dots = new Int32Array(this.memory.buffer, outAt, this.n);
    const scales = this.scales;
    // The best k + REFINE by the codes, best first; most rows fall below the worst of them at once.
    const m = Math.min(this.n, k + REFINE);
    const best = new Float64Array(m).fill(-Infinity);
    const slots = new Int32Array(m);
    let worst = -Infinity;
    for (let i = 0; i < this.n; i++) {
      const s = dots[i]! * scales[i]!;
      if (s <= worst) continue;
      let p = m - 1;
      while (p > 0 && best[p - 1]! < s) {
        best[p] = best[p - 1]!;
        slots[p] = slots[p - 1]!;
        p--;
      }
      best[p] = s;
      slots[p] = i;
      worst = best[m - 1]!;
    }
    // Scored again with both bytes; the best k of those.
    const unit = unitQuery(query);
    const refined = Array.from(slots, (slot) => ({ slot, cosine: this.cosine(unit, slot) }));
    refined.sort((a, b) => b.cosine - a.cosine || a.slot - b.slot);
    const neighbors: number[] = [];
    const distances: number[] = [];
    for (let j = 0; j < k; j++) {
      neighbors.push(this.ids[refined[j]!.slot]!);
      distances.push(1 - refined[j]!.cosine);
    }
    return { neighbors, distances };
  }

  /** Cosine of the query with each id's vector (ids not held are left out). */
  similarities(query: Float32Array | number[], ids: Iterable<number>): Map<number, number> {
    const out = new Map<number, number>();
    const unit = unitQuery(query);
    for (const id of ids) {
      const slot = this.slots.get(id);
      if (slot !== undefined) out.set(id, this.cosine(unit, slot));
    }
    return out;
  }

  /** A unit query's cosine with a row, from both bytes of each dimension. */
  private cosine(unit: Float64Array, slot: number): number {
    const codes = this.codesOf(slot);
    const fine = this.fine;
    const at = slot * this.dimensions;
    let dot = 0;
    for (let j = 0; j < this.dimensions; j++) dot += unit[j]! * (codes[j]! + fine[at + j]! / 254);
    return dot * this.scales[slot]!;
  }

  private codesOf(slot: number): Int8Array {
    return new Int8Array(this.memory.buffer, this.codesAt + slot * this.stride, this.stride);
  }

  /** The snapshot file: a header, then ids, scales, codes and second bytes, as held. */
  write(file: string): void {
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(VERSION, 4);
    header.writeUInt32LE(this.dimensions, 8);
    header.writeUInt32LE(this.stride, 12);
    header.writeUInt32LE(this.n, 16);
    const fd = fs.openSync(file, "w");
    try {
      fs.writeSync(fd, header);
      fs.writeSync(fd, new Uint8Array(this.ids.buffer, 0, this.n * 8));
      fs.writeSync(fd, new Uint8Array(this.scales.buffer, 0, this.n * 4));
      fs.writeSync(fd, new Uint8Array(this.memory.buffer, this.codesAt, this.n * this.stride));
      fs.writeSync(fd, new Uint8Array(this.fine.buffer, 0, this.n * this.dimensions));
    } finally {
      fs.closeSync(fd);
    }
  }

  /** A snapshot read back; null when the file is not one of this index's (or is cut short). */
  static read(file: string, dimensions: number): QuantizedFlat | null {
    const fd = fs.openSync(file, "r");
    try {
      const size = fs.fstatSync(fd).size;
      const header = Buffer.alloc(HEADER);
      if (size < HEADER || fs.readSync(fd, header, 0, HEADER, 0) !== HEADER) return null;
      if (
        header.readUInt32LE(0) !== MAGIC ||
        header.readUInt32LE(4) !== VERSION ||
        header.readUInt32LE(8) !== dimensions
      )
        return null;
      const stride = header.readUInt32LE(12);
      const n = header.readUInt32LE(16);
      if (size !== HEADER + n * (12 + stride + dimensions)) return null;
      // Room to grow by a quarter before the first doubling (pages untouched cost no memory).
      const flat = new QuantizedFlat(dimensions, Math.max(1024, Math.ceil(n * 1.25)));
      if (flat.stride !== stride) return null;
      // Straight into place: no copy of the whole file in memory on the way.
      let at = HEADER;
      const into = (target: Uint8Array) => {
        for (let done = 0; done < target.length;) {
          const got = fs.readSync(fd, target, done, target.length - done, at + done);
          if (got === 0) throw new Error(`${file} ended early`);
          done += got;
        }
        at += target.length;
      };
      into(new Uint8Array(flat.ids.buffer, 0, n * 8));
      into(new Uint8Array(flat.scales.buffer, 0, n * 4));
      into(new Uint8Array(flat.memory.buffer, flat.codesAt, n * stride));
      into(new Uint8Array(flat.fine.buffer, 0, n * dimensions));
      for (let i = 0; i < n; i++) flat.slots.set(flat.ids[i]!, i);
      if (flat.slots.size !== n) return null;
      flat.n = n;
      return flat;
    } finally {
      fs.closeSync(fd);
    }
  }

  private grow(capacity: number): void {
    const bytes = this.bytesFor(capacity);
    if (bytes > MAX_BYTES)
      throw new Error(
        `the flat index cannot hold ${capacity.toLocaleString("en")} vectors of ${this.dimensions} dimensions (4 GiB at most): set VECTOR_INDEX=hnsw`,
      );
    const pages = Math.ceil(bytes / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (pages > 0) this.memory.grow(pages);
    const ids = new Float64Array(capacity);
    ids.set(this.ids);
    this.ids = ids;
    const scales = new Float32Array(capacity);
    scales.set(this.scales);
    this.scales = scales;
    const fine = new Int8Array(capacity * this.dimensions);
    fine.set(this.fine);
    this.fine = fine;
    this.cap = capacity;
  }

  /**
   * Writes the codes of a vector and their second bytes; returns the scale that turns the
   * codes' dot products into cosines.
   */
  private encode(vector: Float32Array | number[], codes: Int8Array, fine: Int8Array): number {
    let norm = 0;
    let max = 0;
    for (let j = 0; j < vector.length; j++) {
      const x = vector[j]!;
      norm += x * x;
      if (Math.abs(x) > max) max = Math.abs(x);
    }
    if (max === 0 || !Number.isFinite(norm)) {
      codes.fill(0);
      fine.fill(0);
      return 0;
    }
    const f = 127 / max;
    for (let j = 0; j < vector.length; j++) {
      const x = vector[j]! * f;
      codes[j] = Math.round(x);
      // What rounding lost, within ±0.5 of a step, in 254ths.
      fine[j] = Math.round((x - codes[j]!) * 254);
    }
    return max / (127 * Math.sqrt(norm));
  }

  /**
   * The query into the kernel's int16 slot. Its own scale is left out: it is the same for
   * every row, so it does not change which rows the scan ranks first.
   */
  private encodeQuery(query: Float32Array | number[]): void {
    if (query.length !== this.dimensions)
      throw new Error(`query of ${query.length} dimensions in an index of ${this.dimensions}`);
    const q = new Int16Array(this.memory.buffer, 0, this.stride);
    let max = 0;
    for (let j = 0; j < query.length; j++) max = Math.max(max, Math.abs(query[j]!));
    if (max === 0 || !Number.isFinite(max)) {
      q.fill(0);
      return;
    }
    const f = this.queryMax / max;
    for (let j = 0; j < query.length; j++) q[j] = Math.round(query[j]! * f);
  }
}

/** The query at unit length, in doubles (a zero query stays zero). */
function unitQuery(query: Float32Array | number[]): Float64Array {
  let norm = 0;
  for (let j = 0; j < query.length; j++) norm += query[j]! * query[j]!;
  const inv = norm > 0 && Number.isFinite(norm) ? 1 / Math.sqrt(norm) : 0;
  return Float64Array.from(query, (x) => x * inv);
}

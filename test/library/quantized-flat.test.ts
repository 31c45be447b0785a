import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import hnswlib from "hnswlib-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QuantizedFlat } from "../../src/library/embedded/quantized-flat.ts";
// @ts-expect-error: a plain .mjs script without types
import { compile } from "../../scripts/build-wasm.mjs";

/** Deterministic vectors with the built-in embedder's shape: sparse-ish, signed, unit length. */
function vectors(count: number, dims: number, seed = 1): Float32Array[] {
  let s = seed;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    const v = new Float32Array(dims);
    for (let j = 0; j < dims; j++) if (rand() < 0.5) v[j] = (rand() - 0.5) * (rand() < 0.1 ? 4 : 1);
    let n = 0;
    for (const x of v) n += x * x;
    return v.map((x) => x / Math.sqrt(n));
  });
}

function cosine(a: Float32Array, b: Float32Array): number {
  let d = 0,
    na = 0,
    nb = 0;
  for (let j = 0; j < a.length; j++) {
    d += a[j]! * b[j]!;
    na += a[j]! * a[j]!;
    nb += b[j]! * b[j]!;
  }
  return d / Math.sqrt(na * nb);
}

function exactTop(all: Map<number, Float32Array>, q: Float32Array, k: number): number[] {
  return [...all]
    .map(([id, v]) => ({ id, c: cosine(q, v) }))
    .sort((a, b) => b.c - a.c)
    .slice(0, k)
    .map((r) => r.id);
}

describe("QuantizedFlat", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-q8-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("finds what an exact float search finds, with cosines within 1e-4", () => {
    const dims = 256;
    const data = vectors(2999, dims); // odd: the kernel's one-row tail is checked too
    const flat = new QuantizedFlat(dims, 16); // grows past its first capacity several times
    const all = new Map<number, Float32Array>();
    data.forEach((v, i) => {
      flat.add(v, 1000 + i);
      all.set(1000 + i, v);
    });
    expect(flat.count()).toBe(2999);
    expect(flat.capacity()).toBeGreaterThanOrEqual(2999);
    let hits = 0;
    const queries = vectors(50, dims, 99);
    for (const q of queries) {
      const got = flat.search(q, 10);
      const truth = new Set(exactTop(all, q, 10));
      hits += got.neighbors.filter((id) => truth.has(id)).length;
      // The codes alone are off by about 5e-4; their second bytes make it about 1e-5.
      got.neighbors.forEach((id, i) =>
        expect(Math.abs(1 - got.distances[i]! - cosine(q, all.get(id)!))).toBeLessThan(1e-4),
      );
      // Nearest first.
      for (let i = 1; i < got.distances.length; i++)
        expect(got.distances[i]!).toBeGreaterThanOrEqual(got.distances[i - 1]!);
    }
    expect(hits / (queries.length * 10)).toBeGreaterThanOrEqual(0.99);
  });

  it("finds a stored vector as its own nearest neighbour, at cosine 1", () => {
    const data = vectors(500, 256, 3);
    const flat = new QuantizedFlat(256, 1024);
    data.forEach((v, i) => flat.add(v, i));
    for (const i of [0, 17, 499]) {
      const got = flat.search(data[i]!, 1);
      expect(got.neighbors).toEqual([i]);
      expect(got.distances[0]!).toBeCloseTo(0, 2);
    }
  });

  it("removes by moving the last row into the gap, and replaces a vector added again", () => {
    const data = vectors(200, 64, 5);
    const flat = new QuantizedFlat(64, 8);
    data.forEach((v, i) => flat.add(v, i));
    for (const id of [0, 199, 50, 51]) expect(flat.remove(id)).toBe(true);
    expect(flat.remove(50)).toBe(false);
    expect(flat.count()).toBe(196);
    expect(flat.has(50)).toBe(false);
    expect(flat.has(198)).toBe(true);
    // Every remaining vector is still found as itself, the moved ones included.
    for (const id of [1, 198, 52, 100]) expect(flat.search(data[id]!, 1).neighbors).toEqual([id]);
    for (const q of vectors(20, 64, 6))
      for (const id of flat.search(q, 196).neighbors) expect([0, 199, 50, 51]).not.toContain(id);
    // Same id, new vector: replaced, not added twice.
    flat.add(data[7]!, 100);
    expect(flat.count()).toBe(196);
    expect(flat.search(data[7]!, 2).neighbors.sort((a, b) => a - b)).toEqual([7, 100]);
  });

  it("scores given ids as the search does", () => {
    const data = vectors(300, 256, 8);
    const flat = new QuantizedFlat(256, 300);
    data.forEach((v, i) => flat.add(v, i + 1));
    const q = vectors(1, 256, 9)[0]!;
    const got = flat.search(q, 5);
    const sims = flat.similarities(q, [...got.neighbors, 9999]);
    expect(sims.has(9999)).toBe(false);
    got.neighbors.forEach((id, i) => expect(sims.get(id)!).toBeCloseTo(1 - got.distances[i]!, 6));
  });

  it.each([100, 1536, 3072])(
    "handles %i dimensions (not a multiple of 16, and long ones without overflow)",
    (dims) => {
      // Every component equal is the largest dot product the codes can make.
      const flat = new QuantizedFlat(dims, 4);
      const even = new Float32Array(dims).fill(1);
      const other = vectors(3, dims, 11);
      flat.add(even, 1);
      other.forEach((v, i) => flat.add(v, i + 2));
      const got = flat.search(even, 4);
      expect(got.neighbors[0]).toBe(1);
      expect(1 - got.distances[0]!).toBeCloseTo(1, 3);
      expect(flat.search(other[1]!, 1).neighbors).toEqual([3]);
    },
  );

  it("scores a single vector (the kernel's tail alone)", () => {
    const [a, q] = vectors(2, 256, 21);
    const flat = new QuantizedFlat(256, 1);
    flat.add(a!, 42);
    const got = flat.search(q!, 5);
    expect(got.neighbors).toEqual([42]);
    expect(1 - got.distances[0]!).toBeCloseTo(cosine(a!, q!), 2);
  });

  it("gives a zero vector cosine 0, not NaN", () => {
    const flat = new QuantizedFlat(32, 4);
    flat.add(new Float32Array(32), 1);
    flat.add(vectors(1, 32)[0]!, 2);
    const got = flat.search(vectors(1, 32, 4)[0]!, 2);
    expect(got.distances.every(Number.isFinite)).toBe(true);
    expect(flat.search(new Float32Array(32), 2).distances).toEqual([1, 1]);
  });

  it("reads back what it wrote, and nothing else", () => {
    const data = vectors(700, 256, 12);
    const flat = new QuantizedFlat(256, 1024);
    data.forEach((v, i) => flat.add(v, 5 * i));
    flat.remove(10);
    const file = path.join(dir, "index-1-0.flat");
    flat.write(file);
    const back = QuantizedFlat.read(file, 256)!;
    expect(back.count()).toBe(699);
    expect(back.has(10)).toBe(false);
    for (const q of vectors(10, 256, 13)) expect(back.search(q, 10)).toEqual(flat.search(q, 10));
    // Still a working index: it removes and adds after being read.
    expect(back.remove(15)).toBe(true);
    back.add(data[3]!, 1);
    // Id 15 held data[3]; now only id 1 does.
    expect(back.search(data[3]!, 1).neighbors).toEqual([1]);
    expect(back.count()).toBe(699);

    expect(QuantizedFlat.read(file, 128)).toBeNull(); // another size
    const cut = path.join(dir, "cut.flat");
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 5000));
    expect(QuantizedFlat.read(cut, 256)).toBeNull();
    // An earlier version's snapshot: hnswlib's float brute-force format.
    const legacy = new hnswlib.BruteforceSearch("cosine", 256);
    legacy.initIndex(10);
    legacy.addPoint(Array.from(data[0]!), 1);
    const legacyFile = path.join(dir, "legacy.flat");
    legacy.writeIndexSync(legacyFile);
    expect(QuantizedFlat.read(legacyFile, 256)).toBeNull();
  });

  it("ships a kernel binary compiled from its source", async () => {
    const dirOf = path.join(import.meta.dirname, "../../src/library/embedded");
    const built: Buffer = await compile(path.join(dirOf, "int8-scan.wat"));
    expect(built.equals(fs.readFileSync(path.join(dirOf, "int8-scan.wasm")))).toBe(true);
  });
});

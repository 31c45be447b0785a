/**
 * Each process's copy of the vectors of the libraries it searches exactly (up to exactScanMax
 * passages), as int8 flat indexes (the embedded backend's QuantizedFlat, WebAssembly SIMD): the
 * nearest vectors of a question are found here in about a millisecond at 100k passages, where
 * pgvector's exact scan of the same rows took 47 ms (docs/performance.md). Postgres stays the
 * truth: the candidates statement gets these ids as a parameter, joins them to the library's
 * own rows (so a stale id of a forgotten passage, or any other library's, returns nothing) and
 * computes every candidate's cosine itself.
 *
 * Freshness. Every write that changes a library's vectors bumps its `vectors_version` in its
 * transaction (schema 5), and a forget or a reindex records that version in `vectors_forgotten`
 * or `vectors_reindexed`. A question reads the three with the passage count it reads anyway
 * (termStats: no extra round trip), and the copy is brought up to that version before it is
 * searched: after additions only, the rows with a larger passage id than any held are loaded
 * (a library's writers take turns on its row and take their ids after the lock, so ids grow in
 * commit order); after a forget, the ids held that the library no longer has are dropped too;
 * after a reindex, the copy is loaded again whole. A copy is only ever marked with a version
 * read before its rows were, so it may be refreshed once more than needed, never too little.
 * A write of this process brings its own copy along directly when nothing came between.
 *
 * A library not held yet (or reindexed) is loaded in the background, in one snapshot, through a
 * cursor, while its questions take the exact scan in SQL, correct and slower: no question waits
 * for a cold load (about 0.6 s at 100k passages). The copies held are bounded in floats
 * (LRU, as the embedded backend bounds its open libraries); a copy used within the last minute
 * is not evicted for another, so two large libraries do not take turns reloading.
 */
import type pg from "pg";
import { QuantizedFlat } from "../embedded/quantized-flat.ts";

/** What a library's row says of its vectors, read with its passage count. */
export interface VectorsVersion {
  passages: number;
  /** Bumped by every write that changes the library's vectors. */
  version: number;
  /** The version of the last write that removed vectors (forget). */
  forgotten: number;
  /** The version of the last write that changed vectors in place (reindex). */
  reindexed: number;
}

/** What the cache needs of the database (PostgresStorage). */
export interface CacheDatabase {
  connection(): Promise<pg.PoolClient>;
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Rows a FETCH of the cold load takes at once (about 5 MB of text). */
const FETCH_ROWS = 8_192;
/** A copy used this recently is not evicted to make room for another. */
const KEEP_RECENT_MS = 60_000;

/** Values as they are, text: vectors come as base64, ids as digits. */
const RAW = { getTypeParser: () => (value: string) => value };

interface Entry {
  flat: QuantizedFlat;
  /** The passage ids held (for dropping those a forget took). */
  ids: Set<number>;
  /** The largest passage id held: rows above it are the ones added since. */
  maxId: number;
  /** The version the copy holds at least (read before its rows). */
  version: number;
  lastUsed: number;
  /** Refreshes and own writes, one at a time. */
  chain: Promise<unknown>;
}

export class VectorCache {
  private readonly entries = new Map<string, Entry>();
  /** Cold loads running, by library. */
  private readonly loading = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly db: CacheDatabase,
    /** Floats (vectors times dimensions) held at most, all libraries together. */
    private readonly maxFloats: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The `k` nearest passage ids of the library to `vector`, from the copy brought up to
   * `seen`; undefined when no copy is ready (the caller scans in SQL), and then a cold load
   * is started in the background if there is room for it.
   */
  async nearest(
    libraryId: string,
    seen: VectorsVersion,
    vector: Float32Array,
    k: number,
  ): Promise<number[] | undefined> {
    let entry = this.entries.get(libraryId);
    if (entry && seen.reindexed > entry.version) {
      // Every vector may have changed: the copy goes, and a new one is loaded.
      this.entries.delete(libraryId);
      entry = undefined;
    }
    if (!entry) {
      this.startLoad(libraryId, seen, vector.length);
      return undefined;
    }
    // LRU: the most recently used goes last.
    this.entries.delete(libraryId);
    this.entries.set(libraryId, entry);
    entry.lastUsed = this.now();
    const held = entry;
    if (held.version < seen.version) await this.serially(held, () => this.refresh(libraryId, held, seen));
    if (this.entries.get(libraryId) !== held || held.flat.dimensions !== vector.length) return undefined;
    return held.flat.search(vector, k).neighbors;
  }

  /** Whether a copy of the library is held (tests, the bench). */
  holds(libraryId: string): { passages: number; version: number } | undefined {
    const entry = this.entries.get(libraryId);
    return entry ? { passages: entry.flat.count(), version: entry.version } : undefined;
  }

  /**
   * About how many bytes a library's copy holds: per row of its capacity, the codes (the
   * dimensions rounded up to 16), their second bytes, an id, a scale and the scan's output; per
   * passage, an entry in the flat index's slot map and in the ids held (about 80 bytes).
   */
  bytes(libraryId: string): number {
    const entry = this.entries.get(libraryId);
    if (!entry) return 0;
    const { flat } = entry;
    return flat.capacity() * (flat.stride + flat.dimensions + 16) + flat.count() * 80;
  }

  /** Resolves when no cold load is running (tests, the bench, close). */
  async settled(): Promise<void> {
    while (this.loading.size) await Promise.allSettled([...this.loading.values()]);
  }

  /**
   * After this process's write committed, which took the library from `after - 1` to `after`:
   * the copy takes the write itself if it held exactly the version before, else it is left
   * for the next question to refresh.
   */
  applyWrite(libraryId: string, after: number, change: { added?: AddedVectors; removed?: number[] }): void {
    const entry = this.entries.get(libraryId);
    if (!entry) return;
    void this.serially(entry, async () => {
      if (entry.version !== after - 1 || this.entries.get(libraryId) !== entry) return;
      for (const id of change.removed ?? []) {
        entry.flat.remove(id);
        entry.ids.delete(id);
      }
      if (change.added) {
        const { ids, vectors } = change.added;
        ids.forEach((id, i) => this.hold(entry, id, roundToHalf(vectors[i]!)));
      }
      entry.version = after;
    }).catch(() => {
      // A copy that could not take the write is not trusted: the next question loads it anew.
      if (this.entries.get(libraryId) === entry) this.entries.delete(libraryId);
    });
  }

  /** Drops every copy (after a reindex of this process: the next questions load them again). */
  clear(): void {
    this.entries.clear();
  }

  /** Drops a library's copy (it went past the exact scan's limit). */
  drop(libraryId: string): void {
    this.entries.delete(libraryId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
    this.entries.clear();
  }

  private async serially<T>(entry: Entry, work: () => Promise<T>): Promise<T> {
    const run = entry.chain.then(work, work);
    entry.chain = run.catch(() => undefined);
    return run;
  }

  private heldFloats(): number {
    let floats = 0;
    for (const e of this.entries.values()) floats += e.flat.count() * e.flat.dimensions;
    return floats;
  }

  /**
   * Makes room for `floats` more by evicting the least recently used copies not used within
   * KEEP_RECENT_MS; false when that is not enough (the library stays with the SQL scan).
   */
  private makeRoom(floats: number): boolean {
    if (floats > this.maxFloats) return false;
    let held = this.heldFloats();
    const cutoff = this.now() - KEEP_RECENT_MS;
    const victims: string[] = [];
    for (const [id, e] of this.entries) {
      if (held + floats <= this.maxFloats) break;
      if (e.lastUsed > cutoff) continue;
      victims.push(id);
      held -= e.flat.count() * e.flat.dimensions;
    }
    if (held + floats > this.maxFloats) return false;
    for (const id of victims) this.entries.delete(id);
    return true;
  }

  private startLoad(libraryId: string, seen: VectorsVersion, dimensions: number): void {
    if (this.closed || this.loading.has(libraryId) || seen.passages === 0) return;
    if (!this.makeRoom(seen.passages * dimensions)) return;
    const load = this.load(libraryId, seen.passages)
      .then((entry) => {
        if (!entry || this.closed) return;
        if (!this.makeRoom(entry.flat.count() * entry.flat.dimensions)) return;
        this.entries.set(libraryId, entry);
      })
      // A failed load (a lost connection, a close) leaves the library to the SQL scan; the next
      // question tries again.
      .catch(() => undefined)
      .finally(() => this.loading.delete(libraryId));
    this.loading.set(libraryId, load);
  }

  /**
   * The library's vectors in one snapshot (a read-only repeatable-read transaction), with the
   * version they are at, through a cursor a few thousand rows at a time.
   */
  private async load(libraryId: string, expected: number): Promise<Entry | undefined> {
    const client = await this.db.connection();
    let entry: Entry | undefined;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      const { rows } = await client.query<{ version: number }>(
        "SELECT vectors_version AS version FROM footnote_libraries WHERE id = $1",
        [libraryId],
      );
      const version = rows[0]?.version ?? 0;
      await client.query(
        `DECLARE footnote_vector_load NO SCROLL CURSOR FOR
         SELECT passage_id, encode(halfvec_send(embedding), 'base64') FROM footnote_vectors WHERE library_id = $1`,
        [libraryId],
      );
      for (;;) {
        if (this.closed) return undefined;
        const page = await client.query<string[]>({
          text: `FETCH ${FETCH_ROWS} FROM footnote_vector_load`,
          rowMode: "array",
          types: RAW,
        });
        for (const [id, vector] of page.rows as unknown as Array<[string, string]>) {
          const v = decodeHalfvec(vector);
          entry ??= {
            // Room for the rows expected and a few more articles: no doubling while loading.
            flat: new QuantizedFlat(v.length, Math.max(1024, Math.ceil(expected * 1.05))),
            ids: new Set(),
            maxId: 0,
            version,
            lastUsed: this.now(),
            chain: Promise.resolve(),
          };
          this.hold(entry, Number(id), v);
        }
        if (page.rows.length < FETCH_ROWS) break;
      }
      await client.query("COMMIT");
      return entry;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Brings a copy up to `seen` (see the file's comment). */
  private async refresh(libraryId: string, entry: Entry, seen: VectorsVersion): Promise<void> {
    if (entry.version >= seen.version) return;
    if (seen.forgotten > entry.version) {
      const { rows } = await this.db.query<{ ids: string | null }>(
        "SELECT array_agg(passage_id)::text AS ids FROM footnote_vectors WHERE library_id = $1",
        [libraryId],
      );
      const there = new Set(parseIds(rows[0]?.ids ?? null));
      for (const id of [...entry.ids]) {
        if (there.has(id)) continue;
        entry.flat.remove(id);
        entry.ids.delete(id);
      }
    }
    const client = await this.db.connection();
    let rows: Array<[string, string]>;
    try {
      rows = (
        await client.query<string[]>({
          text: `SELECT passage_id, encode(halfvec_send(embedding), 'base64') FROM footnote_vectors
                 WHERE library_id = $1 AND passage_id > $2`,
          values: [libraryId, entry.maxId],
          rowMode: "array",
          types: RAW,
        })
      ).rows as unknown as Array<[string, string]>;
    } finally {
      client.release();
    }
    for (const [id, vector] of rows) this.hold(entry, Number(id), decodeHalfvec(vector));
    entry.version = Math.max(entry.version, seen.version);
  }

  private hold(entry: Entry, id: number, vector: Float32Array): void {
    entry.flat.add(vector, id);
    entry.ids.add(id);
    if (id > entry.maxId) entry.maxId = id;
  }
}

/** A write's new vectors, by passage id. */
export interface AddedVectors {
  ids: number[];
  vectors: Float32Array[];
}

/** Every half-precision value's float (65,536 of them): decoding is a lookup. */
const HALF = new Float32Array(65_536);
for (let h = 0; h < 65_536; h++) {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  HALF[h] =
    exponent === 0
      ? sign * mantissa * 2 ** -24
      : exponent === 31
        ? mantissa
          ? NaN
          : sign * Infinity
        : sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/**
 * pgvector's binary form of a halfvec (halfvec_send: the dimensions, a reserved int16, then each
 * value as a big-endian IEEE half), from its base64 text (`encode(…, 'base64')`, line breaks
 * and all), as floats.
 */
export function decodeHalfvec(base64: string): Float32Array {
  const bytes = Buffer.from(base64, "base64");
  const dimensions = bytes.readUInt16BE(0);
  const out = new Float32Array(dimensions);
  for (let j = 0, at = 4; j < dimensions; j++, at += 2) out[j] = HALF[(bytes[at]! << 8) | bytes[at + 1]!]!;
  return out;
}

/** A float rounded to the nearest half-precision value (ties to even), as a halfvec stores it. */
export function halfRound(x: number): number {
  const ax = Math.abs(x);
  if (!Number.isFinite(x) || ax === 0) return x;
  if (ax >= 65_520) return x > 0 ? Infinity : -Infinity;
  // The spacing of halves around ax: 2^-24 below 2^-14 (subnormals), else 2^(e - 10).
  let e = Math.floor(Math.log2(ax));
  if (2 ** e > ax) e--;
  else if (2 ** (e + 1) <= ax) e++;
  const step = 2 ** (Math.max(e, -14) - 10);
  const q = ax / step;
  let r = Math.round(q);
  if (r - q === 0.5 && r % 2 === 1) r--;
  return Math.sign(x) * r * step;
}

/** A vector as the database holds it (halfvec), so a copy fed by a write matches one loaded. */
export function roundToHalf(v: Float32Array): Float32Array {
  const out = new Float32Array(v.length);
  for (let j = 0; j < v.length; j++) out[j] = halfRound(v[j]!);
  return out;
}

/** An int8[]'s text form ({1,2,3}) as numbers. */
function parseIds(text: string | null): number[] {
  if (!text || text.length <= 2) return [];
  return text.slice(1, -1).split(",").map(Number);
}

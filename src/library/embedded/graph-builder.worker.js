/**
 * Builds a library's HNSW graph off the main thread (see VectorIndex.startGraphBuild): reads
 * every vector from the store in one read transaction, inserts them into a new graph and
 * writes it to `outFile`. The main thread keeps answering from the exact flat index
 * meanwhile, then loads the file and replays what changed after `watermark` / `seq`.
 *
 * Plain JavaScript on purpose: a worker thread does not inherit a TypeScript loader in every
 * way footnote runs (tsx, vitest), and this file needs nothing but the two native modules.
 */
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import hnswlib from "hnswlib-node";

/** @type {{ dbFile: string; outFile: string; dimensions: number; m: number; efConstruction: number }} */
const { dbFile, outFile, dimensions, m, efConstruction } = workerData;

const db = new Database(dbFile, { readonly: true });
db.pragma("busy_timeout = 5000");
// One read transaction: the vectors, the last passage id and the delete sequence agree.
db.exec("BEGIN");
const count = /** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM passages").get()).n;
const watermark =
  /** @type {{ id: number | null }} */ (db.prepare("SELECT max(id) AS id FROM passages").get()).id ?? 0;
const seqRow = /** @type {{ value: string } | undefined} */ (
  db.prepare("SELECT value FROM meta WHERE key = 'delete_seq'").get()
);
const seq = Number(seqRow?.value ?? 0);

const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
index.initIndex({ maxElements: Math.max(1024, Math.ceil(count * 1.25)), m, efConstruction, randomSeed: 100 });
for (const row of db.prepare("SELECT id, vector FROM passages ORDER BY id").iterate()) {
  const { id, vector } = /** @type {{ id: number; vector: Buffer }} */ (row);
  index.addPoint(Array.from(new Float32Array(vector.buffer, vector.byteOffset, vector.byteLength / 4)), id);
}
db.exec("COMMIT");
db.close();

index.writeIndexSync(outFile);
const fd = fs.openSync(outFile, "r");
fs.fsyncSync(fd);
fs.closeSync(fd);
parentPort?.postMessage({ watermark, seq, count });

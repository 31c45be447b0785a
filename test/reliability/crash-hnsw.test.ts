/**
 * The compaction and forget crash rounds again, with the HNSW graph instead of the flat index
 * (VECTOR_INDEX=hnsw, handed to every child through the environment): the graph keeps deleted
 * points marked until compaction, the flat index removes them, and both must survive a kill.
 */
import fs from "node:fs";
import path from "node:path";
import { rm } from "node:fs/promises";
import { afterAll, expect, it } from "vitest";
import { killWorkers } from "./crash-harness.ts";
import { killDuring } from "./forget-rounds.ts";

process.env.FOOTNOTE_TEST_VECTOR_INDEX = "hnsw";
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_611) + 7;
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS_FORGET ?? 10);

const dirs: string[] = [];
afterAll(async () => {
  killWorkers();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The snapshots the rounds left: they must all be graphs, or this test tested the flat index. */
function snapshotKinds(): string[] {
  return dirs.flatMap((d) => {
    const root = path.join(d, "libraries");
    if (!fs.existsSync(root)) return [];
    return fs
      .readdirSync(root)
      .flatMap((lib) =>
        fs
          .readdirSync(path.join(root, lib))
          .flatMap((n) => /^index-\d+-\d+\.(hnsw|flat)$/.exec(n)?.[1] ?? []),
      );
  });
}

it(`HNSW: opens and stays consistent through ${ROUNDS} SIGKILLs during compaction`, async () => {
  console.log(await killDuring("compact", SEED, ROUNDS, dirs));
  expect(snapshotKinds().length).toBeGreaterThan(0);
  expect(new Set(snapshotKinds())).toEqual(new Set(["hnsw"]));
}, 120_000);

it(`HNSW: forgets for good through ${ROUNDS} SIGKILLs during forget`, async () => {
  console.log(await killDuring("forget", SEED + 1, ROUNDS, dirs));
  expect(new Set(snapshotKinds())).toEqual(new Set(["hnsw"]));
}, 120_000);

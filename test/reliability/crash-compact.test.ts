/**
 * Crash safety, continued (see crash.test.ts): SIGKILL while the child compacts the vector
 * index (a snapshot, written to a .tmp- file and renamed, after every ingest and forget).
 * After each kill the library must open and be consistent; leftover `.tmp-` files, real or
 * planted (a half-written snapshot with a newer name than any real one, and garbage), must
 * not get in the way.
 *
 * Reproduce a run with RELIABILITY_SEED=<seed> (printed at the end).
 */
import { rm } from "node:fs/promises";
import { afterAll, it } from "vitest";
import { killWorkers } from "./crash-harness.ts";
import { killDuring } from "./forget-rounds.ts";

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_611) + 1;
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS_FORGET ?? 10);

const dirs: string[] = [];
afterAll(async () => {
  killWorkers();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

it(`opens and stays consistent through ${ROUNDS} SIGKILLs during compaction, whatever .tmp- files are left`, async () => {
  console.log(await killDuring("compact", SEED, ROUNDS, dirs));
}, 120_000);

/**
 * Crash safety, continued (see crash.test.ts): SIGKILL while the child forgets articles.
 * After each kill the library opens here; forgotten articles are gone from the list, the
 * store, the full-text and vector indexes and the answers; every other article is intact.
 *
 * Reproduce a run with RELIABILITY_SEED=<seed> (printed at the end).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";
import { createFootnote } from "../../src/footnote.ts";
import { makeArticle } from "./articles.ts";
import { checkLibrary } from "./consistency.ts";
import { killWorkers, reliabilityConfig } from "./crash-harness.ts";
import { killDuring } from "./forget-rounds.ts";

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_611);
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS_FORGET ?? 10);

const dirs: string[] = [];
afterAll(async () => {
  killWorkers();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

it(`forgets for good, and keeps the rest, through ${ROUNDS} SIGKILLs during forget`, async () => {
  console.log(await killDuring("forget", SEED, ROUNDS, dirs));
}, 120_000);

it("counts the live vectors right after reopening a snapshot that holds deleted points", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "footnote-live-count-"));
  dirs.push(dataDir);
  const config = reliabilityConfig(dataDir);
  let footnote = await createFootnote({ config });
  const ids: string[] = [];
  for (let n = 0; n < 12; n++) {
    const a = makeArticle(700_000 + n);
    ids.push((await footnote.ingest("live", { kind: "text", text: a.text, title: a.title })).id);
  }
  await footnote.forget("live", ids[3]!);
  const library = embeddedLibrary(footnote.storage, "live")!;
  // Few deletions: the snapshot keeps them as marked points instead of rebuilding.
  library.index.snapshot(library.store);
  const passages = library.store.passageCount();
  expect(library.index.size).toBe(passages);
  await footnote.close();

  footnote = await createFootnote({ config });
  const reopened = embeddedLibrary(footnote.storage, "live")!;
  expect(reopened.index.size).toBe(reopened.store.passageCount());
  expect(checkLibrary(reopened).notInIndex).toEqual([]);
  await footnote.close();
});

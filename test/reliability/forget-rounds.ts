/**
 * The forget and compaction crash rounds (crash-forget.test.ts, crash-compact.test.ts): a
 * child ingests one article and forgets the oldest in a loop (and, in "compact" mode, writes
 * an index snapshot after every step) until it is SIGKILLed at a random (seeded) moment; the
 * library is then opened in the test process and checked.
 */
import fs from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { createFootnote } from "../../src/footnote.ts";
import type { EmbeddedLibrary } from "../../src/library/embedded/library.ts";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";
import { articleNumber, articleTitle, makeArticle, randomInt, rng } from "./articles.ts";
import { articlePassages, checkLibrary, expectConsistent } from "./consistency.ts";
import {
  libraryDir,
  seedLibrary,
  snapshotFiles,
  startWorker,
  type WorkerMode,
  reliabilityConfig,
} from "./crash-harness.ts";

/** Articles in the library before the first kill; the child keeps the count about level. */
const SEEDED = 40;

/**
 * Runs `rounds` kills in a fresh DATA_DIR (pushed to `dirs` for cleanup) and returns a
 * one-line summary.
 */
export async function killDuring(
  mode: Extract<WorkerMode, "forget" | "compact">,
  seed: number,
  rounds: number,
  dirs: string[],
): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), `footnote-crash-${mode}-`));
  dirs.push(dataDir);
  const LIB = `crash-${mode}`;
  const next = rng(seed);

  // Article id → number, oldest first (the child forgets the oldest).
  const alive = new Map<string, number>();
  for (const [id, n] of await seedLibrary(
    dataDir,
    LIB,
    Array.from({ length: SEEDED }, (_, i) => 900_000 + i),
  ))
    alive.set(id, n);
  const forgotten = new Map<string, { n: number; passages: Array<{ id: number; vector: Float32Array }> }>();
  /** Passages of live articles as of the last check, to look for them after they are forgotten. */
  let known = new Map<string, Array<{ id: number; vector: Float32Array }>>();
  const remember = (library: EmbeddedLibrary) => {
    known = new Map([...alive.keys()].map((id) => [id, articlePassages(library, id)]));
  };
  {
    const footnote = await createFootnote({ config: reliabilityConfig(dataDir) });
    remember(embeddedLibrary(footnote.storage, LIB)!);
    await footnote.close();
  }

  let forgotTotal = 0;
  let unreportedIngest = 0;
  let unreportedForget = 0;
  let tmpLeftovers = 0;
  let planted = 0;
  const plantedNames = new Set<string>();
  let snaps = 0;
  const perRound: string[] = [];

  const firstOf = (round: number) => 1_000_000 + round * 100_000;
  let worker = startWorker(mode, dataDir, LIB, firstOf(0));
  for (let round = 0; round < rounds; round++) {
    const delay = randomInt(next, 50, 1500);
    const first = firstOf(round);
    const run = await worker.run(delay);
    // The next child loads its modules while this round is checked.
    if (round + 1 < rounds) worker = startWorker(mode, dataDir, LIB, firstOf(round + 1));
    snaps += run.snaps;
    for (const a of run.ok) alive.set(a.id, a.n);
    for (const id of run.forgot) {
      expect(alive.has(id), `round ${round}: the child forgot ${id}, which it should not have had`).toBe(
        true,
      );
      forgotten.set(id, { n: alive.get(id)!, passages: known.get(id) ?? [] });
      alive.delete(id);
    }
    forgotTotal += run.forgot.length;

    const files = snapshotFiles(dataDir, LIB);
    if (files.tmp.some((name) => !plantedNames.has(name))) tmpLeftovers++;
    // Also a leftover we make ourselves, every other round: a half-written snapshot with a
    // newer name than any real one, and one of garbage.
    if (round % 2 === 1 && files.snapshots.length > 0) {
      const dir = libraryDir(dataDir, LIB);
      const real = fs.readFileSync(join(dir, files.snapshots[0]!));
      const half = `index-99999999-99999999.flat.tmp-${90_000 + round}`;
      const junk = `index-99999998-0.hnsw.tmp-${91_000 + round}`;
      fs.writeFileSync(join(dir, half), real.subarray(0, Math.floor(real.length / 2)));
      fs.writeFileSync(join(dir, junk), Buffer.from("not an index at all"));
      plantedNames.add(half).add(junk);
      planted++;
    }

    const footnote = await createFootnote({ config: reliabilityConfig(dataDir) });
    try {
      const library = embeddedLibrary(footnote.storage, LIB);
      expect(library, `round ${round}: the library opens`).toBeDefined();
      const listed = await footnote.list(LIB);
      const listedIds = new Set(listed.map((a) => a.id));

      // One step was in flight at the kill: an ingest (committed, maybe unreported) or a
      // forget (committed, maybe unreported). Nothing else may differ from the reports.
      const extra = listed.filter((a) => !alive.has(a.id));
      const missing = [...alive.keys()].filter((id) => !listedIds.has(id));
      expect(
        extra.length + missing.length,
        `round ${round}: extra ${extra.map((a) => a.id)} missing ${missing}`,
      ).toBeLessThanOrEqual(1);
      for (const a of extra) {
        expect(articleNumber(a.title)).toBe(first + run.ok.length);
        alive.set(a.id, first + run.ok.length);
        unreportedIngest++;
      }
      for (const id of missing) {
        // Only the oldest can be the one whose forget committed before its FORGOT line.
        expect(id, `round ${round}: a missing article that is not the oldest`).toBe([...alive.keys()][0]);
        forgotten.set(id, { n: alive.get(id)!, passages: known.get(id) ?? [] });
        alive.delete(id);
        unreportedForget++;
      }
      for (const a of listed) expect(a.title).toBe(articleTitle(alive.get(a.id)!));

      // Forgotten: gone from the store, the full-text index, the vector index and the answers.
      const { db } = library!.store;
      const roundForgotten = [...run.forgot, ...missing];
      for (const id of forgotten.keys())
        expect(listedIds.has(id), `round ${round}: ${id} was forgotten`).toBe(false);
      for (const id of roundForgotten) {
        const gone = forgotten.get(id)!;
        expect(library!.store.getArticle(id)).toBeUndefined();
        expect(
          (db.prepare("SELECT count(*) AS n FROM passages WHERE article_id = ?").get(id) as { n: number }).n,
        ).toBe(0);
        for (const p of gone.passages) {
          const hits = library!.index.search(p.vector, 10).map((h) => h.id);
          expect(
            hits,
            `round ${round}: passage ${p.id} of forgotten ${id} is still in the vector index`,
          ).not.toContain(p.id);
          expect(
            library!.index.has(p.id),
            `round ${round}: passage ${p.id} of forgotten ${id} is still in the graph`,
          ).toBe(false);
        }
      }
      const askForgotten = roundForgotten.slice(-3);
      for (const id of askForgotten) {
        const answer = await footnote.ask(LIB, makeArticle(forgotten.get(id)!.n).question);
        expect(
          answer.citations.map((c) => c.articleId),
          `round ${round}: an answer cites forgotten ${id}`,
        ).not.toContain(id);
      }

      // Everything else intact: answerable (a sample), whole, and in both indexes.
      const ids = [...alive.keys()];
      const toAsk = new Set(ids.slice(-2));
      for (let i = 0; i < 6; i++) toAsk.add(ids[Math.floor(next() * ids.length)]!);
      for (const id of toAsk) {
        const article = makeArticle(alive.get(id)!);
        const answer = await footnote.ask(LIB, article.question);
        expect(
          answer.citations.map((c) => c.articleId),
          `round ${round}: "${article.question}" should cite ${id}`,
        ).toContain(id);
      }
      const report = checkLibrary(library!);
      expectConsistent(report, alive.size, round);
      remember(library!);
      perRound.push(
        `${delay}ms:+${run.ok.length}${extra.length ? "+1?" : ""}-${run.forgot.length}${missing.length ? "-1?" : ""}`,
      );
    } finally {
      await footnote.close();
    }
  }
  return (
    `[crash/${mode}] seed ${seed}: ${rounds} kills, ${forgotTotal} forgets reported, ${unreportedForget} forgets and ${unreportedIngest} ingests ` +
    `committed but unreported, ${snaps} snapshots reported by the child, ${tmpLeftovers} rounds where the kill left a .tmp- file, ` +
    `${planted} rounds with planted half-written snapshots; ${alive.size} articles at the end; rounds: ${perRound.join(" ")}`
  );
}

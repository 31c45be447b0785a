/**
 * Crash safety: a child process ingests articles one after another and is SIGKILLed at a
 * random (seeded) moment; the library is then opened here and must hold every article the
 * child reported done, answer questions about them, and hold nothing half-written. The same
 * DATA_DIR is used across rounds, so the library grows; this process forces a snapshot
 * (compaction) after two rounds in three, so the next child opens from a fresh snapshot or
 * from a stale one plus a replay from the store.
 *
 * Reproduce a run with RELIABILITY_SEED=<seed> (printed at the end).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";
import { createFootnote } from "../../src/footnote.ts";
import { articleNumber, articleTitle, makeArticle, randomInt, rng } from "./articles.ts";
import { checkLibrary, expectConsistent } from "./consistency.ts";
import { killWorkers, snapshotFiles, startWorker, reliabilityConfig } from "./crash-harness.ts";

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_611);
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS ?? 15);
const LIB = "crash-ingest";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "footnote-crash-"));
});
afterAll(async () => {
  killWorkers();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it(`keeps every reported article, whole, through ${ROUNDS} SIGKILLs during ingest`, async () => {
  const next = rng(SEED);
  /** Article id → article number, for every article the store should hold. */
  const alive = new Map<string, number>();
  const seenSnapshots = new Set<string>();
  let unreported = 0;
  let tmpLeftovers = 0;
  let asked = 0;
  const perRound: string[] = [];

  const firstOf = (round: number) => round * 100_000;
  let worker = startWorker("ingest", dataDir, LIB, firstOf(0));
  for (let round = 0; round < ROUNDS; round++) {
    const delay = randomInt(next, 50, 1500);
    const first = firstOf(round);
    const t0 = Date.now();
    const run = await worker.run(delay);
    const t1 = Date.now();
    // The next child loads its modules while this round is checked.
    if (round + 1 < ROUNDS) worker = startWorker("ingest", dataDir, LIB, firstOf(round + 1));
    for (const a of run.ok) alive.set(a.id, a.n);
    const files = snapshotFiles(dataDir, LIB);
    files.snapshots.forEach((s) => seenSnapshots.add(s));
    if (files.tmp.length > 0) tmpLeftovers++;

    const footnote = await createFootnote({ config: reliabilityConfig(dataDir) });
    try {
      const library = embeddedLibrary(footnote.storage, LIB);
      const t2 = Date.now();
      expect(library, `round ${round}: the library opens`).toBeDefined();
      const listed = await footnote.list(LIB);
      const listedIds = new Set(listed.map((a) => a.id));

      // Everything reported done is there.
      expect(
        [...alive.keys()].filter((id) => !listedIds.has(id)),
        `round ${round}: reported articles missing`,
      ).toEqual([]);
      // At most the one article in flight at the kill is there without a report: committed,
      // killed before it could print OK. It is the next number in sequence.
      const extra = listed.filter((a) => !alive.has(a.id));
      expect(extra.length, `round ${round}: unreported articles`).toBeLessThanOrEqual(1);
      for (const a of extra) {
        expect(articleNumber(a.title)).toBe(first + run.ok.length);
        alive.set(a.id, first + run.ok.length);
        unreported++;
      }
      for (const a of listed) expect(a.title).toBe(articleTitle(alive.get(a.id)!));

      // Answerable: the last one reported (the most at risk), the unreported one, and a
      // seeded sample of the round's articles.
      const roundArticles = [...run.ok.map((a) => a.id), ...extra.map((a) => a.id)];
      const toAsk = new Set(roundArticles.slice(-2));
      for (let i = 0; i < 8 && roundArticles.length > 0; i++)
        toAsk.add(roundArticles[Math.floor(next() * roundArticles.length)]!);
      for (const id of toAsk) {
        const article = makeArticle(alive.get(id)!);
        const answer = await footnote.ask(LIB, article.question);
        asked++;
        expect(
          answer.citations.map((c) => c.articleId),
          `round ${round}: "${article.question}" should cite ${id}`,
        ).toContain(id);
        expect(answer.answer).toContain(article.answer.split(" ")[0]);
      }

      // No half article, no orphan, full-text and vector index in step with the store.
      const { db } = library!.store;
      const roundPassages = roundArticles.length
        ? (
            db
              .prepare(
                `SELECT id FROM passages WHERE article_id IN (${roundArticles.map(() => "?").join(",")})`,
              )
              .all(...roundArticles) as Array<{ id: number }>
          ).map((r) => r.id)
        : [];
      const all = (db.prepare("SELECT id FROM passages").all() as Array<{ id: number }>).map((r) => r.id);
      const sample = Array.from(
        { length: Math.min(100, all.length) },
        () => all[Math.floor(next() * all.length)]!,
      );
      const report = checkLibrary(library!, { searchIds: [...roundPassages, ...sample] });
      expectConsistent(report, alive.size, round);
      // kill delay: articles reported (+1? one committed but unreported) [ms from GO to exit / ms to open here / ms of checks]
      perRound.push(
        `${delay}ms:+${run.ok.length}${extra.length ? "+1?" : ""}[${t1 - t0}/${t2 - t1}/${Date.now() - t2}]`,
      );
      // Compaction between kills: two rounds in three start from a fresh snapshot, the third
      // from a stale one, so the next child also replays from the store after its open.
      // (No snapshot when nothing changed: a child killed before its first ingest.)
      if (round % 3 !== 2) library!.index.maybeSnapshot(library!.store, { force: true });
    } finally {
      await footnote.close();
    }
  }

  const final = snapshotFiles(dataDir, LIB);
  final.snapshots.forEach((s) => seenSnapshots.add(s));
  console.log(
    `[crash/ingest] seed ${SEED}: ${ROUNDS} kills, ${alive.size} articles kept, ${unreported} committed-but-unreported, ` +
      `${asked} questions checked, ${seenSnapshots.size} distinct snapshots seen, ${tmpLeftovers} rounds left a .tmp- file; rounds: ${perRound.join(" ")}`,
  );
  // The library grew past the snapshot threshold, so compaction ran between kills.
  expect(seenSnapshots.size).toBeGreaterThan(0);
}, 120_000);

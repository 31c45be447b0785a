/**
 * `footnote migrate`: copies every embedded library (articles, passages, their vectors as
 * stored, not re-embedded) into another storage, an article per transaction, then checks that
 * the target holds every article with all its passages. Safe to run twice: an article already
 * there is skipped, so an interrupted copy resumes where it stopped. Into an empty PostgreSQL
 * database, the HNSW index is built once at the end (Storage.bulkLoad).
 */
import type { Storage } from "./storage.ts";

/** How far a copy has come, for the progress line. */
export interface MigrateProgress {
  library: string;
  /** Passages handled so far (copied or found already there), of all libraries. */
  done: number;
  total: number;
  /** Passages copied per second so far, and the time left at that rate. */
  rate: number;
  etaSeconds: number;
}

/** What the copy did for one library, and what the check found missing. */
export interface LibraryCopy {
  library: string;
  articles: number;
  passages: number;
  copied: number;
  /** Already in the target (an earlier run), by id. */
  present: number;
  /** The same text already in the target under another id (ingested there directly). */
  duplicates: number;
  /** Articles the target lacks, or holds with another passage count, after the copy. */
  missing: string[];
}

/** Copies every library of `from` into `to`, then checks the copy. */
export async function migrateLibraries(
  from: Storage,
  to: Storage,
  opts: {
    onProgress?: (p: MigrateProgress) => void;
    /** Called before the target builds an index it left for the end (a while, for a large copy). */
    onIndexBuild?: () => void;
    now?: () => number;
  } = {},
): Promise<LibraryCopy[]> {
  // A backend that can defer index upkeep to the end of a bulk copy does (Postgres's HNSW).
  return to.bulkLoad
    ? to.bulkLoad(() => copyAll(from, to, opts), opts.onIndexBuild)
    : copyAll(from, to, opts);
}

async function copyAll(
  from: Storage,
  to: Storage,
  opts: { onProgress?: (p: MigrateProgress) => void; now?: () => number },
): Promise<LibraryCopy[]> {
  const now = opts.now ?? (() => performance.now());
  const ids = await from.listLibraries();
  const sizes = new Map<string, number>();
  for (const id of ids) sizes.set(id, (await from.counts(id)).passages);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const started = now();
  let done = 0;
  let copiedPassages = 0;
  const report: LibraryCopy[] = [];
  for (const library of ids) {
    const copy: LibraryCopy = {
      library,
      articles: 0,
      passages: 0,
      copied: 0,
      present: 0,
      duplicates: 0,
      missing: [],
    };
    /** What the target must hold: an article id (the target's, for a duplicate) and its passages. */
    const expected = new Map<string, number>();
    for await (const item of from.exportArticles(library)) {
      const r = await to.importArticle(library, item);
      copy.articles++;
      copy.passages += item.chunks.length;
      if (r.outcome === "copied") {
        copy.copied++;
        copiedPassages += item.chunks.length;
      } else if (r.outcome === "present") copy.present++;
      else copy.duplicates++;
      expected.set(r.outcome === "duplicate" ? r.existing.id : item.article.id, item.chunks.length);
      done += item.chunks.length;
      const seconds = (now() - started) / 1000;
      const rate = seconds > 0 ? copiedPassages / seconds : 0;
      opts.onProgress?.({
        library,
        done,
        total,
        rate,
        etaSeconds: rate > 0 ? (total - done) / rate : 0,
      });
    }
    // Verify: every article there, whole.
    const held = new Map(
      ((await to.withLibrary(library, false, (l) => l.listArticles())) ?? []).map((a) => [a.id, a.chunks]),
    );
    for (const [id, chunks] of expected) if (held.get(id) !== chunks) copy.missing.push(id);
    report.push(copy);
  }
  return report;
}

/** "12,345 / 100,000 passages  1,234/s  1m 10s left" */
export function formatProgress(p: MigrateProgress): string {
  const n = (x: number) => Math.round(x).toLocaleString("en");
  const left = p.rate > 0 ? `  ${formatDuration(p.etaSeconds)} left` : "";
  return `${n(p.done)} / ${n(p.total)} passages  ${n(p.rate)}/s${left}  (${p.library})`;
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/**
 * `footnote migrate`: copies every embedded library (articles, passages, their vectors as
 * stored, not re-embedded) into another storage, in batches of about BATCH_PASSAGES passages
 * a transaction where the target takes batches (Postgres), else an article a transaction, then
 * checks that the target holds every article with all its passages. Safe to run twice: an
 * article already there is skipped, so an interrupted copy resumes where it stopped (a batch is
 * all or nothing). Into an empty PostgreSQL database, the HNSW index is built once at the end
 * (Storage.bulkLoad).
 */
import type { ArticleExport, ImportOutcome, Storage } from "./storage.ts";

/**
 * Passages a batch (a transaction): at 1,000 a batch the Postgres bulk path stores about a
 * passage a millisecond, where one article a transaction paid a commit and a posting row a term
 * for each article (docs/performance.md).
 */
export const BATCH_PASSAGES = 1_000;

/** A target that stores many exported articles in one transaction (PostgresStorage). */
interface BatchTarget {
  importArticles(libraryId: string, items: ArticleExport[]): Promise<ImportOutcome[]>;
}

/** How `to` stores a batch: in one transaction if it can, else an article at a time. */
function batchImporter(to: Storage): (libraryId: string, items: ArticleExport[]) => Promise<ImportOutcome[]> {
  const batches = to as Storage & Partial<BatchTarget>;
  if (typeof batches.importArticles === "function") return (id, items) => batches.importArticles!(id, items);
  return async (id, items) => {
    const out: ImportOutcome[] = [];
    for (const item of items) out.push(await to.importArticle(id, item));
    return out;
  };
}

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
    /** Passages a batch (default BATCH_PASSAGES): a batch closes at the article that reaches it. */
    batchPassages?: number;
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
  opts: { onProgress?: (p: MigrateProgress) => void; now?: () => number; batchPassages?: number },
): Promise<LibraryCopy[]> {
  const now = opts.now ?? (() => performance.now());
  const ids = await from.listLibraries();
  const sizes = new Map<string, number>();
  for (const id of ids) sizes.set(id, (await from.counts(id)).passages);
  const progress: Progress = {
    total: [...sizes.values()].reduce((a, b) => a + b, 0),
    started: now(),
    done: 0,
    copied: 0,
    now,
    onProgress: opts.onProgress,
  };
  const store = batchImporter(to);
  const report: LibraryCopy[] = [];
  for (const library of ids) {
    const copy = emptyCopy(library);
    /** What the target must hold: an article id (the target's, for a duplicate) and its passages. */
    const expected = new Map<string, number>();
    let batch: ArticleExport[] = [];
    let passages = 0;
    const flush = async () => {
      const outcomes = await store(library, batch);
      outcomes.forEach((r, i) => count(copy, expected, batch[i]!, r, progress));
      progress.onProgress?.(progressAt(progress, library));
      batch = [];
      passages = 0;
    };
    for await (const item of from.exportArticles(library)) {
      batch.push(item);
      passages += item.chunks.length;
      if (passages >= (opts.batchPassages ?? BATCH_PASSAGES)) await flush();
    }
    if (batch.length) await flush();
    // Verify: every article there, whole.
    const held = new Map(
      ((await to.withLibrary(library, false, (l) => l.listArticles())) ?? []).map((a) => [a.id, a.chunks]),
    );
    for (const [id, chunks] of expected) if (held.get(id) !== chunks) copy.missing.push(id);
    report.push(copy);
  }
  return report;
}

/** A copy's running totals, for the progress line. */
interface Progress {
  total: number;
  started: number;
  /** Passages handled (copied or found already there), and copied, of all libraries so far. */
  done: number;
  copied: number;
  now: () => number;
  onProgress?: (p: MigrateProgress) => void;
}

/** Where the copy stands, with the rate so far and the time left at that rate. */
function progressAt(p: Progress, library: string): MigrateProgress {
  const seconds = (p.now() - p.started) / 1000;
  const rate = seconds > 0 ? p.copied / seconds : 0;
  return {
    library,
    done: p.done,
    total: p.total,
    rate,
    etaSeconds: rate > 0 ? (p.total - p.done) / rate : 0,
  };
}

function emptyCopy(library: string): LibraryCopy {
  return { library, articles: 0, passages: 0, copied: 0, present: 0, duplicates: 0, missing: [] };
}

/** Counts one article's outcome in the library's copy, what the target must hold, and the progress. */
function count(
  copy: LibraryCopy,
  expected: Map<string, number>,
  item: ArticleExport,
  r: ImportOutcome,
  progress: Progress,
): void {
  copy.articles++;
  copy.passages += item.chunks.length;
  if (r.outcome === "copied") {
    copy.copied++;
    progress.copied += item.chunks.length;
  } else if (r.outcome === "present") copy.present++;
  else copy.duplicates++;
  expected.set(r.outcome === "duplicate" ? r.existing.id : item.article.id, item.chunks.length);
  progress.done += item.chunks.length;
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

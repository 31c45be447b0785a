import { expect } from "vitest";
/**
 * What "consistent" means for a library on disk, checked from the outside: the SQL rows of
 * every article are all there (or none are), the full-text index and the vector index hold
 * exactly the store's passages, and nothing is left of a forgotten article.
 */
import type { EmbeddedLibrary } from "../../src/library/embedded/library.ts";
import { blobToVector } from "../../src/library/embedded/sqlite-store.ts";

export interface ConsistencyReport {
  articles: number;
  passages: number;
  /** Articles whose passage count differs from their `chunks` column. */
  halfArticles: Array<{ id: string; chunks: number; passages: number }>;
  /** Passages whose article row is gone. */
  orphanPassages: number;
  /** Full-text rows without a passage, and passages without a full-text row. */
  ftsOrphans: number;
  ftsMissing: number;
  /** Passages whose vector is not in the index. */
  notInIndex: number[];
  /** How many passages were looked up in the vector index. */
  searched: number;
  /** The index's own count of live vectors. */
  indexSize: number;
}

/**
 * Checks one library. `searchIds` limits the (slower) vector-index lookups to these passages;
 * by default every passage is looked up.
 */
export function checkLibrary(
  library: EmbeddedLibrary,
  opts: { searchIds?: Iterable<number> } = {},
): ConsistencyReport {
  const { db } = library.store;
  const articles = db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number };
  const passages = db.prepare("SELECT count(*) AS n FROM passages").get() as { n: number };
  const halfArticles = db
    .prepare(
      "SELECT a.id AS id, a.chunks AS chunks, count(p.id) AS passages FROM articles a LEFT JOIN passages p ON p.article_id = a.id GROUP BY a.id HAVING count(p.id) <> a.chunks",
    )
    .all() as Array<{ id: string; chunks: number; passages: number }>;
  const orphans = db
    .prepare("SELECT count(*) AS n FROM passages WHERE article_id NOT IN (SELECT id FROM articles)")
    .get() as { n: number };
  const ftsOrphans = db
    .prepare("SELECT count(*) AS n FROM passages_fts WHERE rowid NOT IN (SELECT id FROM passages)")
    .get() as { n: number };
  const ftsMissing = db
    .prepare("SELECT count(*) AS n FROM passages WHERE id NOT IN (SELECT rowid FROM passages_fts)")
    .get() as { n: number };

  const wanted = opts.searchIds ? new Set(opts.searchIds) : undefined;
  const rows = db.prepare("SELECT id, vector FROM passages ORDER BY id").all() as Array<{
    id: number;
    vector: Buffer;
  }>;
  const notInIndex: number[] = [];
  let searched = 0;
  for (const row of rows) {
    if (wanted && !wanted.has(row.id)) continue;
    searched++;
    // Presence, not search quality: the graph is approximate, and these synthetic passages are
    // near-duplicates of one another, so a top-10 search may rank others first.
    if (!library.index.has(row.id)) notInIndex.push(row.id);
  }
  return {
    articles: articles.n,
    passages: passages.n,
    halfArticles,
    orphanPassages: orphans.n,
    ftsOrphans: ftsOrphans.n,
    ftsMissing: ftsMissing.n,
    notInIndex,
    searched,
    indexSize: library.index.size,
  };
}

/** Passage ids and vectors of one article, to check later that the index forgot them. */
export function articlePassages(
  library: EmbeddedLibrary,
  articleId: string,
): Array<{ id: number; vector: Float32Array }> {
  const rows = library.store.db
    .prepare("SELECT id, vector FROM passages WHERE article_id = ? ORDER BY id")
    .all(articleId) as Array<{ id: number; vector: Buffer }>;
  return rows.map((r) => ({ id: r.id, vector: blobToVector(r.vector) }));
}

/** Whole articles only, both indexes in step with the store, and the articles expected. */
export function expectConsistent(report: ConsistencyReport, articles: number, round: number): void {
  expect(report.halfArticles, `round ${round}`).toEqual([]);
  expect(report.orphanPassages, `round ${round}`).toBe(0);
  expect(report.ftsOrphans, `round ${round}`).toBe(0);
  expect(report.ftsMissing, `round ${round}`).toBe(0);
  expect(report.notInIndex, `round ${round}: passages missing from the vector index`).toEqual([]);
  expect(report.articles, `round ${round}: articles`).toBe(articles);
  expect(report.indexSize, `round ${round}: index size vs store`).toBe(report.passages);
}

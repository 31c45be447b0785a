/**
 * One library of the Postgres backend, as a column (`library_id`) of the shared tables: every
 * statement here names it, so no query reaches another library's rows. The lexical side is an
 * inverted index in a table (term -> passage, with the term's frequency), fed with the same
 * tokens SQLite FTS5 indexes, so BM25 ranks as in the embedded backend.
 */
import type pg from "pg";
import type { ArticleSummary, Chunk } from "../../types.ts";
import type { EmbeddingIdentity } from "../../embeddings/identity.ts";
import { FootnoteError } from "../../errors.ts";
import { indexTokens } from "../../text/tokens.ts";
import { identifyLanguage } from "../../text/identify.ts";
import { articleSummary, encodeSpans, passagesInOrder, type ArticleRow, type PassageRow } from "../rows.ts";
import type {
  AddResult,
  ArticleRecord,
  CandidateQuery,
  Candidates,
  Library,
  StoredArticleRef,
  StoredPassage,
} from "../storage.ts";

/** FTS5's bm25() weights for the title and text columns (store.ts), and its k1 and b. */
const TITLE_WEIGHT = 0.3;
const K1 = 1.2;
const B = 0.75;

/** A pooled statement or one inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** What a library needs of the database it lives in (PostgresStorage). */
export interface PostgresDatabase extends Queryable {
  readonly identity: EmbeddingIdentity;
  readonly exactScanMax: number;
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** Cached document frequencies of a library's terms, valid while its size is within 1%. */
  dfFor(libraryId: string, passages: number): Map<string, number>;
}

/** One library of the Postgres backend: every statement names its id. */
export class PostgresLibrary implements Library {
  readonly storage = "postgres";

  constructor(
    private readonly db: PostgresDatabase,
    readonly id: string,
  ) {}

  private get pool(): Queryable {
    return this.db;
  }

  async passageCount(): Promise<number> {
    const { rows } = await this.pool.query<{ passages: number }>(
      "SELECT passages FROM footnote_libraries WHERE id = $1",
      [this.id],
    );
    return rows[0]?.passages ?? 0;
  }

  async findDuplicate(contentHash: string, url: string | null): Promise<StoredArticleRef | undefined> {
    return findDuplicate(this.pool, this.id, contentHash, url);
  }

  async hasArticle(articleId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "SELECT 1 FROM footnote_articles WHERE library_id = $1 AND id = $2",
      [this.id, articleId],
    );
    return (rowCount ?? 0) > 0;
  }

  async addArticle(article: ArticleRecord, chunks: Chunk[], vectors: Float32Array[]): Promise<AddResult> {
    return this.insert({ ...article, createdAt: new Date().toISOString() }, chunks, vectors, false);
  }

  /**
   * One transaction: the library's row is locked first, so two replicas storing the same
   * article at once take turns, and the second finds the first's (by text or URL) and stores
   * nothing. With `sameId` (migrate), an article of that id already there counts as a duplicate.
   */
  async insert(
    article: ArticleRecord & { createdAt: string },
    chunks: Chunk[],
    vectors: Float32Array[],
    sameId: boolean,
  ): Promise<AddResult> {
    if (vectors.some((v) => v.length !== this.db.identity.dimensions))
      throw new FootnoteError(
        "INDEX_MISMATCH",
        `A vector has ${vectors.find((v) => v.length !== this.db.identity.dimensions)!.length} dimensions; the database holds ${this.db.identity.dimensions}. Run \`footnote reindex\` after changing embeddings.`,
      );
    // One language an article: its title and passages are indexed by its rules, as the embedded store does.
    const language = article.language ?? identifyLanguage(article.text);
    const titleTokens = indexTokens(article.title, language);
    let merged = false;
    const result = await this.db.transaction(async (client) => {
      const locked = await client.query<{ passages: number }>(
        "SELECT passages FROM footnote_libraries WHERE id = $1 FOR UPDATE",
        [this.id],
      );
      const before = locked.rows[0]?.passages ?? 0;
      // Past the exact scan's limit, the library's vectors go in the HNSW graph (partial index).
      const graph = before + chunks.length > this.db.exactScanMax;
      // Migrate (sameId) matches by id, else by text only: two articles of one URL may both be kept.
      const existing = sameId
        ? ((await articleById(client, this.id, article.id)) ??
          (await findDuplicate(client, this.id, article.contentHash, null)))
        : await findDuplicate(client, this.id, article.contentHash, article.url);
      if (existing) return { duplicate: true, existing } as const;
      const postings = chunks.map((c) => weightedTerms(titleTokens, indexTokens(c.text, language)));
      const terms: string[] = [];
      const idxs: number[] = [];
      const weights: number[] = [];
      postings.forEach((p, i) => {
        for (const [term, tf] of p.tf) {
          terms.push(term);
          idxs.push(chunks[i]!.index);
          weights.push(weightOf(tf, p.dl));
        }
      });
      // The article, its passages, their vectors, its posting lists (one row a term, sorted by
      // passage id) and the library's counts: one statement, one round trip.
      const { rows } = await client.query<{ ids: number[]; unmerged: number }>(
        `WITH a AS (
          INSERT INTO footnote_articles (library_id, id, title, url, byline, published_at, created_at, text, content_hash, chars, chunks, language, terms)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING 1),
        p AS (
          INSERT INTO footnote_passages (library_id, article_id, idx, start, "end", text, sentences, dl)
          SELECT $1, $2, u.idx, u.start, u.end_, u.text, u.sentences, u.dl
          FROM unnest($14::int4[], $15::int4[], $16::int4[], $17::text[], $18::bytea[], $19::int4[])
            AS u(idx, start, end_, text, sentences, dl)
          RETURNING id, idx),
        v AS (
          INSERT INTO footnote_vectors (passage_id, library_id, embedding, graph)
          SELECT p.id, $1, u.e::halfvec, $26 FROM p JOIN unnest($14::int4[], $20::text[]) AS u(idx, e) ON u.idx = p.idx
          RETURNING 1),
        t AS (
          INSERT INTO footnote_terms (library_id, term, first_id, n, passage_ids, weights)
          SELECT $1, u.term COLLATE "C", min(p.id), count(*), array_agg(p.id ORDER BY p.id), array_agg(u.w ORDER BY p.id)
          FROM unnest($21::text[], $22::int4[], $23::int4[]) AS u(term, idx, w) JOIN p ON p.idx = u.idx
          GROUP BY u.term COLLATE "C"
          RETURNING 1),
        l AS (
          UPDATE footnote_libraries SET passages = passages + $24, tokens = tokens + $25,
            unmerged = unmerged + (SELECT count(*) FROM t)
          WHERE id = $1 RETURNING unmerged)
        SELECT (SELECT array_agg(id ORDER BY idx) FROM p) AS ids, (SELECT unmerged FROM l) AS unmerged`,
        [
          this.id,
          article.id,
          article.title,
          article.url,
          article.byline,
          article.publishedAt,
          article.createdAt,
          article.text,
          article.contentHash,
          article.text.length,
          chunks.length,
          language,
          [...new Set(terms)],
          chunks.map((c) => c.index),
          chunks.map((c) => c.start),
          chunks.map((c) => c.end),
          chunks.map((c) => c.text),
          chunks.map((c) => encodeSpans(c.text)),
          postings.map((p) => p.dl),
          vectors.map(vectorLiteral),
          terms,
          idxs,
          weights,
          chunks.length,
          postings.reduce((s, p) => s + p.dl, 0),
          graph,
        ],
      );
      // The article that takes the library past the line puts all its vectors in the graph, once.
      if (graph && before <= this.db.exactScanMax)
        await client.query("UPDATE footnote_vectors SET graph = true WHERE library_id = $1 AND NOT graph", [
          this.id,
        ]);
      const byIndex = [...chunks].sort((x, y) => x.index - y.index);
      const idOf = new Map(byIndex.map((c, i) => [c.index, Number(rows[0]!.ids?.[i])]));
      const passageIds = chunks.map((c) => idOf.get(c.index)!);
      if (rows[0]!.unmerged >= MERGE_EVERY) {
        await mergePostings(client, this.id);
        merged = true;
      }
      return { duplicate: false, passageIds } as const;
    });
    // A merge leaves as many dead rows as it wrote: vacuumed now, so that the next articles'
    // rows reuse their space. Autovacuum (a minute apart by default) falls behind a bulk
    // ingest, and the table grew to 3.8 times its live rows at 10k passages without this.
    if (merged) await this.db.query("VACUUM footnote_terms");
    return result;
  }

  async forget(articleId: string): Promise<boolean> {
    return this.db.transaction(async (client) => {
      await client.query("SELECT 1 FROM footnote_libraries WHERE id = $1 FOR UPDATE", [this.id]);
      const { rows } = await client.query<{ ids: number[] | null; n: number; tokens: number | null }>(
        `SELECT array_agg(id) AS ids, count(*)::int8 AS n, sum(dl)::int8 AS tokens
         FROM footnote_passages WHERE library_id = $1 AND article_id = $2`,
        [this.id, articleId],
      );
      const ids = rows[0]!.ids ?? [];
      // The article's entries out of its terms' posting lists: each row that holds one is
      // written again without them (or goes, if nothing is left).
      await client.query(
        `WITH gone AS (
          DELETE FROM footnote_terms t
          WHERE t.library_id = $1 AND t.term = ANY((SELECT terms FROM footnote_articles WHERE library_id = $1 AND id = $2)::text[])
            AND t.passage_ids && $3::int8[]
          RETURNING t.term, t.first_id, t.passage_ids, t.weights),
        kept AS (
          SELECT g.term, g.first_id, u.pid, u.w
          FROM gone g CROSS JOIN LATERAL unnest(g.passage_ids, g.weights) AS u(pid, w)
          WHERE u.pid <> ALL($3::int8[]))
        INSERT INTO footnote_terms (library_id, term, first_id, n, passage_ids, weights)
        SELECT $1, term, min(pid), count(*), array_agg(pid ORDER BY pid), array_agg(w ORDER BY pid)
        FROM kept GROUP BY term, first_id`,
        [this.id, articleId, ids],
      );
      await client.query("DELETE FROM footnote_vectors WHERE passage_id = ANY($1::int8[])", [ids]);
      // The passages go with the article (ON DELETE CASCADE).
      const gone = await client.query("DELETE FROM footnote_articles WHERE library_id = $1 AND id = $2", [
        this.id,
        articleId,
      ]);
      if ((gone.rowCount ?? 0) === 0) return false;
      await client.query(
        "UPDATE footnote_libraries SET passages = passages - $2, tokens = tokens - $3 WHERE id = $1",
        [this.id, rows[0]!.n, rows[0]!.tokens ?? 0],
      );
      return true;
    });
  }

  async listArticles(): Promise<ArticleSummary[]> {
    const { rows } = await this.pool.query<ArticleRow>(
      "SELECT id, title, url, byline, published_at, created_at, chunks, chars FROM footnote_articles WHERE library_id = $1 ORDER BY created_at, seq",
      [this.id],
    );
    return rows.map((r) => articleSummary(r, this.id));
  }

  async articleText(articleId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ text: string }>(
      "SELECT text FROM footnote_articles WHERE library_id = $1 AND id = $2",
      [this.id, articleId],
    );
    return rows[0]?.text;
  }

  /** Passages counted in the last termStats: whether candidates scan exactly or use the graph. */
  private lastCount?: number;

  async termStats(stems: string[]): Promise<{ passages: number; df: Map<string, number> }> {
    const passages = await this.passageCount();
    this.lastCount = passages;
    const cache = this.db.dfFor(this.id, Math.max(1, passages));
    const unknown = stems.filter((s) => !cache.has(s));
    if (unknown.length) {
      const { rows } = await this.pool.query<{ term: string; n: number }>(
        "SELECT term, sum(n)::int8 AS n FROM footnote_terms WHERE library_id = $1 AND term = ANY($2::text[]) GROUP BY term",
        [this.id, unknown],
      );
      for (const s of unknown) cache.set(s, 0);
      for (const r of rows) cache.set(r.term, r.n);
    }
    return { passages, df: new Map(stems.map((s) => [s, cache.get(s)!])) };
  }

  /**
   * Both sides in one statement: BM25 over the postings (FTS5's formula: IDF floored at 1e-6,
   * k1 1.2, b 0.75, the title weighted 0.3), the nearest vectors (exact in a small library, the
   * HNSW graph in a large one), and the cosine of every candidate.
   *
   * The lexical side reads each term's postings once, through a LATERAL subquery per term (an
   * index range on (library_id, term)), and counts the term's df from the same rows (a window
   * count), so df is exact, as FTS5's is. Joined to the terms plainly, the planner, misled by a
   * guess of the terms' count (and PGlite, with no autovacuum, has no statistics at all), reads
   * all of the library's postings into a hash join: 2 s a question at 60k passages instead of
   * 2 ms (docs/performance.md).
   */
  async candidates(query: CandidateQuery): Promise<Candidates> {
    const { rows } = await this.pool.query<{
      id: number;
      score: number | null;
      near: boolean;
      cosine: number;
    }>(...(await this.candidatesStatement(query)));
    const lexical = rows
      .filter((r) => r.score !== null)
      .map((r) => ({ id: r.id, score: r.score! }))
      .sort((a, b) => b.score - a.score || a.id - b.id);
    const cosine = new Map(rows.map((r) => [r.id, r.cosine]));
    const nearest = rows
      .filter((r) => r.near)
      .sort((a, b) => b.cosine - a.cosine || a.id - b.id)
      .map((r) => r.id);
    return { lexical, nearest, cosine };
  }

  /** The candidates statement and its parameters (also for EXPLAIN, in the bench). */
  async candidatesStatement(query: CandidateQuery): Promise<[string, unknown[]]> {
    // The question's stems, as indexTokens made the passages' (analyseQuery, lexicalWords).
    const terms = [...new Set(query.words)];
    const count = this.lastCount ?? (await this.passageCount());
    // The parameter itself, not q.v: an index can order by distance only to a constant or a
    // parameter (a column of another relation, even a one-row CTE, rules the HNSW index out).
    // `+ 0` keeps the planner off the HNSW index: an exact scan of this library's rows.
    const near =
      count <= this.db.exactScanMax
        ? "WHERE library_id = $1 ORDER BY (embedding <=> $3::halfvec) + 0"
        : "WHERE library_id = $1 AND graph ORDER BY embedding <=> $3::halfvec";
    return [
      `WITH q AS MATERIALIZED (SELECT $3::halfvec AS v),
        lib AS (SELECT passages::float8 AS n, greatest(tokens::float8 / greatest(passages, 1), 1e-9) AS avgdl FROM footnote_libraries WHERE id = $1),
        lex AS (
          SELECT p.passage_id AS id,
            sum(greatest(ln((lib.n - p.df + 0.5) / (p.df + 0.5)), 1e-6)
                * (p.tf * ${K1 + 1}) / (p.tf + ${K1} * (${1 - B} + ${B} * p.dl / lib.avgdl))) AS score
          FROM unnest($2::text[]) AS t(term) CROSS JOIN lib CROSS JOIN LATERAL (
            SELECT u.passage_id, (u.w >> 16) / 10.0::float8 AS tf, (u.w & 65535)::float8 AS dl, count(*) OVER ()::float8 AS df
            FROM footnote_terms r CROSS JOIN LATERAL unnest(r.passage_ids, r.weights) AS u(passage_id, w)
            WHERE r.library_id = $1 AND r.term = t.term) p
          GROUP BY p.passage_id ORDER BY score DESC, p.passage_id LIMIT $4),
        near AS (
          SELECT passage_id AS id FROM footnote_vectors ${near} LIMIT $4),
        ids AS (SELECT id FROM lex UNION SELECT id FROM near)
      SELECT ids.id, lex.score, near.id IS NOT NULL AS near, 1 - (v.embedding <=> q.v) AS cosine
      FROM ids JOIN footnote_vectors v ON v.passage_id = ids.id AND v.library_id = $1
        CROSS JOIN q LEFT JOIN lex ON lex.id = ids.id LEFT JOIN near ON near.id = ids.id`,
      [this.id, terms, vectorLiteral(query.vector), query.limit],
    ];
  }

  async passages(ids: number[]): Promise<StoredPassage[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<PassageRow>(
      `SELECT p.id, p.article_id, p.idx, p.start, p."end", p.text, p.sentences, a.title, a.url
       FROM footnote_passages p JOIN footnote_articles a ON a.library_id = p.library_id AND a.id = p.article_id
       WHERE p.library_id = $1 AND p.id = ANY($2::int8[])`,
      [this.id, ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return passagesInOrder(ids, byId);
  }
}

async function findDuplicate(
  db: Queryable,
  libraryId: string,
  contentHash: string,
  url: string | null,
): Promise<StoredArticleRef | undefined> {
  const { rows } = await db.query<StoredArticleRef & { by_hash: boolean }>(
    `SELECT id, title, chunks, url, content_hash = $2 AS by_hash FROM footnote_articles
     WHERE library_id = $1 AND (content_hash = $2 OR ($3::text IS NOT NULL AND url = $3))
     ORDER BY by_hash DESC LIMIT 1`,
    [libraryId, contentHash, url],
  );
  const r = rows[0];
  return r ? { id: r.id, title: r.title, chunks: r.chunks, url: r.url } : undefined;
}

async function articleById(
  db: Queryable,
  libraryId: string,
  articleId: string,
): Promise<StoredArticleRef | undefined> {
  const { rows } = await db.query<StoredArticleRef>(
    "SELECT id, title, chunks, url FROM footnote_articles WHERE library_id = $1 AND id = $2",
    [libraryId, articleId],
  );
  return rows[0];
}

/** Posting-list rows a library may add before its lists are merged (about 35 articles). */
const MERGE_EVERY = 50_000;
/** A term with more rows than this has its small ones merged. */
const MERGE_ROWS = 4;

/**
 * Keeps each term's posting list in few rows: every article adds a row a term, and this merges,
 * for each term with more than MERGE_ROWS rows, its smallest row and every row no larger than
 * the rows smaller than it together (size-tiered, as an LSM tree merges: an entry is written
 * again about log(n) times, and a term's list stays a handful of rows). Any choice of rows to merge is correct:
 * the rows of a term hold disjoint passages, and a merged row holds their union.
 */
export async function mergePostings(client: Queryable, libraryId: string): Promise<void> {
  // The rows to merge, among the terms that have rows added since the last merge: one pass
  // over those terms' rows, in the primary key's order.
  const { rows } = await client.query<{ terms: string[] | null; firsts: number[] | null; through: number }>(
    `WITH lib AS (SELECT merged_through FROM footnote_libraries WHERE id = $1),
    fresh AS (
      SELECT DISTINCT term FROM footnote_terms WHERE library_id = $1 AND first_id > (SELECT merged_through FROM lib)),
    sized AS (
      SELECT t.term, t.first_id, t.n, count(*) OVER (PARTITION BY t.term) AS rows,
        coalesce(sum(t.n) OVER (PARTITION BY t.term ORDER BY t.n DESC, t.first_id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS smaller
      FROM footnote_terms t WHERE t.library_id = $1 AND t.term IN (SELECT term FROM fresh)),
    victims AS (SELECT term, first_id FROM sized WHERE rows > ${MERGE_ROWS} AND (n <= smaller OR smaller = 0))
    SELECT array_agg(term) AS terms, array_agg(first_id) AS firsts,
      (SELECT coalesce(max(id), 0) FROM footnote_passages WHERE library_id = $1) AS through
    FROM victims`,
    [libraryId],
  );
  const { terms, firsts, through } = rows[0]!;
  if (terms?.length)
    await client.query(
      `WITH v AS (SELECT * FROM unnest($2::text[], $3::int8[]) AS v(term, first_id)),
      gone AS (
        DELETE FROM footnote_terms t USING v
        WHERE t.library_id = $1 AND t.term = v.term AND t.first_id = v.first_id
        RETURNING t.term, t.passage_ids, t.weights)
      INSERT INTO footnote_terms (library_id, term, first_id, n, passage_ids, weights)
      SELECT $1, g.term, min(u.pid), count(*), array_agg(u.pid ORDER BY u.pid), array_agg(u.w ORDER BY u.pid)
      FROM gone g CROSS JOIN LATERAL unnest(g.passage_ids, g.weights) AS u(pid, w)
      GROUP BY g.term`,
      [libraryId, terms, firsts],
    );
  await client.query("UPDATE footnote_libraries SET unmerged = 0, merged_through = $2 WHERE id = $1", [
    libraryId,
    through,
  ]);
}

/**
 * A posting's term frequency and passage length in one integer, as footnote_terms stores them:
 * the frequency is a sum of 1s and 0.3s (FTS5's column weights), so ten times it is whole.
 */
export function weightOf(tf: number, dl: number): number {
  return Math.min(Math.round(tf * 10), 32_767) * 65_536 + Math.min(dl, 65_535);
}

/** A passage's terms with FTS5's column weighting (title 0.3, text 1.0), and its length. */
function weightedTerms(title: string[], text: string[]): { tf: Map<string, number>; dl: number } {
  const tf = new Map<string, number>();
  for (const t of title) tf.set(t, (tf.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of text) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, dl: title.length + text.length };
}

/** pgvector's text form of a vector. */
export function vectorLiteral(v: Float32Array): string {
  return `[${Array.from(v).join(",")}]`;
}

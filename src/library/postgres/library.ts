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
import type { AddedVectors, VectorCache, VectorsVersion } from "./vector-cache.ts";
import type {
  AddResult,
  ArticleExport,
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
  /** A bulk load holds posting merges for its end (PostgresStorage.holdMerges). */
  readonly mergesHeld: boolean;
  /** Cached document frequencies of a library's terms, valid while its size is within 1%. */
  dfFor(libraryId: string, passages: number): Map<string, number>;
  /** This process's copies of the libraries' vectors, for exact search in process. */
  readonly vectors: VectorCache;
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
    return (await this.readVersion()).passages;
  }

  /**
   * The passage count and the vectors' version (vector-cache.ts), in one round trip: what a
   * question reads before its candidates (termStats), so that the process's copy of the
   * vectors is known to be fresh or not without asking again.
   */
  private async readVersion(): Promise<VectorsVersion> {
    const { rows } = await this.pool.query<VectorsVersion>(
      `SELECT passages, vectors_version AS version, vectors_forgotten AS forgotten, vectors_reindexed AS reindexed
       FROM footnote_libraries WHERE id = $1`,
      [this.id],
    );
    this.seen = rows[0] ?? { passages: 0, version: 0, forgotten: 0, reindexed: 0 };
    return this.seen;
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

  /**
   * One transaction: the library's row is locked first, so two replicas storing the same
   * article at once take turns, and the second finds the first's (by text or URL) and stores
   * nothing.
   */
  async addArticle(article: ArticleRecord, chunks: Chunk[], vectors: Float32Array[]): Promise<AddResult> {
    this.checkDimensions(vectors);
    const record = { ...article, createdAt: new Date().toISOString() };
    return this.writeTransaction(MERGE_EVERY, async (client, write) => {
      const existing = await findDuplicate(client, this.id, article.contentHash, article.url);
      if (existing) return { duplicate: true, existing } as const;
      const [passageIds] = await write([{ article: record, chunks, vectors }]);
      return { duplicate: false, passageIds: passageIds! } as const;
    });
  }

  /**
   * Many articles in one transaction (`footnote migrate`, bulk loads): one statement writes
   * them all, so a term that several of them hold gets one posting row, not one an article,
   * and the commit is paid once. An article whose id (or text) the library already holds, or
   * that an earlier one of the batch has, is not stored: its outcome names what is there.
   */
  async insertMany(items: ArticleExport[]): Promise<AddResult[]> {
    for (const item of items) this.checkDimensions(item.vectors);
    // During a bulk load, merges wait for its end (mergePending), or for many more rows.
    const every = this.db.mergesHeld ? MERGE_EVERY_HELD : MERGE_EVERY_BATCHED;
    return this.writeTransaction(every, async (client, write) => {
      const { rows: held } = await client.query<StoredArticleRef & { content_hash: string }>(
        `SELECT id, title, chunks, url, content_hash FROM footnote_articles
         WHERE library_id = $1 AND (id = ANY($2::text[]) OR content_hash = ANY($3::text[]))`,
        [this.id, items.map((i) => i.article.id), items.map((i) => i.article.contentHash)],
      );
      const byId = new Map(held.map((r) => [r.id, r]));
      const byHash = new Map(held.map((r) => [r.content_hash, r]));
      const out: AddResult[] = [];
      const fresh: Array<{ at: number; item: (typeof items)[number] }> = [];
      for (const item of items) {
        const { article } = item;
        const existing = byId.get(article.id) ?? byHash.get(article.contentHash);
        if (existing) {
          const { id, title, chunks, url } = existing;
          out.push({ duplicate: true, existing: { id, title, chunks, url } });
          continue;
        }
        const ref = { ...article, chunks: item.chunks.length, content_hash: article.contentHash };
        byId.set(article.id, ref);
        byHash.set(article.contentHash, ref);
        fresh.push({ at: out.length, item });
        out.push({ duplicate: false, passageIds: [] });
      }
      if (fresh.length === 0) return out;
      const written = await write(fresh.map((f) => f.item));
      fresh.forEach((f, i) => (out[f.at] = { duplicate: false, passageIds: written[i]! }));
      return out;
    });
  }

  /**
   * `work` in a transaction that first locks the library's row (replicas writing one library
   * take turns), given `write` (called once at most), which stores articles not in the library
   * yet and returns each one's passage ids. Posting rows are merged once `every` are unmerged.
   */
  private async writeTransaction<T>(
    every: number,
    work: (client: Queryable, write: (items: ArticleToWrite[]) => Promise<number[][]>) => Promise<T>,
  ): Promise<T> {
    let merged = false;
    /** The vectors written and the version they made, for this process's copy of them. */
    let wrote: { version: number; graph: boolean; added: AddedVectors } | undefined;
    this.seen = undefined;
    const result = await this.db.transaction(async (client) => {
      const before = await lockLibrary(client, this.id);
      const write = async (items: ArticleToWrite[]): Promise<number[][]> => {
        const adding = items.reduce((s, i) => s + i.chunks.length, 0);
        // Past the exact scan's limit, the library's vectors go in the HNSW graph (partial index).
        const graph = before + adding > this.db.exactScanMax;
        const written = await writeArticles(client, this.id, items, graph);
        wrote = {
          version: written.version,
          graph,
          added: { ids: written.ids.flat(), vectors: items.flatMap((i) => i.vectors) },
        };
        // The write that takes the library past the line puts all its vectors in the graph, once.
        if (graph && before <= this.db.exactScanMax)
          await client.query("UPDATE footnote_vectors SET graph = true WHERE library_id = $1 AND NOT graph", [
            this.id,
          ]);
        merged = await mergeIfDue(client, this.id, written.unmerged, every);
        return written.ids;
      };
      return work(client, write);
    });
    // A merge leaves as many dead rows as it wrote: vacuumed now, so that the next articles'
    // rows reuse their space. Autovacuum (a minute apart by default) falls behind a bulk
    // ingest, and the table grew to 3.8 times its live rows at 10k passages without this.
    if (wrote?.graph) this.db.vectors.drop(this.id);
    else if (wrote) this.db.vectors.applyWrite(this.id, wrote.version, { added: wrote.added });
    if (merged) await this.db.query("VACUUM footnote_terms");
    return result;
  }

  private checkDimensions(vectors: Float32Array[]): void {
    const wrong = vectors.find((v) => v.length !== this.db.identity.dimensions);
    if (wrong)
      throw new FootnoteError(
        "INDEX_MISMATCH",
        `A vector has ${wrong.length} dimensions; the database holds ${this.db.identity.dimensions}. Run \`footnote reindex\` after changing embeddings.`,
      );
  }

  async forget(articleId: string): Promise<boolean> {
    this.seen = undefined;
    let version = 0;
    let removed: number[] = [];
    const forgot = await this.db.transaction(async (client) => {
      await lockLibrary(client, this.id);
      const { rows } = await client.query<{ ids: number[] | null; tokens: number | null }>(
        `SELECT array_agg(id) AS ids, sum(dl)::int8 AS tokens
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
      // The vectors' version too (vector-cache.ts): every process's copy drops these ids.
      const counted = await client.query<{ version: number }>(
        `UPDATE footnote_libraries SET passages = passages - $2, tokens = tokens - $3,
           vectors_version = vectors_version + 1, vectors_forgotten = vectors_version + 1
         WHERE id = $1 RETURNING vectors_version AS version`,
        [this.id, ids.length, rows[0]!.tokens ?? 0],
      );
      version = counted.rows[0]!.version;
      // int8[] comes back as strings (the driver parses only a scalar int8 to a number).
      removed = ids.map(Number);
      return true;
    });
    if (forgot) this.db.vectors.applyWrite(this.id, version, { removed });
    return forgot;
  }

  async listArticles(): Promise<ArticleSummary[]> {
    const { rows } = await this.pool.query<ArticleRow>(
      "SELECT id, title, url, byline, published_at, created_at, chunks, chars FROM footnote_articles WHERE library_id = $1 ORDER BY created_at, seq",
      [this.id],
    );
    return rows.map((r) => articleSummary(r, this.id));
  }

  async addedSince(since: string, limit: number): Promise<ArticleSummary[]> {
    const { rows } = await this.pool.query<ArticleRow>(
      "SELECT id, title, url, byline, published_at, created_at, chunks, chars FROM footnote_articles WHERE library_id = $1 AND created_at > $2 ORDER BY created_at DESC, seq DESC LIMIT $3",
      [this.id, since, limit],
    );
    return rows.map((r) => articleSummary(r, this.id));
  }

  async article(articleId: string): Promise<ArticleSummary | undefined> {
    const { rows } = await this.pool.query<ArticleRow>(
      "SELECT id, title, url, byline, published_at, created_at, chunks, chars FROM footnote_articles WHERE library_id = $1 AND id = $2",
      [this.id, articleId],
    );
    return rows[0] ? articleSummary(rows[0], this.id) : undefined;
  }

  async articleText(articleId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ text: string }>(
      "SELECT text FROM footnote_articles WHERE library_id = $1 AND id = $2",
      [this.id, articleId],
    );
    return rows[0]?.text;
  }

  /**
   * What the last termStats read of the library's row (passages, vectors' version): whether
   * candidates search exactly or through the graph, and how fresh the process's copy must be.
   * Forgotten by a write of this library object.
   */
  private seen?: VectorsVersion;

  async termStats(stems: string[]): Promise<{ passages: number; df: Map<string, number> }> {
    const { passages } = await this.readVersion();
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
    const seen = this.seen ?? (await this.readVersion());
    const exact = seen.passages <= this.db.exactScanMax;
    // Up to the line, the nearest vectors come from this process's copy of them (an int8 flat
    // scan, about 1 ms at 100k passages), brought up to the version just read; the statement
    // gets their ids, and joins them to the library's rows below (a forgotten passage's id
    // finds no row, nor does another library's).
    const ids = exact
      ? await this.db.vectors.nearest(this.id, seen, query.vector, query.limit)
      : (this.db.vectors.drop(this.id), undefined);
    // Else SQL: the parameter itself, not q.v: an index can order by distance only to a constant
    // or a parameter (a column of another relation, even a one-row CTE, rules the HNSW index out).
    // `+ 0` keeps the planner off the HNSW index: an exact scan of this library's rows, while
    // the process has no copy of them yet (it is loading), or no room for one.
    const near = ids
      ? "SELECT unnest($5::int8[]) AS id"
      : `SELECT passage_id AS id FROM footnote_vectors ${
          exact
            ? "WHERE library_id = $1 ORDER BY (embedding <=> $3::halfvec) + 0"
            : "WHERE library_id = $1 AND graph ORDER BY embedding <=> $3::halfvec"
        } LIMIT $4`;
    const params: unknown[] = [this.id, terms, vectorLiteral(query.vector), query.limit];
    if (ids) params.push(numbers(ids));
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
        near AS (${near}),
        ids AS (SELECT id FROM lex UNION SELECT id FROM near)
      SELECT ids.id, lex.score, near.id IS NOT NULL AS near, 1 - (v.embedding <=> q.v) AS cosine
      FROM ids JOIN footnote_vectors v ON v.passage_id = ids.id AND v.library_id = $1
        CROSS JOIN q LEFT JOIN lex ON lex.id = ids.id LEFT JOIN near ON near.id = ids.id`,
      params,
    ];
  }

  async passages(ids: number[]): Promise<StoredPassage[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<PassageRow>(
      `SELECT p.id, p.article_id, p.idx, p.start, p."end", p.text, p.sentences, a.title, a.url, a.language
       FROM footnote_passages p JOIN footnote_articles a ON a.library_id = p.library_id AND a.id = p.article_id
       WHERE p.library_id = $1 AND p.id = ANY($2::int8[])`,
      [this.id, ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return passagesInOrder(ids, byId);
  }
}

/**
 * Locks a library's row for the rest of the transaction, so that its writers (replicas too) take
 * turns, and returns its passage count.
 */
export async function lockLibrary(client: Queryable, libraryId: string): Promise<number> {
  const { rows } = await client.query<{ passages: number }>(
    "SELECT passages FROM footnote_libraries WHERE id = $1 FOR UPDATE",
    [libraryId],
  );
  return rows[0]?.passages ?? 0;
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

type ArticleToWrite = Pick<ArticleExport, "chunks" | "vectors"> & {
  article: ArticleRecord & { createdAt: string };
};

/** The rows of a batch of articles, column by column, as the insert statement unnests them. */
interface BatchRows {
  articles: {
    id: string[];
    title: string[];
    url: Array<string | null>;
    byline: Array<string | null>;
    published: Array<string | null>;
    created: string[];
    text: string[];
    hash: string[];
    chars: number[];
    chunks: number[];
    language: string[];
    terms: string[];
  };
  passages: {
    articleId: string[];
    idx: number[];
    start: number[];
    end: number[];
    text: string[];
    spans: Array<Buffer | null>;
    dl: number[];
    vector: string[];
  };
  /** Each term's entries, in passage order (passages are numbered in order, ids ascending). */
  postings: Map<string, { ids: number[]; weights: number[] }>;
  tokens: number;
}

/** A batch's posting rows as slices [from, from + n) of two flat arrays, in the primary key's order. */
interface PostingSlices {
  terms: string[];
  from: number[];
  counts: number[];
  ids: number[];
  weights: number[];
}

/**
 * Writes articles that are not in the library yet, in the caller's transaction, and returns each
 * one's passage ids (in its chunks' order) and the library's posting rows not merged yet.
 *
 * The passages' ids are taken from their sequence first, so that everything else is built here
 * and the server only inserts: each term's posting row (a term that several of the articles
 * hold gets one row) is a slice of two flat arrays. Then one
 * statement writes the articles, the passages, their vectors, the posting rows and the
 * library's counts. Grouping the postings in the statement instead (a sort and an array_agg a
 * term) was a third of a 1,000-passage batch's time, and spilled to disk past work_mem.
 */
async function writeArticles(
  client: Queryable,
  libraryId: string,
  items: ArticleToWrite[],
  graph: boolean,
): Promise<{ ids: number[][]; unmerged: number; version: number }> {
  const total = items.reduce((s, i) => s + i.chunks.length, 0);
  const passageIds = await takePassageIds(client, total);
  const rows = emptyBatchRows();
  const ids = items.map((item) => addArticleRows(rows, item, passageIds));
  const { unmerged, version } = await insertBatchRows(client, libraryId, rows, passageIds, graph);
  return { ids, unmerged, version };
}

/** `count` passage ids from their sequence, ascending. */
async function takePassageIds(client: Queryable, count: number): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(
    "SELECT nextval('footnote_passages_id_seq') AS id FROM generate_series(1, $1)",
    [count],
  );
  return rows.map((r) => Number(r.id)).sort((x, y) => x - y);
}

function emptyBatchRows(): BatchRows {
  return {
    articles: {
      id: [],
      title: [],
      url: [],
      byline: [],
      published: [],
      created: [],
      text: [],
      hash: [],
      chars: [],
      chunks: [],
      language: [],
      terms: [],
    },
    passages: { articleId: [], idx: [], start: [], end: [], text: [], spans: [], dl: [], vector: [] },
    postings: new Map(),
    tokens: 0,
  };
}

/**
 * Adds an article, its passages and their postings to `rows`, its passages taking the next ids
 * of `passageIds`, and returns those ids (in its chunks' order).
 */
function addArticleRows(
  rows: BatchRows,
  { article, chunks, vectors }: ArticleToWrite,
  passageIds: number[],
): number[] {
  const { articles: a, passages: p, postings } = rows;
  // One language an article: its title and passages are indexed by its rules, as the embedded store does.
  const language = article.language ?? identifyLanguage(article.text);
  const titleTokens = indexTokens(article.title, language);
  const own = new Set<string>();
  const ids: number[] = [];
  chunks.forEach((c, i) => {
    const id = passageIds[p.idx.length]!;
    ids.push(id);
    const w = weightedTerms(titleTokens, indexTokens(c.text, language));
    p.articleId.push(article.id);
    p.idx.push(c.index);
    p.start.push(c.start);
    p.end.push(c.end);
    p.text.push(c.text);
    p.spans.push(encodeSpans(c.text));
    p.dl.push(w.dl);
    p.vector.push(vectorLiteral(vectors[i]!));
    rows.tokens += w.dl;
    for (const [term, tf] of w.tf) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { ids: [], weights: [] }));
      list.ids.push(id);
      list.weights.push(weightOf(tf, w.dl));
      own.add(term);
    }
  });
  a.id.push(article.id);
  a.title.push(article.title);
  a.url.push(article.url);
  a.byline.push(article.byline);
  a.published.push(article.publishedAt);
  a.created.push(article.createdAt);
  a.text.push(article.text);
  a.hash.push(article.contentHash);
  a.chars.push(article.text.length);
  a.chunks.push(chunks.length);
  a.language.push(language);
  // An article's terms (for forget), as a text[] literal: arrays of arrays must be rectangular.
  a.terms.push(texts([...own]));
  return ids;
}

/** Each term's posting row as a slice of two flat arrays (ids, weights), terms in order. */
function postingSlices(postings: BatchRows["postings"]): PostingSlices {
  const out: PostingSlices = {
    terms: [...postings.keys()].sort(),
    from: [],
    counts: [],
    ids: [],
    weights: [],
  };
  for (const term of out.terms) {
    const list = postings.get(term)!;
    out.from.push(out.ids.length + 1);
    out.counts.push(list.ids.length);
    for (let i = 0; i < list.ids.length; i++) {
      out.ids.push(list.ids[i]!);
      out.weights.push(list.weights[i]!);
    }
  }
  return out;
}

/**
 * One statement: the articles, the passages, their vectors, the posting rows and the library's
 * counts and vectors' version. Returns the library's posting rows not merged yet, and the version.
 */
async function insertBatchRows(
  client: Queryable,
  libraryId: string,
  { articles: a, passages: p, postings, tokens }: BatchRows,
  passageIds: number[],
  graph: boolean,
): Promise<{ unmerged: number; version: number }> {
  const slices = postingSlices(postings);
  const { rows } = await client.query<{ unmerged: number; version: number }>(
    `WITH a AS (
      INSERT INTO footnote_articles (library_id, id, title, url, byline, published_at, created_at, text, content_hash, chars, chunks, language, terms)
      SELECT $1, u.id, u.title, u.url, u.byline, u.published_at, u.created_at, u.text, u.content_hash, u.chars, u.chunks, u.language, u.terms::text[]
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int4[], $11::int4[], $12::text[], $13::text[])
        AS u(id, title, url, byline, published_at, created_at, text, content_hash, chars, chunks, language, terms)),
    p AS (
      INSERT INTO footnote_passages (id, library_id, article_id, idx, start, "end", text, sentences, dl)
      SELECT u.id, $1, u.article_id, u.idx, u.start, u.end_, u.text, u.sentences, u.dl
      FROM unnest($14::int8[], $15::text[], $16::int4[], $17::int4[], $18::int4[], $19::text[], $20::bytea[], $21::int4[])
        AS u(id, article_id, idx, start, end_, text, sentences, dl)),
    v AS (
      INSERT INTO footnote_vectors (passage_id, library_id, embedding, graph)
      SELECT u.id, $1, u.e::halfvec, $22 FROM unnest($14::int8[], $23::text[]) AS u(id, e)),
    t AS (
      INSERT INTO footnote_terms (library_id, term, first_id, n, passage_ids, weights)
      SELECT $1, u.term, ($27::int8[])[u.f], u.n, ($27::int8[])[u.f : u.f + u.n - 1], ($28::int4[])[u.f : u.f + u.n - 1]
      FROM unnest($24::text[], $25::int4[], $26::int4[]) AS u(term, f, n))
    UPDATE footnote_libraries SET passages = passages + $29, tokens = tokens + $30, unmerged = unmerged + $31,
      vectors_version = vectors_version + 1
    WHERE id = $1 RETURNING unmerged, vectors_version AS version`,
    [
      libraryId,
      texts(a.id),
      texts(a.title),
      texts(a.url),
      texts(a.byline),
      texts(a.published),
      texts(a.created),
      texts(a.text),
      texts(a.hash),
      numbers(a.chars),
      numbers(a.chunks),
      texts(a.language),
      texts(a.terms),
      numbers(passageIds),
      texts(p.articleId),
      numbers(p.idx),
      numbers(p.start),
      numbers(p.end),
      texts(p.text),
      p.spans,
      numbers(p.dl),
      graph,
      vectorTexts(p.vector),
      texts(slices.terms),
      numbers(slices.from),
      numbers(slices.counts),
      numbers(slices.ids),
      numbers(slices.weights),
      passageIds.length,
      tokens,
      slices.terms.length,
    ],
  );
  return rows[0]!;
}

/**
 * An array literal of texts (each quoted, `"` and `\\` escaped; null as NULL), as the driver
 * would make of a string[] parameter, in one pass an element: the driver escapes every element
 * twice over, numbers too, and that was a tenth of a bulk load's client time (the vectors' text
 * is 3 MB a 1,000-passage batch). Also a text[] of text[] literals, for ragged arrays.
 */
export function texts(items: Array<string | null>): string {
  const parts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const t = items[i];
    parts[i] = t === null || t === undefined ? "NULL" : `"${t.replace(/["\\]/g, "\\$&")}"`;
  }
  return `{${parts.join(",")}}`;
}

/** An array literal of vectors' text forms (vectorLiteral: digits, signs, points, commas and brackets, nothing to escape). */
export function vectorTexts(items: string[]): string {
  return items.length ? `{"${items.join('","')}"}` : "{}";
}

/** An array literal of integers (int4[], int8[]): a join, where the driver quotes each one. */
export function numbers(items: number[]): string {
  return `{${items.join(",")}}`;
}

/** Merges the library's posting lists when enough rows were added since the last merge. */
async function mergeIfDue(
  client: Queryable,
  libraryId: string,
  unmerged: number,
  every: number,
): Promise<boolean> {
  if (unmerged < every) return false;
  await mergePostings(client, libraryId);
  return true;
}

/** Posting-list rows a library may add before its lists are merged (about 35 articles). */
const MERGE_EVERY = 50_000;
/**
 * The same after a batch (insertMany): a batch adds at most one row a term (18k rows for 1,000
 * passages), so this is about 11 batches, and a term has at most as many rows more. Fewer,
 * larger merges write each entry again fewer times: each merge rewrites the small rows of every
 * term the batches touched, and at one merge every 3 batches the merges took more time than the
 * batches (60k passages: 38.8 s against 27.1 s).
 */
const MERGE_EVERY_BATCHED = 200_000;
/**
 * The same during a bulk load (PostgresStorage.holdMerges): about 110 batches of 1,000 passages,
 * so a load of 100k merges once, at its end, and a larger one every 110k passages or so, which
 * bounds one merge's statement (its memory, its time) and the rows a question reads meanwhile.
 */
const MERGE_EVERY_HELD = 2_000_000;
/** work_mem for a merge. */
const MERGE_MEMORY = "64MB";
/** A term with more rows than this has its small ones merged. */
const MERGE_ROWS = 4;
/** Rows of one size tier merged at once, and the ratio of one tier's sizes to the next's. */
const MERGE_FANOUT = 4;

/**
 * Keeps each term's posting list in few rows: every article (or batch) adds a row a term, and
 * this merges, for each term with more than MERGE_ROWS rows, the rows of a size tier (entries
 * between MERGE_FANOUT^k and MERGE_FANOUT^(k+1)) that has MERGE_FANOUT rows or more, into one
 * row of the next tier (size-tiered, as an LSM tree merges): an entry is written again about
 * log4(n) times, and a term keeps at most MERGE_FANOUT - 1 rows a tier. The rule before (a row
 * merged with all the rows smaller than it whenever they held as many entries as it) rewrote
 * a common term's whole list at almost every merge: at 60k passages the merges took more time
 * than the inserts. Any choice of rows to merge is correct: the rows of a term hold disjoint
 * passages, and a merged row holds their union. A merged row's entries are in no particular
 * order (nothing reads them in order: BM25 sums them, forget filters them): sorting each term's
 * entries was a third of a merge's time at 60k passages.
 */
export async function mergePostings(client: Queryable, libraryId: string): Promise<void> {
  // Room to group a merge's rows in memory (half a million entries at 60k passages spilled
  // 17 MB to disk at the default 4MB), for the rest of the transaction only.
  await client.query(`SET LOCAL work_mem = '${MERGE_MEMORY}'`);
  // The rows to merge, among the terms that have rows added since the last merge (one pass over
  // those terms' rows), deleted and written again merged, in one statement: sent to the client
  // and back (two statements before), the victims of a bulk load's merge (1.8M rows at 100k
  // passages) were three arrays of that size to print, parse, escape and parse again.
  const tier = `floor(ln(greatest(t.n, 1)) / ln(${MERGE_FANOUT}))::int4`;
  await client.query(
    `WITH lib AS (SELECT merged_through FROM footnote_libraries WHERE id = $1),
    fresh AS (
      SELECT DISTINCT term FROM footnote_terms WHERE library_id = $1 AND first_id > (SELECT merged_through FROM lib)),
    sized AS (
      SELECT t.term, t.first_id, ${tier} AS tier, count(*) OVER (PARTITION BY t.term) AS rows,
        count(*) OVER (PARTITION BY t.term, ${tier}) AS peers
      FROM footnote_terms t WHERE t.library_id = $1 AND t.term IN (SELECT term FROM fresh)),
    victims AS (SELECT term, first_id, tier FROM sized WHERE rows > ${MERGE_ROWS} AND peers >= ${MERGE_FANOUT}),
    gone AS (
      DELETE FROM footnote_terms t USING victims v
      WHERE t.library_id = $1 AND t.term = v.term AND t.first_id = v.first_id
      RETURNING t.term, v.tier, t.passage_ids, t.weights),
    merged AS (
      INSERT INTO footnote_terms (library_id, term, first_id, n, passage_ids, weights)
      SELECT $1, g.term, min(u.pid), count(*), array_agg(u.pid), array_agg(u.w)
      FROM gone g CROSS JOIN LATERAL unnest(g.passage_ids, g.weights) AS u(pid, w)
      GROUP BY g.term, g.tier)
    UPDATE footnote_libraries
    SET unmerged = 0, merged_through = (SELECT coalesce(max(id), 0) FROM footnote_passages WHERE library_id = $1)
    WHERE id = $1`,
    [libraryId],
  );
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

/**
 * pgvector's text form of a vector. Nine significant digits read back as the same float32 (what
 * pgvector parses each element to), in about half the characters of a double's shortest form:
 * the vectors were 60% of a bulk load's parameters, and parsing them a sixth of its statement.
 */
export function vectorLiteral(v: Float32Array): string {
  let out = "[";
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    out += (i ? "," : "") + (x === 0 ? "0" : x.toPrecision(9));
  }
  return out + "]";
}

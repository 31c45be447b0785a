/**
 * The Postgres backend: every library in one PostgreSQL database with pgvector. A library is
 * a column (`library_id`), and every statement here names it, so no query reaches another
 * library's rows. Vectors are a halfvec column with an HNSW index; the lexical side is an
 * inverted index in a table (term -> passage, with the term's frequency), fed with the same
 * tokens SQLite FTS5 indexes, so BM25 ranks as in the embedded backend. One article is one
 * transaction: a replica killed mid-ingest leaves none of it. See docs/storage.md.
 */
import pg from "pg";
import type { ArticleSummary, Chunk } from "../../types.ts";
import type { Embedder } from "../../embeddings/embedder.ts";
import { FootnoteError } from "../../errors.ts";
import { indexTokens } from "../../text/tokens.ts";
import { identifyLanguage } from "../../text/identify.ts";
import { articleSummary, encodeSpans, passagesInOrder, type ArticleRow, type PassageRow } from "../store.ts";
import { describeIdentity, validateLibraryId } from "../libraries.ts";
import { HNSW_INDEX, migrate, sameIdentity, setDimensions } from "./schema.ts";
import { FLAT_LIMIT } from "../vector-index.ts";
import { PostgresReplicaState } from "./replica-state.ts";
import type { ReplicaState } from "../../replicas/state.ts";
import type {
  AddResult,
  ArticleExport,
  ArticleRecord,
  CandidateQuery,
  Candidates,
  EmbeddingIdentity,
  ImportOutcome,
  LibraryStore,
  Storage,
  StoredArticleRef,
  StoredPassage,
} from "../storage.ts";

/** FTS5's bm25() weights for the title and text columns (store.ts), and its k1 and b. */
const TITLE_WEIGHT = 0.3;
const K1 = 1.2;
const B = 0.75;
/**
 * Up to this many passages a library's vector candidates come from an exact scan of its own
 * rows (an index range on library_id), not the shared HNSW graph: as many as the embedded
 * backend keeps in its flat index (FLAT_LIMIT floats: 250,000 passages of the built-in
 * embedder, 41,666 of a 1,536-dimension model), so that both backends search the same sizes the
 * same way. Above it, HNSW with pgvector's iterative scan (which keeps walking the graph until
 * enough of the library's rows are found). It was 20,000 passages until session 7, but through
 * pgvector's graph (m 16, ef_construction 64) the built-in embedder's vectors came back with
 * recall@10 0.92 at 10k and 0.40 at 100k, where an exact scan is 1 (docs/performance.md). The
 * planner takes the graph once the tables have statistics (autovacuum's ANALYZE on a server);
 * PGlite runs no autovacuum, so there it sorts a library exactly whatever its size.
 */
export function exactScanMax(dimensions: number): number {
  return Math.floor(FLAT_LIMIT / Math.max(1, dimensions));
}
/**
 * HNSW candidates examined per query (hnsw.ef_search), the embedded graph's default too
 * (HNSW_EF_SEARCH sets both). At 10k passages of the built-in embedder, through pgvector's graph
 * (m 16, ef_construction 64) with the library filter, recall@10 was 0.75 at pgvector's default
 * 100 and 0.92 at 250, for 48 ms instead of 21 in PGlite (docs/performance.md).
 */
const EF_SEARCH = 250;
/**
 * maintenance_work_mem for building the HNSW index: pgvector builds much faster while the graph
 * fits in it (about 1 KB a passage at 256 dimensions, 3.5 KB at 1,536), and warns when it does not.
 */
const INDEX_BUILD_MEMORY = "512MB";

export interface PostgresOptions {
  url: string;
  identity: () => EmbeddingIdentity;
  poolSize?: number;
  /** Libraries up to this many passages get exact vector search (default exactScanMax(dimensions)). */
  exactScanMax?: number;
  /** hnsw.ef_search for the larger ones (default EF_SEARCH). */
  efSearch?: number;
}

// int8 (bigint) ids and counts as numbers: they stay far below 2^53.
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export class PostgresStorage implements Storage {
  readonly kind = "postgres";
  /** Document frequencies per library, forgotten once the library has moved by 1% (as embedded). */
  private readonly dfCache = new Map<string, { passages: number; df: Map<string, number> }>();
  /** Libraries known to have their row in footnote_libraries. */
  private readonly known = new Set<string>();

  private constructor(
    readonly pool: pg.Pool,
    /** The embeddings the database's vectors were built with. */
    public identity: EmbeddingIdentity,
    private readonly wanted: () => EmbeddingIdentity,
    private readonly exactScanOverride: number | undefined,
    private readonly efSearch: number,
  ) {}

  /** Libraries up to this many passages are searched exactly (the embedded flat index's size). */
  get exactScanMax(): number {
    return this.exactScanOverride ?? exactScanMax(this.identity.dimensions);
  }

  static async connect(opts: PostgresOptions): Promise<PostgresStorage> {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      types,
    });
    // An idle connection that breaks (a server restart) is dropped by the pool; not a crash.
    pool.on("error", () => undefined);
    try {
      const identity = await migrate(pool, opts.identity());
      return new PostgresStorage(
        pool,
        identity,
        opts.identity,
        opts.exactScanMax,
        Math.trunc(opts.efSearch ?? EF_SEARCH),
      );
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof FootnoteError) throw error;
      throw new FootnoteError(
        "STORE_ERROR",
        `Could not open the database at DATABASE_URL: ${(error as Error).message}. Check that the server is up, the address and credentials are right, and that it has the pgvector extension (0.8 or later).`,
        { cause: error },
      );
    }
  }

  private readonly ready = new WeakSet<pg.PoolClient>();

  /**
   * A connection from the pool, with the session settings vector search needs (set once per
   * connection, awaited: the startup packet's options are not honoured by every server).
   */
  async connection(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    if (!this.ready.has(client)) {
      // A connection lost while lent out (server restart, network) fails its query; without a
      // listener, pg would also throw the error event and end the process.
      client.on("error", () => undefined);
      try {
        await client.query(`SET hnsw.ef_search = ${this.efSearch}; SET hnsw.iterative_scan = relaxed_order`);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      this.ready.add(client);
    }
    return client;
  }

  /** One statement on a pooled connection. */
  async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.connection();
    try {
      return await client.query<R>(text, values);
    } finally {
      client.release();
    }
  }

  /** Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on any error). */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connection();
    try {
      await client.query("BEGIN");
      const out = await fn(client);
      await client.query("COMMIT");
      return out;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async withLibrary<T>(
    libraryId: string,
    create: boolean,
    use: (library: LibraryStore) => Promise<T>,
  ): Promise<T | undefined> {
    const id = validateLibraryId(libraryId);
    const wanted = this.wanted();
    // As the embedded backend does, a library refuses other embeddings than its vectors'.
    if (!sameIdentity(this.identity, wanted))
      throw new FootnoteError(
        "INDEX_MISMATCH",
        `The database's libraries were built with ${describeIdentity(this.identity)}, but the settings now ask for ${describeIdentity(wanted)}. ` +
          `Run \`footnote reindex\` to re-embed every library with the new settings, or set EMBEDDINGS_PROVIDER/EMBEDDINGS_MODEL/EMBEDDINGS_DIMENSIONS back.`,
      );
    // Libraries are never dropped, so one seen to exist needs no round trip again (each
    // question and each ingest used to spend one here).
    if (!this.known.has(id)) {
      if (create)
        await this.query("INSERT INTO footnote_libraries (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", [id]);
      else if ((await this.query("SELECT 1 FROM footnote_libraries WHERE id = $1", [id])).rowCount === 0)
        return undefined;
      this.known.add(id);
    }
    return use(new PostgresLibrary(this, id));
  }

  async listLibraries(): Promise<string[]> {
    return (await this.query<{ id: string }>("SELECT id FROM footnote_libraries ORDER BY id")).rows.map(
      (r) => r.id,
    );
  }

  /** Cached document frequencies of a library's terms, valid while its size is within 1%. */
  dfFor(libraryId: string, passages: number): Map<string, number> {
    let c = this.dfCache.get(libraryId);
    if (!c || Math.abs(passages - c.passages) > Math.max(50, c.passages * 0.01) || c.df.size > 50_000) {
      c = { passages, df: new Map() };
      this.dfCache.set(libraryId, c);
    }
    return c.df;
  }

  async reindex(
    embedder: Embedder,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ passages: number }> {
    const wanted = embedder.identity;
    const total = Number(
      (await this.query<{ n: number }>("SELECT count(*)::int8 AS n FROM footnote_passages")).rows[0]!.n,
    );
    // One transaction for the whole database: a kill leaves every vector old or every one new.
    await this.transaction(async (client) => {
      if (wanted.dimensions !== this.identity.dimensions)
        await client.query("DROP INDEX IF EXISTS footnote_passages_embedding");
      if (wanted.dimensions !== this.identity.dimensions)
        await client.query("ALTER TABLE footnote_passages ALTER COLUMN embedding TYPE halfvec");
      let done = 0;
      let after = 0;
      for (;;) {
        const { rows } = await client.query<{ id: number; text: string }>(
          "SELECT id, text FROM footnote_passages WHERE id > $1 ORDER BY id LIMIT 256",
          [after],
        );
        if (rows.length === 0) break;
        const vectors = await embedder.embedDocuments(rows.map((r) => r.text));
        await client.query(
          "UPDATE footnote_passages p SET embedding = u.e::halfvec FROM unnest($1::int8[], $2::text[]) AS u(id, e) WHERE p.id = u.id",
          [rows.map((r) => r.id), vectors.map(vectorLiteral)],
        );
        after = rows[rows.length - 1]!.id;
        done += rows.length;
        onProgress?.(done, total);
      }
      if (wanted.dimensions !== this.identity.dimensions) {
        await setDimensions(client, wanted.dimensions);
        await client.query(
          "CREATE INDEX footnote_passages_embedding ON footnote_passages USING hnsw (embedding halfvec_cosine_ops)",
        );
      }
      await client.query("UPDATE footnote_meta SET value = $1 WHERE key = 'embeddings'", [
        JSON.stringify(wanted),
      ]);
    });
    this.identity = wanted;
    this.dfCache.clear();
    return { passages: total };
  }

  async *exportArticles(libraryId: string): AsyncIterable<ArticleExport> {
    const { rows } = await this.query<{ id: string }>(
      "SELECT id FROM footnote_articles WHERE library_id = $1 ORDER BY seq",
      [libraryId],
    );
    for (const { id } of rows) {
      const a = (
        await this.query<ArticleRow & { text: string; content_hash: string; language: string | null }>(
          "SELECT * FROM footnote_articles WHERE library_id = $1 AND id = $2",
          [libraryId, id],
        )
      ).rows[0];
      if (!a) continue;
      const passages = (
        await this.query<{ idx: number; start: number; end: number; text: string; embedding: string }>(
          `SELECT idx, start, "end", text, embedding::text AS embedding FROM footnote_passages WHERE library_id = $1 AND article_id = $2 ORDER BY idx`,
          [libraryId, id],
        )
      ).rows;
      yield {
        article: {
          id: a.id,
          title: a.title,
          url: a.url,
          byline: a.byline,
          publishedAt: a.published_at,
          text: a.text,
          contentHash: a.content_hash,
          language: a.language,
          createdAt: a.created_at,
        },
        chunks: passages.map((p) => ({ index: p.idx, start: p.start, end: p.end, text: p.text })),
        vectors: passages.map((p) => Float32Array.from(JSON.parse(p.embedding) as number[])),
      };
    }
  }

  async importArticle(libraryId: string, item: ArticleExport): Promise<ImportOutcome> {
    const result = await this.withLibrary(libraryId, true, async (library) =>
      (library as PostgresLibrary).insert(item.article, item.chunks, item.vectors, true),
    );
    if (!result!.duplicate) return { outcome: "copied" };
    return result!.existing.id === item.article.id
      ? { outcome: "present" }
      : { outcome: "duplicate", existing: result!.existing };
  }

  /**
   * Into an empty database, the copy goes in without the HNSW index, which is built once at the
   * end (pgvector's advice for a first load: far faster than inserting into the graph row by
   * row, and a better graph). An interrupted copy leaves the index to the next run, which builds
   * it when it ends; meanwhile search is exact (a scan of the library's rows), not wrong.
   */
  async bulkLoad<T>(load: () => Promise<T>, onIndexBuild?: () => void): Promise<T> {
    const { rows } = await this.query<{ empty: boolean }>(
      "SELECT NOT EXISTS (SELECT 1 FROM footnote_passages) AS empty",
    );
    if (rows[0]!.empty) await this.query(`DROP INDEX IF EXISTS ${HNSW_INDEX}`);
    const out = await load();
    onIndexBuild?.();
    await this.buildVectorIndex();
    return out;
  }

  /** The HNSW index, if it is not there, with room for its graph in memory while it is built. */
  async buildVectorIndex(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${HNSW_INDEX} ON footnote_passages USING hnsw (embedding halfvec_cosine_ops)`,
      );
    });
  }

  private replicas?: PostgresReplicaState;

  replicaState(): ReplicaState {
    return (this.replicas ??= new PostgresReplicaState(this));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresLibrary implements LibraryStore {
  readonly storage = "postgres";

  constructor(
    private readonly db: PostgresStorage,
    readonly id: string,
  ) {}

  private get pool(): Pick<PostgresStorage, "query"> {
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
    return this.db.transaction(async (client) => {
      await client.query("SELECT 1 FROM footnote_libraries WHERE id = $1 FOR UPDATE", [this.id]);
      // Migrate (sameId) matches by id, else by text only: two articles of one URL may both be kept.
      const existing = sameId
        ? ((await articleById(client, this.id, article.id)) ??
          (await findDuplicate(client, this.id, article.contentHash, null)))
        : await findDuplicate(client, this.id, article.contentHash, article.url);
      if (existing) return { duplicate: true, existing } as const;
      await client.query(
        `INSERT INTO footnote_articles (library_id, id, title, url, byline, published_at, created_at, text, content_hash, chars, chunks, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
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
        ],
      );
      const postings = chunks.map((c) => weightedTerms(titleTokens, indexTokens(c.text, language)));
      const { rows } = await client.query<{ id: number; idx: number }>(
        `INSERT INTO footnote_passages (library_id, article_id, idx, start, "end", text, sentences, dl, embedding)
         SELECT $1, $2, u.idx, u.start, u.end_, u.text, u.sentences, u.dl, u.e::halfvec
         FROM unnest($3::int4[], $4::int4[], $5::int4[], $6::text[], $7::bytea[], $8::int4[], $9::text[])
           AS u(idx, start, end_, text, sentences, dl, e)
         RETURNING id, idx`,
        [
          this.id,
          article.id,
          chunks.map((c) => c.index),
          chunks.map((c) => c.start),
          chunks.map((c) => c.end),
          chunks.map((c) => c.text),
          chunks.map((c) => encodeSpans(c.text)),
          postings.map((p) => p.dl),
          vectors.map(vectorLiteral),
        ],
      );
      const idOf = new Map(rows.map((r) => [r.idx, r.id]));
      const passageIds = chunks.map((c) => idOf.get(c.index)!);
      const terms: string[] = [];
      const pids: number[] = [];
      const tfs: number[] = [];
      const dls: number[] = [];
      postings.forEach((p, i) => {
        for (const [term, tf] of p.tf) {
          terms.push(term);
          pids.push(passageIds[i]!);
          tfs.push(tf);
          dls.push(p.dl);
        }
      });
      await client.query(
        `INSERT INTO footnote_postings (library_id, term, passage_id, tf, dl)
         SELECT $1, * FROM unnest($2::text[], $3::int8[], $4::float4[], $5::int4[])`,
        [this.id, terms, pids, tfs, dls],
      );
      await client.query(
        "UPDATE footnote_libraries SET passages = passages + $2, tokens = tokens + $3 WHERE id = $1",
        [this.id, chunks.length, postings.reduce((s, p) => s + p.dl, 0)],
      );
      return { duplicate: false, passageIds } as const;
    });
  }

  async forget(articleId: string): Promise<boolean> {
    return this.db.transaction(async (client) => {
      await client.query("SELECT 1 FROM footnote_libraries WHERE id = $1 FOR UPDATE", [this.id]);
      const { rows } = await client.query<{ n: number; tokens: number | null }>(
        "SELECT count(*)::int8 AS n, sum(dl)::int8 AS tokens FROM footnote_passages WHERE library_id = $1 AND article_id = $2",
        [this.id, articleId],
      );
      await client.query(
        `DELETE FROM footnote_postings WHERE library_id = $1 AND passage_id IN
           (SELECT id FROM footnote_passages WHERE library_id = $1 AND article_id = $2)`,
        [this.id, articleId],
      );
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
        "SELECT term, count(*)::int8 AS n FROM footnote_postings WHERE library_id = $1 AND term = ANY($2::text[]) GROUP BY term",
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
   * guess of the terms' count (and PGlite, with no autovacuum, has no statistics at all), read
   * all of the library's postings into a hash join: 2 s a question at 60k passages instead of
   * 2 ms (docs/performance.md, session 7).
   */
  async candidates(query: CandidateQuery): Promise<Candidates> {
    // The question's stems, as indexTokens made the passages' (analyseQuery, lexicalWords).
    const terms = [...new Set(query.words)];
    const count = this.lastCount ?? (await this.passageCount());
    // The parameter itself, not q.v: an index can order by distance only to a constant or a
    // parameter (a column of another relation, even a one-row CTE, rules the HNSW index out).
    // `+ 0` keeps the planner off the HNSW index: an exact scan of this library's rows.
    const order =
      count <= this.db.exactScanMax ? "(embedding <=> $3::halfvec) + 0" : "embedding <=> $3::halfvec";
    const { rows } = await this.pool.query<{
      id: number;
      score: number | null;
      near: boolean;
      cosine: number;
    }>(
      `WITH q AS MATERIALIZED (SELECT $3::halfvec AS v),
        lib AS (SELECT passages::float8 AS n, greatest(tokens::float8 / greatest(passages, 1), 1e-9) AS avgdl FROM footnote_libraries WHERE id = $1),
        lex AS (
          SELECT p.passage_id AS id,
            sum(greatest(ln((lib.n - p.df + 0.5) / (p.df + 0.5)), 1e-6)
                * (p.tf * ${K1 + 1}) / (p.tf + ${K1} * (${1 - B} + ${B} * p.dl / lib.avgdl))) AS score
          FROM unnest($2::text[]) AS t(term) CROSS JOIN lib CROSS JOIN LATERAL (
            SELECT passage_id, tf, dl, count(*) OVER ()::float8 AS df
            FROM footnote_postings WHERE library_id = $1 AND term = t.term) p
          GROUP BY p.passage_id ORDER BY score DESC, p.passage_id LIMIT $4),
        near AS (
          SELECT id FROM footnote_passages WHERE library_id = $1 ORDER BY ${order} LIMIT $4),
        ids AS (SELECT id FROM lex UNION SELECT id FROM near)
      SELECT ids.id, lex.score, near.id IS NOT NULL AS near, 1 - (p.embedding <=> q.v) AS cosine
      FROM ids JOIN footnote_passages p ON p.id = ids.id AND p.library_id = $1
        CROSS JOIN q LEFT JOIN lex ON lex.id = ids.id LEFT JOIN near ON near.id = ids.id`,
      [this.id, terms, vectorLiteral(query.vector), query.limit],
    );
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

/** A pooled statement or one inside a transaction. */
interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
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

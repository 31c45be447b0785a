/**
 * The Postgres backend: every library in one PostgreSQL database with pgvector. A library is
 * a column (`library_id`), and every statement here names it, so no query reaches another
 * library's rows. Vectors are a halfvec column with an HNSW index; the lexical side is an
 * inverted index in a table (term -> passage, with the term's frequency), fed with the same
 * tokens SQLite FTS5 indexes, so BM25 ranks as in the embedded backend. One article is one
 * transaction: a replica killed mid-ingest leaves none of it. See docs/storage.md.
 */
import pg from "pg";
import type { Embedder } from "../../embeddings/embedder.ts";
import { describeIdentity, sameIdentity, type EmbeddingIdentity } from "../../embeddings/identity.ts";
import { FootnoteError } from "../../errors.ts";
import type { ArticleRow } from "../rows.ts";
import { CREATE_HNSW_INDEX, HNSW_INDEX, exactScanMax, migrate, setDimensions } from "./schema.ts";
import { PostgresReplicaState } from "./replica-state.ts";
import { VectorCache } from "./vector-cache.ts";
import {
  PostgresLibrary,
  lockLibrary,
  mergePostings,
  vectorLiteral,
  type PostgresDatabase,
} from "./library.ts";
import type { ReplicaState } from "../../replicas/state.ts";
import {
  FLAT_LIMIT,
  validateLibraryId,
  type ArticleExport,
  type ImportOutcome,
  type Library,
  type Storage,
} from "../storage.ts";

/**
 * HNSW candidates examined per query (hnsw.ef_search), the embedded graph's default too
 * (HNSW_EF_SEARCH sets both). At 10k passages of the built-in embedder, through pgvector's graph
 * (m 16, ef_construction 64) with the library filter, recall@10 was 0.75 at pgvector's default
 * 100 and 0.92 at 250, for 48 ms instead of 21 in PGlite (docs/performance.md).
 */
const EF_SEARCH = 250;
/**
 * maintenance_work_mem for building the HNSW index, in MB: pgvector builds much faster while the
 * graph fits in it (about 1 KB a passage at 256 dimensions, 3.5 KB at 1,536), and warns when it
 * does not. 512MB holds about 380k passages of the built-in embedder; a larger graph gets
 * room for its size (a quarter more), up to 4GB, as pgvector advises for a build.
 */
export function indexBuildMemoryMb(rows: number, dimensions: number): number {
  const bytes = rows * (2 * dimensions + 600) * 1.25;
  return Math.min(4096, Math.max(512, Math.ceil(bytes / 2 ** 20)));
}

export interface PostgresOptions {
  url: string;
  identity: () => EmbeddingIdentity;
  poolSize?: number;
  /** Libraries up to this many passages get exact vector search (default exactScanMax(dimensions)). */
  exactScanMax?: number;
  /** hnsw.ef_search for the larger ones (default EF_SEARCH). */
  efSearch?: number;
  /**
   * Floats of vectors this process keeps copies of for exact search in process, all libraries
   * together (default FLAT_LIMIT: one library at the exact scan's limit, or many smaller ones).
   */
  cacheFloats?: number;
}

// int8 (bigint) ids and counts as numbers: they stay far below 2^53.
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** Every library in one PostgreSQL database with pgvector. */
export class PostgresStorage implements Storage, PostgresDatabase {
  readonly kind = "postgres";
  /** Document frequencies per library, forgotten once the library has moved by 1% (as embedded). */
  private readonly dfCache = new Map<string, { passages: number; df: Map<string, number> }>();
  /** Libraries known to have their row in footnote_libraries. */
  private readonly known = new Set<string>();
  /** Copies of the vectors of libraries searched exactly, kept fresh by their version (vector-cache.ts). */
  readonly vectors: VectorCache;

  private constructor(
    readonly pool: pg.Pool,
    /** The embeddings the database's vectors were built with. */
    public identity: EmbeddingIdentity,
    private readonly wanted: () => EmbeddingIdentity,
    private readonly exactScanOverride: number | undefined,
    private readonly efSearch: number,
    cacheFloats: number,
  ) {
    this.vectors = new VectorCache(this, cacheFloats);
  }

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
        opts.cacheFloats ?? FLAT_LIMIT,
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
        // jit off: a question's statement is costed above jit_above_cost at 100k passages, and
        // compiling it took longer than running it (docs/performance.md).
        await client.query(
          `SET hnsw.ef_search = ${this.efSearch}; SET hnsw.iterative_scan = relaxed_order; SET jit = off`,
        );
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
    use: (library: Library) => Promise<T>,
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
    // Libraries are never dropped, so one seen to exist needs no round trip again.
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

  async counts(libraryId: string): Promise<{ articles: number; passages: number }> {
    const counted = await this.withLibrary(libraryId, false, async (library) => ({
      articles: (await library.listArticles()).length,
      passages: await library.passageCount(),
    }));
    return counted ?? { articles: 0, passages: 0 };
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
      if (wanted.dimensions !== this.identity.dimensions) {
        await client.query(`DROP INDEX IF EXISTS ${HNSW_INDEX}`);
        await client.query("ALTER TABLE footnote_vectors ALTER COLUMN embedding TYPE halfvec");
      }
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
          "UPDATE footnote_vectors v SET embedding = u.e::halfvec FROM unnest($1::int8[], $2::text[]) AS u(id, e) WHERE v.passage_id = u.id",
          [rows.map((r) => r.id), vectors.map(vectorLiteral)],
        );
        after = rows[rows.length - 1]!.id;
        done += rows.length;
        onProgress?.(done, total);
      }
      if (wanted.dimensions !== this.identity.dimensions) {
        await setDimensions(client, wanted.dimensions);
        await client.query(CREATE_HNSW_INDEX);
      }
      await client.query("UPDATE footnote_meta SET value = $1 WHERE key = 'embeddings'", [
        JSON.stringify(wanted),
      ]);
      // Every library's vectors changed in place: every process's copies are loaded again.
      await client.query(
        "UPDATE footnote_libraries SET vectors_version = vectors_version + 1, vectors_reindexed = vectors_version + 1",
      );
    });
    this.identity = wanted;
    this.dfCache.clear();
    this.vectors.clear();
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
          `SELECT p.idx, p.start, p."end", p.text, v.embedding::text AS embedding
           FROM footnote_passages p JOIN footnote_vectors v ON v.passage_id = p.id
           WHERE p.library_id = $1 AND p.article_id = $2 ORDER BY p.idx`,
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
    return (await this.importArticles(libraryId, [item]))[0]!;
  }

  /**
   * Exported articles in one transaction and one statement (PostgresLibrary.insertMany): what
   * makes a bulk load fast (one posting row a term of the batch, one commit). Outcomes as
   * importArticle's, in the items' order.
   */
  async importArticles(libraryId: string, items: ArticleExport[]): Promise<ImportOutcome[]> {
    const results = await this.withLibrary(libraryId, true, async (library) =>
      (library as PostgresLibrary).insertMany(items),
    );
    return results!.map((result, i) => {
      if (!result.duplicate) return { outcome: "copied" } as const;
      return result.existing.id === items[i]!.article.id
        ? ({ outcome: "present" } as const)
        : ({ outcome: "duplicate", existing: result.existing } as const);
    });
  }

  /**
   * Into an empty database, the copy goes in without the HNSW index, which is built once at the
   * end (pgvector's advice for a first load: far faster than inserting into the graph row by
   * row, and a better graph). An interrupted copy leaves the index to the next run, which builds
   * it when it ends; meanwhile search is exact (a scan of the library's rows), not wrong. The
   * posting merges wait for the end too (holdMerges), and the posting table is then rewritten
   * compact (mergePending): nothing was served from it before the load. Into a database that
   * holds libraries already, merges go on as the batches come (their space is reused).
   */
  async bulkLoad<T>(load: () => Promise<T>, onIndexBuild?: () => void): Promise<T> {
    const { rows } = await this.query<{ empty: boolean }>(
      "SELECT NOT EXISTS (SELECT 1 FROM footnote_vectors) AS empty",
    );
    const first = rows[0]!.empty;
    if (first) await this.query(`DROP INDEX IF EXISTS ${HNSW_INDEX}`);
    const release = first ? this.holdMerges() : () => undefined;
    let out: T;
    try {
      out = await load();
    } finally {
      release();
    }
    await this.mergePending({ compact: first });
    onIndexBuild?.();
    await this.buildVectorIndex();
    return out;
  }

  private mergeHolds = 0;

  /** Whether a bulk load holds posting merges for its end (holdMerges). */
  get mergesHeld(): boolean {
    return this.mergeHolds > 0;
  }

  /**
   * Batches (importArticles) merge no posting rows until the returned function is called; the
   * caller then runs mergePending. Each entry is then written twice (its batch's row, the final
   * merge) instead of about log4(n) times: at 100k passages the merges during the load were
   * about half of its storing time. Queries meanwhile read more rows a term, and stay exact.
   */
  holdMerges(): () => void {
    this.mergeHolds++;
    let held = true;
    return () => {
      if (held) this.mergeHolds--;
      held = false;
    };
  }

  /**
   * Merges every library's posting rows added since its last merge (the end of a bulk load):
   * batches leave up to 200k rows for the next merge, which would otherwise fall on the next
   * article stored (3.2 s at 100k passages, in the bench's add-one-article).
   */
  async mergePending(opts: { compact?: boolean } = {}): Promise<void> {
    const { rows } = await this.query<{ id: string }>("SELECT id FROM footnote_libraries WHERE unmerged > 0");
    for (const { id } of rows) {
      await this.transaction(async (client) => {
        await lockLibrary(client, id);
        await mergePostings(client, id);
      });
    }
    // compact, at the end of a first load: the merge wrote every row of the load again, and a
    // plain VACUUM keeps the old rows' space in the table (4,308 B a passage at 100k against
    // 1,200 merged). VACUUM FULL rewrites it, locking it meanwhile: only where nothing is served yet.
    if (rows.length) await this.query(`VACUUM ${opts.compact ? "FULL " : ""}footnote_terms`);
  }

  /** The HNSW index, if it is not there, with room for its graph in memory while it is built. */
  async buildVectorIndex(): Promise<void> {
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int4 AS n FROM footnote_vectors WHERE graph",
      );
      const mb = indexBuildMemoryMb(rows[0]!.n, this.identity.dimensions);
      await client.query(`SET LOCAL maintenance_work_mem = '${mb}MB'`);
      await client.query(CREATE_HNSW_INDEX);
    });
  }

  private replicas?: PostgresReplicaState;

  replicaState(): ReplicaState {
    return (this.replicas ??= new PostgresReplicaState(this));
  }

  async close(): Promise<void> {
    await this.vectors.close();
    await this.pool.end();
  }
}

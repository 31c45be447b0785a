/**
 * The Postgres schema, and its migrations. Every replica runs `migrate` at start; the first
 * takes a transaction-level advisory lock and brings the schema up to date, the others wait
 * on the lock and then find nothing to do. A migration is one transaction: a kill leaves the
 * old schema or the new one.
 */
import type pg from "pg";
import { FootnoteError } from "../../errors.ts";
import { sameIdentity, type EmbeddingIdentity } from "../../embeddings/identity.ts";
import { encodeSpans } from "../rows.ts";
import { SENTENCE_SPLITTER_VERSION } from "../../text/sentences.ts";
import { FLAT_LIMIT } from "../storage.ts";

export const SCHEMA_VERSION = 5;
/** The HNSW index, on the narrow vectors table (schema 4; before, on footnote_passages). */
export const HNSW_INDEX = "footnote_vectors_embedding";
/**
 * The statement that builds it (migrations, bulk loads, reindex). A partial index: only the
 * rows of libraries searched through the graph (`graph`, the libraries larger than the exact
 * scan's limit) are in it, so storing an article in any other library does not pay for an
 * HNSW insert (2-3 ms a vector on the bench machine, most of an article's insert).
 */
export const CREATE_HNSW_INDEX = `CREATE INDEX IF NOT EXISTS ${HNSW_INDEX} ON footnote_vectors USING hnsw (embedding halfvec_cosine_ops) WHERE graph`;
/**
 * Up to this many passages a library's vector candidates come from an exact scan of its own
 * rows, not the HNSW graph: as many as the embedded backend keeps in its flat index (FLAT_LIMIT
 * floats: 250,000 passages of the built-in embedder, 41,666 of a 1,536-dimension model), so that
 * both backends search the same sizes the same way. Above it, the HNSW graph, with pgvector's
 * iterative scan (which keeps walking the graph until enough of the library's rows are found).
 * A lower line would cost recall: through pgvector's graph the built-in embedder's vectors come
 * back with recall@10 0.91 at 10k and 0.47 at 100k (ef_search 250), where an exact scan is 1
 * (docs/performance.md). Only such libraries' rows are in the (partial) index.
 */
export function exactScanMax(dimensions: number): number {
  return Math.floor(FLAT_LIMIT / Math.max(1, dimensions));
}
/** Any number, the same in every replica: the key of the advisory lock migrations run under. */
const MIGRATION_LOCK = 7_414_201_115;

/**
 * HNSW over halfvec: half the bytes of vector(n) in the index and the heap, for the same
 * recall at the dimensions measured (docs/storage.md). pgvector's defaults (m 16,
 * ef_construction 64).
 */
const MIGRATIONS: Array<(dimensions: number) => string> = [
  (dimensions) => `
    CREATE EXTENSION IF NOT EXISTS vector;
    CREATE TABLE footnote_libraries (
      id text PRIMARY KEY,
      -- Kept in the ingest/forget transaction: BM25's N and average length without a count(*).
      passages bigint NOT NULL DEFAULT 0,
      tokens bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE footnote_articles (
      library_id text NOT NULL REFERENCES footnote_libraries (id) ON DELETE CASCADE,
      id text NOT NULL,
      seq bigserial,
      title text NOT NULL,
      url text,
      byline text,
      published_at text,
      created_at text NOT NULL,
      text text NOT NULL,
      content_hash text NOT NULL,
      chars integer NOT NULL,
      chunks integer NOT NULL,
      PRIMARY KEY (library_id, id),
      UNIQUE (library_id, content_hash)
    );
    CREATE INDEX footnote_articles_url ON footnote_articles (library_id, url);
    CREATE TABLE footnote_passages (
      id bigserial PRIMARY KEY,
      library_id text NOT NULL,
      article_id text NOT NULL,
      idx integer NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      text text NOT NULL,
      sentences bytea,
      -- Tokens in the title and the text: BM25's document length.
      dl integer NOT NULL,
      embedding halfvec(${dimensions}) NOT NULL,
      FOREIGN KEY (library_id, article_id) REFERENCES footnote_articles (library_id, id) ON DELETE CASCADE
    );
    CREATE INDEX footnote_passages_library ON footnote_passages (library_id, id);
    CREATE INDEX footnote_passages_embedding ON footnote_passages USING hnsw (embedding halfvec_cosine_ops);
    -- The lexical index: one row a (library, term, passage), the term's weighted frequency and
    -- the passage's length alongside, so BM25 is an index-only range scan a term.
    CREATE TABLE footnote_postings (
      library_id text NOT NULL,
      term text NOT NULL,
      -- No foreign key: its check cost a quarter of an ingest (PGlite); forget deletes postings first.
      passage_id bigint NOT NULL,
      tf real NOT NULL,
      dl integer NOT NULL,
      PRIMARY KEY (library_id, term, passage_id) INCLUDE (tf, dl)
    );
    CREATE INDEX footnote_postings_passage ON footnote_postings (passage_id);
    -- Telegram updates already taken by a replica (de-duplication), and rate-limit windows.
    CREATE TABLE footnote_updates (
      update_id bigint PRIMARY KEY,
      taken_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE footnote_rate_limits (
      key text PRIMARY KEY,
      -- Times (ms) of the key's events in its window; ok: whether the last take got a slot.
      hits bigint[] NOT NULL,
      ok boolean NOT NULL
    );
  `,
  // 2: articles know their language (ISO 639-1): their passages' postings are its stems
  // (indexTokens), the tokens the embedded FTS5 index holds since its schema 4.
  () => `
    ALTER TABLE footnote_articles ADD COLUMN IF NOT EXISTS language text;
  `,
  // 3: conversation history and question records (src/conversation/postgres-store.ts), so a
  // follow-up continues whichever replica answered the question before it.
  () => `
    CREATE TABLE footnote_turns (
      id bigserial PRIMARY KEY,
      chat text NOT NULL,
      thread text NOT NULL,
      at bigint NOT NULL,
      message_id bigint,
      -- The turn without its message id (a JSON object: question, resolved, answer, …).
      turn jsonb NOT NULL
    );
    CREATE INDEX footnote_turns_conversation ON footnote_turns (chat, thread, id);
    CREATE INDEX footnote_turns_age ON footnote_turns (at);
    -- Every message that carried part of a turn's answer (a long answer is split in several).
    CREATE TABLE footnote_answer_messages (
      chat text NOT NULL,
      message_id bigint NOT NULL,
      turn_id bigint NOT NULL REFERENCES footnote_turns (id) ON DELETE CASCADE,
      PRIMARY KEY (chat, message_id)
    );
    CREATE INDEX footnote_answer_messages_turn ON footnote_answer_messages (turn_id);
    CREATE TABLE footnote_questions (
      id bigserial PRIMARY KEY,
      at bigint NOT NULL,
      library_id text NOT NULL,
      abstained boolean NOT NULL,
      ms double precision NOT NULL,
      follow_up boolean NOT NULL
    );
    CREATE INDEX footnote_questions_age ON footnote_questions (at);
  `,
  // 4: the compact layout (docs/storage.md, "Schema 4"). Vectors move to a narrow table of their
  // own, so an exact scan reads 0.6 KB a passage instead of the whole row with its text; the
  // HNSW index goes with them. The postings, one row a (term, passage) and 80% of the bytes,
  // become packed posting lists: one row a (term, run of passages) with the passages' ids, term
  // frequencies and lengths in arrays, so BM25 stays exact and reads the same numbers. An
  // article keeps its terms, so forget finds its entries without a scan. The old table's name
  // stays as a view for anything that reads it. All in the migration's transaction: a kill
  // leaves schema 3 whole.
  (dimensions) => `
    CREATE TABLE footnote_vectors (
      passage_id bigint PRIMARY KEY,
      library_id text NOT NULL,
      embedding halfvec(${dimensions}) NOT NULL,
      -- In the HNSW index: the library is past the exact scan's limit (PostgresLibrary.writeTransaction).
      graph boolean NOT NULL DEFAULT false
    );
    INSERT INTO footnote_vectors (passage_id, library_id, embedding, graph)
      SELECT p.id, p.library_id, p.embedding, l.passages > ${exactScanMax(dimensions)}
      FROM footnote_passages p JOIN footnote_libraries l ON l.id = p.library_id;
    CREATE INDEX footnote_vectors_library ON footnote_vectors (library_id);
    DROP INDEX IF EXISTS footnote_passages_embedding;
    ALTER TABLE footnote_passages DROP COLUMN embedding;
    ${CREATE_HNSW_INDEX};
    CREATE TABLE footnote_terms (
      library_id text NOT NULL,
      term text COLLATE "C" NOT NULL,
      -- The row's smallest passage id: with the term, its key (a term's rows hold disjoint passages).
      first_id bigint NOT NULL,
      n integer NOT NULL,
      passage_ids int8[] NOT NULL,
      -- Each passage's term frequency (FTS5's weighting: a multiple of 0.1) and length, in one
      -- integer: round(tf * 10) << 16 | dl (PostgresLibrary: weightOf).
      weights int4[] NOT NULL,
      PRIMARY KEY (library_id, term, first_id)
    );
    INSERT INTO footnote_terms (library_id, term, first_id, n, passage_ids, weights)
      SELECT library_id, term, min(passage_id), count(*), array_agg(passage_id ORDER BY passage_id),
        array_agg((least(round(tf * 10), 32767)::int4 << 16) | least(dl, 65535) ORDER BY passage_id)
      FROM footnote_postings GROUP BY library_id, term;
    ALTER TABLE footnote_articles ADD COLUMN terms text[];
    UPDATE footnote_articles a SET terms = x.terms
      FROM (SELECT p.library_id, p.article_id, array_agg(DISTINCT t.term) AS terms
            FROM footnote_postings t JOIN footnote_passages p ON p.id = t.passage_id
            GROUP BY p.library_id, p.article_id) x
      WHERE a.library_id = x.library_id AND a.id = x.article_id;
    DROP TABLE footnote_postings;
    CREATE VIEW footnote_postings AS
      SELECT t.library_id, t.term, u.passage_id, (u.w >> 16) / 10.0 AS tf, u.w & 65535 AS dl
      FROM footnote_terms t CROSS JOIN LATERAL unnest(t.passage_ids, t.weights) AS u(passage_id, w);
    -- Rows added since the library's last merge of its posting lists (PostgresLibrary.writeTransaction).
    -- and the last passage id that merge saw (rows with a larger first_id are new since).
    ALTER TABLE footnote_libraries ADD COLUMN unmerged integer NOT NULL DEFAULT 0,
      ADD COLUMN merged_through bigint NOT NULL DEFAULT 0;
  `,
  // 5: each library's vectors have a version, so that every process's copy of them (the
  // in-process flat index, vector-cache.ts) knows when it is stale, from the row a question
  // reads anyway. Bumped in the transaction of every write that changes the library's vectors;
  // a forget and a reindex also record it in their column (what the copy must do then differs:
  // drop ids, or load everything again). No data to move: a copy starts from a full load.
  () => `
    ALTER TABLE footnote_libraries ADD COLUMN vectors_version bigint NOT NULL DEFAULT 0,
      ADD COLUMN vectors_forgotten bigint NOT NULL DEFAULT 0,
      ADD COLUMN vectors_reindexed bigint NOT NULL DEFAULT 0;
  `,
];

/**
 * Brings the schema up to date, once, whichever replica gets here first. Returns the
 * embeddings identity the database's vectors were built with (`wanted` when it holds none).
 */
export async function migrate(
  pool: pg.Pool,
  wanted: EmbeddingIdentity,
  /** Stop at this version (tests build an older schema to upgrade it). */
  target = SCHEMA_VERSION,
): Promise<EmbeddingIdentity> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS footnote_meta (key text PRIMARY KEY, value text NOT NULL)",
    );
    const meta = new Map(
      (await client.query<{ key: string; value: string }>("SELECT key, value FROM footnote_meta")).rows.map(
        (r) => [r.key, r.value],
      ),
    );
    const version = Number(meta.get("schema_version") ?? 0);
    await ensureVector(client);
    if (version > SCHEMA_VERSION)
      throw new FootnoteError(
        "STORE_ERROR",
        `The database was written by a newer footnote (schema ${version}); update footnote to use it.`,
      );
    let identity = meta.has("embeddings")
      ? (JSON.parse(meta.get("embeddings")!) as EmbeddingIdentity)
      : wanted;
    for (let v = version; v < target; v++) await client.query(MIGRATIONS[v]!(identity.dimensions));
    if (target === SCHEMA_VERSION && !sameIdentity(identity, wanted)) {
      // Nothing stored yet: take the new embeddings (and the column's size with them).
      const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM footnote_vectors");
      if (Number(rows[0]!.n) === 0) {
        if (identity.dimensions !== wanted.dimensions) await setDimensions(client, wanted.dimensions);
        identity = wanted;
      }
    }
    if (meta.get("sentence_splitter") !== String(SENTENCE_SPLITTER_VERSION)) await resplitSentences(client);
    await client.query(
      `INSERT INTO footnote_meta (key, value) VALUES ('schema_version', $1), ('embeddings', $2), ('sentence_splitter', $3)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [String(target), JSON.stringify(identity), String(SENTENCE_SPLITTER_VERSION)],
    );
    await client.query("COMMIT");
    return identity;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * pgvector, created if this role may (a superuser, or a database owner where the extension is
 * trusted), else an error that names the statement to run as a superuser: the server's own
 * ("permission denied to create extension") does not, nor does it say which database.
 */
async function ensureVector(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  if (rows.length > 0) return;
  await client.query("SAVEPOINT footnote_vector");
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS vector");
    await client.query("RELEASE SAVEPOINT footnote_vector");
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT footnote_vector");
    const { db, who } = (
      await client.query<{ db: string; who: string }>("SELECT current_database() AS db, current_user AS who")
    ).rows[0]!;
    const message = (error as Error).message;
    const installed = !/could not open extension|is not available/i.test(message);
    throw new FootnoteError(
      "STORE_ERROR",
      (installed
        ? `footnote needs the pgvector extension in database "${db}", and role "${who}" may not create it (${message}). `
        : `The PostgreSQL server has no pgvector extension installed (${message}): install pgvector 0.8 or later on it (e.g. the postgresql-NN-pgvector package). `) +
        `Run once as a superuser: psql -d ${db} -c 'CREATE EXTENSION vector;'`,
      { cause: error },
    );
  }
}

/**
 * Stored sentence spans from an older splitter (sentences.ts) are cut again, as the embedded
 * store does on open: inside the migration's transaction, so a kill leaves the old spans and
 * the next replica to start tries again, and under its lock, so it happens once.
 */
async function resplitSentences(client: pg.PoolClient): Promise<void> {
  for (let after = 0; ;) {
    const { rows } = await client.query<{ id: string; text: string }>(
      "SELECT id, text FROM footnote_passages WHERE id > $1 ORDER BY id LIMIT 2000",
      [after],
    );
    if (rows.length === 0) return;
    await client.query(
      `UPDATE footnote_passages p SET sentences = u.sentences
       FROM unnest($1::int8[], $2::bytea[]) AS u(id, sentences) WHERE p.id = u.id`,
      [rows.map((r) => r.id), rows.map((r) => encodeSpans(r.text))],
    );
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** The vector column's size (its HNSW index is rebuilt with it). */
export async function setDimensions(client: pg.PoolClient, dimensions: number): Promise<void> {
  await client.query(
    `ALTER TABLE footnote_vectors ALTER COLUMN embedding TYPE halfvec(${Math.trunc(dimensions)})`,
  );
}

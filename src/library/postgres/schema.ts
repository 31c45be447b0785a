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

export const SCHEMA_VERSION = 3;
export const HNSW_INDEX = "footnote_passages_embedding";
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
    CREATE INDEX ${HNSW_INDEX} ON footnote_passages USING hnsw (embedding halfvec_cosine_ops);
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
];

/**
 * Brings the schema up to date, once, whichever replica gets here first. Returns the
 * embeddings identity the database's vectors were built with (`wanted` when it holds none).
 */
export async function migrate(pool: pg.Pool, wanted: EmbeddingIdentity): Promise<EmbeddingIdentity> {
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
    if (version > SCHEMA_VERSION)
      throw new FootnoteError(
        "STORE_ERROR",
        `The database was written by a newer footnote (schema ${version}); update footnote to use it.`,
      );
    let identity = meta.has("embeddings")
      ? (JSON.parse(meta.get("embeddings")!) as EmbeddingIdentity)
      : wanted;
    for (let v = version; v < SCHEMA_VERSION; v++) await client.query(MIGRATIONS[v]!(identity.dimensions));
    if (!sameIdentity(identity, wanted)) {
      // Nothing stored yet: take the new embeddings (and the column's size with them).
      const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM footnote_passages");
      if (Number(rows[0]!.n) === 0) {
        if (identity.dimensions !== wanted.dimensions) await setDimensions(client, wanted.dimensions);
        identity = wanted;
      }
    }
    if (meta.get("sentence_splitter") !== String(SENTENCE_SPLITTER_VERSION)) await resplitSentences(client);
    await client.query(
      `INSERT INTO footnote_meta (key, value) VALUES ('schema_version', $1), ('embeddings', $2), ('sentence_splitter', $3)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [String(SCHEMA_VERSION), JSON.stringify(identity), String(SENTENCE_SPLITTER_VERSION)],
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
    `ALTER TABLE footnote_passages ALTER COLUMN embedding TYPE halfvec(${Math.trunc(dimensions)})`,
  );
}

/**
 * The ConversationStore in PostgreSQL (DATABASE_URL): the same tables the embedded store keeps
 * in conversations.db, in the libraries' database (schema migration 3,
 * src/library/postgres/schema.ts), so every bot replica sees every chat's turns and a follow-up
 * continues whichever replica answered before; and each chat's settings, in a table it makes
 * itself (SETTINGS_TABLE). It borrows the storage's connection pool; the
 * storage closes it. Each change is one statement or one transaction.
 */
import type { QueryResult, QueryResultRow } from "pg";
import { settingsFromRows, type ChatSettings } from "./chat-settings.ts";
import type { ConversationKey, ConversationStore, QuestionRecord, QuestionStats, Turn } from "./types.ts";

/**
 * Chat settings have a table of their own, made here on first use rather than in the libraries'
 * schema migrations (src/library/postgres/schema.ts): IF NOT EXISTS, so replicas racing to make
 * it, or a later migration that makes it too, do no harm.
 */
const SETTINGS_TABLE = `CREATE TABLE IF NOT EXISTS footnote_chat_settings (
  chat text NOT NULL,
  name text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (chat, name)
)`;

/** What the store needs of the database: PostgresStorage gives both. */
export interface SqlDatabase {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
  transaction<T>(
    fn: (client: {
      query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    }) => Promise<T>,
  ): Promise<T>;
}

export interface PostgresConversationOptions {
  /** Turns kept per conversation. */
  maxTurns: number;
  /** A turn older than this is forgotten. */
  ttlMs: number;
  /** Question records are kept this long, for `footnote stats`. */
  statsTtlMs?: number;
  now?: () => number;
}

interface Row {
  turn: Omit<Turn, "messageId">;
  message_id: string | number | null;
}

export class PostgresConversationStore implements ConversationStore {
  private readonly now: () => number;
  private lastSweep = 0;
  private settingsTable: Promise<void> | undefined;

  constructor(
    private readonly db: SqlDatabase,
    private readonly opts: PostgresConversationOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** The oldest moment a turn may be from and still count: now, less the conversation's window. */
  get horizon(): number {
    return this.now() - this.opts.ttlMs;
  }

  private parse(row: Row): Turn {
    return row.message_id === null ? row.turn : { ...row.turn, messageId: Number(row.message_id) };
  }

  async recent(key: ConversationKey): Promise<Turn[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT turn, message_id FROM footnote_turns WHERE chat = $1 AND thread = $2 AND at > $3
       ORDER BY id DESC LIMIT $4`,
      [key.chat, key.thread, this.horizon, this.opts.maxTurns],
    );
    return rows.reverse().map((r) => this.parse(r));
  }

  async byMessage(chat: string, messageId: number): Promise<Turn | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT t.turn, t.message_id FROM footnote_answer_messages m JOIN footnote_turns t ON t.id = m.turn_id
       WHERE m.chat = $1 AND m.message_id = $2 AND t.at > $3`,
      [chat, messageId, this.horizon],
    );
    return rows[0] ? this.parse(rows[0]) : undefined;
  }

  async append(key: ConversationKey, turn: Turn): Promise<void> {
    const { messageId, ...rest } = turn;
    // The insert and the trim to the newest maxTurns are one transaction.
    await this.db.transaction(async (client) => {
      await client.query(
        "INSERT INTO footnote_turns (chat, thread, at, message_id, turn) VALUES ($1, $2, $3, $4, $5)",
        [key.chat, key.thread, turn.at, messageId ?? null, JSON.stringify(rest)],
      );
      await client.query(
        `DELETE FROM footnote_turns WHERE chat = $1 AND thread = $2 AND id NOT IN
           (SELECT id FROM footnote_turns WHERE chat = $1 AND thread = $2 ORDER BY id DESC LIMIT $3)`,
        [key.chat, key.thread, this.opts.maxTurns],
      );
    });
    await this.sweep();
  }

  async setMessageId(key: ConversationKey, at: number, messageId: number): Promise<void> {
    // One statement: the first message is the turn's own, and every one leads back to it.
    await this.db.query(
      `WITH t AS (SELECT id FROM footnote_turns WHERE chat = $1 AND thread = $2 AND at = $3 ORDER BY id DESC LIMIT 1),
         own AS (UPDATE footnote_turns SET message_id = $4
                 WHERE id = (SELECT id FROM t) AND message_id IS NULL)
       INSERT INTO footnote_answer_messages (chat, message_id, turn_id) SELECT $1, $4, id FROM t
       ON CONFLICT (chat, message_id) DO UPDATE SET turn_id = excluded.turn_id`,
      [key.chat, key.thread, at, messageId],
    );
  }

  async clear(key: ConversationKey): Promise<void> {
    await this.db.query("DELETE FROM footnote_turns WHERE chat = $1 AND thread = $2", [key.chat, key.thread]);
  }

  async clearChat(chat: string): Promise<void> {
    await this.db.query("DELETE FROM footnote_turns WHERE chat = $1", [chat]);
  }

  async recordQuestion(r: QuestionRecord): Promise<void> {
    await this.db.query(
      "INSERT INTO footnote_questions (at, library_id, abstained, ms, follow_up) VALUES ($1, $2, $3, $4, $5)",
      [r.at, r.libraryId, r.abstained, r.ms, r.followUp],
    );
    await this.sweep();
  }

  async questionStats(sinceMs: number, libraryId?: string): Promise<QuestionStats> {
    // percentile_disc(q) is the ceil(q·n)-th smallest: the embedded store's pick.
    const { rows } = await this.db.query<{
      answered: string;
      declined: string;
      follow_ups: string;
      p50: number | null;
      p95: number | null;
    }>(
      `SELECT count(*) FILTER (WHERE NOT abstained) AS answered, count(*) FILTER (WHERE abstained) AS declined,
         count(*) FILTER (WHERE follow_up) AS follow_ups,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
         percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) AS p95
       FROM footnote_questions WHERE at >= $1 AND ($2::text IS NULL OR library_id = $2)`,
      [sinceMs, libraryId ?? null],
    );
    const r = rows[0]!;
    return {
      answered: Number(r.answered),
      declined: Number(r.declined),
      followUps: Number(r.follow_ups),
      p50Ms: r.p50,
      p95Ms: r.p95,
    };
  }

  /**
   * Runs `query` once the settings table exists (made once per process). Should it have gone
   * since (a database dropped and made again), it is made again and the query tried once more.
   */
  private async withSettings<T>(query: () => Promise<T>): Promise<T> {
    this.settingsTable ??= this.db.query(SETTINGS_TABLE).then(() => undefined);
    try {
      await this.settingsTable;
      return await query();
    } catch (e) {
      this.settingsTable = undefined;
      if ((e as { code?: unknown }).code !== "42P01") throw e; // undefined_table
      await this.db.query(SETTINGS_TABLE);
      return query();
    }
  }

  async chatSettings(chat: string): Promise<ChatSettings> {
    const { rows } = await this.withSettings(() =>
      this.db.query<{ name: string; value: string }>(
        "SELECT name, value FROM footnote_chat_settings WHERE chat = $1",
        [chat],
      ),
    );
    return settingsFromRows(rows);
  }

  async setChatSetting<K extends keyof ChatSettings>(chat: string, name: K, value: ChatSettings[K]) {
    await this.withSettings(() =>
      this.db.query(
        `INSERT INTO footnote_chat_settings (chat, name, value) VALUES ($1, $2, $3)
         ON CONFLICT (chat, name) DO UPDATE SET value = excluded.value`,
        [chat, name, JSON.stringify(value)],
      ),
    );
  }

  /** Expired turns and old question records go, at most once a minute per process. */
  private async sweep(): Promise<void> {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    await this.db.query("DELETE FROM footnote_turns WHERE at <= $1", [this.horizon]);
    await this.db.query("DELETE FROM footnote_questions WHERE at < $1", [
      now - (this.opts.statsTtlMs ?? 7 * 24 * 3600_000),
    ]);
  }

  /** The pool is the storage's: closing the storage closes it. */
  async close(): Promise<void> {}
}

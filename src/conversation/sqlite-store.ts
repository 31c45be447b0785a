/**
 * The embedded ConversationStore: one SQLite file, `DATA_DIR/conversations.db`, apart from the
 * libraries (history is not an article, and a library's folder can be deleted without it).
 * WAL and one statement per change, so a kill at any moment loses at most the turn being
 * written. Old turns go as new ones come (bounded) and on a timer (expiring).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { FootnoteError } from "../errors.ts";
import { settingsFromRows, type ChatSettings } from "./chat-settings.ts";
import type { ConversationKey, ConversationStore, QuestionRecord, QuestionStats, Turn } from "./types.ts";

export interface SqliteConversationOptions {
  /** Turns kept per conversation. */
  maxTurns: number;
  /** A turn older than this is forgotten. */
  ttlMs: number;
  /** Question records are kept this long, for `footnote stats`. */
  statsTtlMs?: number;
  now?: () => number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS turns (
  id INTEGER PRIMARY KEY,
  chat TEXT NOT NULL,
  thread TEXT NOT NULL,
  at INTEGER NOT NULL,
  message_id INTEGER,
  turn TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns (chat, thread, id);
CREATE INDEX IF NOT EXISTS turns_by_message ON turns (chat, message_id);
CREATE INDEX IF NOT EXISTS turns_by_age ON turns (at);
CREATE TABLE IF NOT EXISTS questions (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  library_id TEXT NOT NULL,
  abstained INTEGER NOT NULL,
  ms REAL NOT NULL,
  follow_up INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_by_age ON questions (at);
-- Every message that carried part of a turn's answer (a long answer is split in several).
CREATE TABLE IF NOT EXISTS answer_messages (
  chat TEXT NOT NULL,
  message_id INTEGER NOT NULL,
  turn_id INTEGER NOT NULL REFERENCES turns (id) ON DELETE CASCADE,
  PRIMARY KEY (chat, message_id)
);
CREATE INDEX IF NOT EXISTS answer_messages_by_turn ON answer_messages (turn_id);
-- Each chat's settings (chat-settings.ts): kept until changed, not swept.
CREATE TABLE IF NOT EXISTS chat_settings (
  chat TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (chat, name)
);
`;

interface Row {
  turn: string;
  message_id: number | null;
}

export function conversationDbPath(dataDir: string): string {
  return path.join(dataDir, "conversations.db");
}

export class SqliteConversationStore implements ConversationStore {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(
    file: string,
    private readonly opts: SqliteConversationOptions,
  ) {
    this.now = opts.now ?? Date.now;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.db = new Database(file);
    } catch (error) {
      throw new FootnoteError(
        "STORE_ERROR",
        `Could not open ${file}: ${(error as Error).message}. Check that DATA_DIR points to a writable folder.`,
        { cause: error },
      );
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
  }

  /** The oldest moment a turn may be from and still count: now, less the conversation's window. */
  get horizon(): number {
    return this.now() - this.opts.ttlMs;
  }

  private parse(row: Row): Turn {
    const turn = JSON.parse(row.turn) as Turn;
    return row.message_id === null ? turn : { ...turn, messageId: row.message_id };
  }

  async recent(key: ConversationKey): Promise<Turn[]> {
    const rows = this.db
      .prepare<[string, string, number, number], Row>(
        "SELECT turn, message_id FROM turns WHERE chat = ? AND thread = ? AND at > ? ORDER BY id DESC LIMIT ?",
      )
      .all(key.chat, key.thread, this.horizon, this.opts.maxTurns);
    return rows.reverse().map((r) => this.parse(r));
  }

  async byMessage(chat: string, messageId: number): Promise<Turn | undefined> {
    const row = this.db
      .prepare<[string, number, number], Row>(
        `SELECT t.turn, t.message_id FROM answer_messages m JOIN turns t ON t.id = m.turn_id
         WHERE m.chat = ? AND m.message_id = ? AND t.at > ?`,
      )
      .get(chat, messageId, this.horizon);
    return row ? this.parse(row) : undefined;
  }

  async append(key: ConversationKey, turn: Turn): Promise<void> {
    const { messageId, ...rest } = turn;
    const insert = this.db.prepare(
      "INSERT INTO turns (chat, thread, at, message_id, turn) VALUES (?, ?, ?, ?, ?)",
    );
    // Keeps the newest maxTurns of this conversation: the insert and the trim are one transaction.
    const trim = this.db.prepare(
      `DELETE FROM turns WHERE chat = ? AND thread = ? AND id NOT IN
         (SELECT id FROM turns WHERE chat = ? AND thread = ? ORDER BY id DESC LIMIT ?)`,
    );
    this.db.transaction(() => {
      insert.run(key.chat, key.thread, turn.at, messageId ?? null, JSON.stringify(rest));
      trim.run(key.chat, key.thread, key.chat, key.thread, this.opts.maxTurns);
    })();
    this.sweep();
  }

  async setMessageId(key: ConversationKey, at: number, messageId: number): Promise<void> {
    const turn = this.db
      .prepare<[string, string, number], { id: number; message_id: number | null }>(
        "SELECT id, message_id FROM turns WHERE chat = ? AND thread = ? AND at = ? ORDER BY id DESC LIMIT 1",
      )
      .get(key.chat, key.thread, at);
    if (!turn) return;
    this.db.transaction(() => {
      // The first message is the turn's own; every one leads back to it.
      if (turn.message_id === null)
        this.db.prepare("UPDATE turns SET message_id = ? WHERE id = ?").run(messageId, turn.id);
      this.db
        .prepare("INSERT OR REPLACE INTO answer_messages (chat, message_id, turn_id) VALUES (?, ?, ?)")
        .run(key.chat, messageId, turn.id);
    })();
  }

  async clear(key: ConversationKey): Promise<void> {
    this.db.prepare("DELETE FROM turns WHERE chat = ? AND thread = ?").run(key.chat, key.thread);
  }

  async clearChat(chat: string): Promise<void> {
    this.db.prepare("DELETE FROM turns WHERE chat = ?").run(chat);
  }

  async recordQuestion(r: QuestionRecord): Promise<void> {
    this.db
      .prepare("INSERT INTO questions (at, library_id, abstained, ms, follow_up) VALUES (?, ?, ?, ?, ?)")
      .run(r.at, r.libraryId, r.abstained ? 1 : 0, r.ms, r.followUp ? 1 : 0);
    this.sweep();
  }

  async questionStats(sinceMs: number, libraryId?: string): Promise<QuestionStats> {
    const rows = this.db
      .prepare<[number, string | null, string | null], { abstained: number; ms: number; follow_up: number }>(
        "SELECT abstained, ms, follow_up FROM questions WHERE at >= ? AND (? IS NULL OR library_id = ?) ORDER BY ms",
      )
      .all(sinceMs, libraryId ?? null, libraryId ?? null);
    const pick = (q: number) =>
      rows.length ? rows[Math.min(rows.length - 1, Math.ceil(q * rows.length) - 1)]!.ms : null;
    return {
      answered: rows.filter((r) => !r.abstained).length,
      declined: rows.filter((r) => r.abstained).length,
      followUps: rows.filter((r) => r.follow_up).length,
      p50Ms: pick(0.5),
      p95Ms: pick(0.95),
    };
  }

  async chatSettings(chat: string): Promise<ChatSettings> {
    return settingsFromRows(
      this.db
        .prepare<[string], { name: string; value: string }>(
          "SELECT name, value FROM chat_settings WHERE chat = ?",
        )
        .all(chat),
    );
  }

  async setChatSetting<K extends keyof ChatSettings>(chat: string, name: K, value: ChatSettings[K]) {
    this.db
      .prepare(
        "INSERT INTO chat_settings (chat, name, value) VALUES (?, ?, ?) ON CONFLICT (chat, name) DO UPDATE SET value = excluded.value",
      )
      .run(chat, name, JSON.stringify(value));
  }

  /** Expired turns and old question records go, at most once a minute. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    this.db.prepare("DELETE FROM turns WHERE at <= ?").run(this.horizon);
    this.db
      .prepare("DELETE FROM questions WHERE at < ?")
      .run(now - (this.opts.statsTtlMs ?? 7 * 24 * 3600_000));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

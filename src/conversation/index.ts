/**
 * Opens the conversation store that goes with the storage: the embedded one under DATA_DIR, or
 * the libraries' PostgreSQL database when DATABASE_URL is set (so bot replicas share history).
 */
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Storage, StorageKind } from "../library/storage.ts";
import type { Footnote } from "../types.ts";
import { Conversations } from "./conversation.ts";
import type { PostgresStorage } from "../library/postgres/storage.ts";
import { PostgresConversationStore } from "./postgres-store.ts";
import { conversationDbPath, SqliteConversationStore } from "./sqlite-store.ts";
import type { ConversationStore } from "./types.ts";

type StoreConfig = Pick<Config, "DATA_DIR" | "CONVERSATION_TURNS" | "CONVERSATION_TTL_MINUTES">;

const STORES: Record<StorageKind, (config: StoreConfig, storage: Storage) => ConversationStore> = {
  embedded: (config) => new SqliteConversationStore(conversationDbPath(config.DATA_DIR), limits(config)),
  // The storage's pool and transactions (a type-only import: the embedded default loads no driver).
  postgres: (config, storage) => new PostgresConversationStore(storage as PostgresStorage, limits(config)),
};

function limits(config: StoreConfig) {
  return { maxTurns: config.CONVERSATION_TURNS, ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000 };
}

export function openConversationStore(config: StoreConfig, storage: Storage): ConversationStore {
  return STORES[storage.kind](config, storage);
}

/** The footnote's storage picks the store: the Postgres one borrows its connection pool. */
export function openConversations(
  config: StoreConfig,
  footnote: Footnote & { readonly storage: Storage },
  logger: Logger,
): Conversations {
  return new Conversations(footnote, openConversationStore(config, footnote.storage), logger);
}

export { Conversations } from "./conversation.ts";
export type { ConversationKey, ConversationStore, Turn } from "./types.ts";

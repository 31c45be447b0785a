/** Opens the conversation store the settings name (the embedded one, under DATA_DIR). */
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Footnote } from "../types.ts";
import { Conversations } from "./conversation.ts";
import { conversationDbPath, SqliteConversationStore } from "./sqlite-store.ts";
import type { ConversationStore } from "./types.ts";

export function openConversationStore(
  config: Pick<Config, "DATA_DIR" | "CONVERSATION_TURNS" | "CONVERSATION_TTL_MINUTES">,
): ConversationStore {
  return new SqliteConversationStore(conversationDbPath(config.DATA_DIR), {
    maxTurns: config.CONVERSATION_TURNS,
    ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
  });
}

export function openConversations(
  config: Pick<Config, "DATA_DIR" | "CONVERSATION_TURNS" | "CONVERSATION_TTL_MINUTES">,
  footnote: Footnote,
  logger: Logger,
): Conversations {
  return new Conversations(footnote, openConversationStore(config), logger);
}

export { Conversations } from "./conversation.ts";
export type { ConversationKey, ConversationStore, Turn } from "./types.ts";

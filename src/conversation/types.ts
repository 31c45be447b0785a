/** A conversation: the last few questions and answers of one chat (or one thread of a group). */
import type { ChatSettingsStore } from "./chat-settings.ts";

export interface Turn {
  /** The question as asked. */
  question: string;
  /** The question as searched, after resolving it against the turn before ("he" → a name). */
  resolved: string;
  answer: string;
  abstained: boolean;
  /** Articles the answer cited, in citation order: a follow-up searches these. */
  articleIds: string[];
  /** Names the answer gave (people, places, organisations), for "he", "they", "there". */
  entities: string[];
  /** When it was answered (ms since the epoch). */
  at: number;
  /** The article the conversation was on (article-focus.ts), when the answer came from it. */
  focus?: string;
  /** The bot's message holding the answer, so a reply to it continues this thread. */
  messageId?: number;
}

/** Where a conversation lives: a chat, and within a group chat one person's or one thread's. */
export interface ConversationKey {
  /** The chat (`chat:<id>` in Telegram, `cli:<library>` in the terminal). */
  chat: string;
  /** Within the chat: one conversation per person in a group; empty in a private chat. */
  thread: string;
}

/** One answered or declined question, for `footnote stats`. No text: only what and how long. */
export interface QuestionRecord {
  at: number;
  libraryId: string;
  abstained: boolean;
  ms: number;
  followUp: boolean;
}

export interface QuestionStats {
  answered: number;
  declined: number;
  followUps: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/**
 * Persisted chat history, bounded (the last `maxTurns` per conversation) and expiring (turns
 * older than the TTL are neither returned nor kept). Async so that a server database can
 * stand behind it as well as the embedded one. It keeps each chat's settings too.
 */
export interface ConversationStore extends ChatSettingsStore {
  /** The conversation's turns still alive, oldest first. */
  recent(key: ConversationKey): Promise<Turn[]>;
  /** The oldest moment a turn may be from and still count: now, less the conversation's window. */
  readonly horizon: number;
  /** The turn whose answer is that message in that chat, if it is still alive. */
  byMessage(chat: string, messageId: number): Promise<Turn | undefined>;
  append(key: ConversationKey, turn: Turn): Promise<void>;
  /** Notes a message that carried (part of) a turn's answer (known only once it is sent). */
  setMessageId(key: ConversationKey, at: number, messageId: number): Promise<void>;
  /** Forgets the conversation (`/new`). */
  clear(key: ConversationKey): Promise<void>;
  /** Forgets every conversation of a chat (its library was emptied, say). */
  clearChat(chat: string): Promise<void>;
  recordQuestion(record: QuestionRecord): Promise<void>;
  /** Questions since `sinceMs`, of every library or of one. */
  questionStats(sinceMs: number, libraryId?: string): Promise<QuestionStats>;
  close(): Promise<void>;
}

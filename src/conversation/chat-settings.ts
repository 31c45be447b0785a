/**
 * A chat's settings (so far: whether the bot reads every link posted in a group). Kept beside the
 * chat's conversations, in the conversation store's database (conversations.db, or the Postgres
 * database), so they survive a restart and every replica sees them. One row per chat and
 * setting, the value as JSON, so a new setting needs no new column.
 */

export interface ChatSettings {
  /** Read every link posted in the chat, without being addressed (`/autoread on`). */
  autoread: boolean;
}

export const DEFAULT_CHAT_SETTINGS: Readonly<ChatSettings> = Object.freeze({ autoread: false });

export interface ChatSettingsStore {
  /** The chat's settings, each one defaulted when never set. `chat`: `chat:<id>` as in ConversationKey. */
  chatSettings(chat: string): Promise<ChatSettings>;
  setChatSetting<K extends keyof ChatSettings>(chat: string, name: K, value: ChatSettings[K]): Promise<void>;
}

/** The settings from stored (name, JSON value) rows: unknown names and unreadable values are skipped. */
export function settingsFromRows(rows: ReadonlyArray<{ name: string; value: string }>): ChatSettings {
  const out: ChatSettings = { ...DEFAULT_CHAT_SETTINGS };
  for (const { name, value } of rows) {
    if (!(name in DEFAULT_CHAT_SETTINGS)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    const key = name as keyof ChatSettings;
    if (typeof parsed === typeof DEFAULT_CHAT_SETTINGS[key])
      (out as unknown as Record<string, unknown>)[key] = parsed;
  }
  return out;
}

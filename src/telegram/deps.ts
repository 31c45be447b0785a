import type { Config } from "../config.ts";
import type { Conversations } from "../conversation/conversation.ts";
import type { Logger } from "../logger.ts";
import type { Footnote } from "../types.ts";
import type { RateLimiter } from "../replicas/state.ts";

/** What every feature composer is built from. */
export interface FeatureDeps {
  config: Config;
  footnote: Footnote;
  logger: Logger;
  token: string;
  /** Chat history: follow-ups, /new, and the questions counted for `footnote stats`. */
  conversations: Conversations;
  /** Shared by every replica when the storage is (replicas/state.ts). */
  limits: { questions: RateLimiter; ingests: RateLimiter };
}

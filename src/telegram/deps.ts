import type { Config } from "../config.ts";
import type { Conversations } from "../conversation/conversation.ts";
import type { Logger } from "../logger.ts";
import type { Footnote } from "../types.ts";
import type { SlidingWindowLimiter } from "./rate-limit.ts";

/** What every feature composer is built from. */
export interface FeatureDeps {
  config: Config;
  footnote: Footnote;
  logger: Logger;
  token: string;
  /** Chat history: follow-ups, /new, and the questions counted for `footnote stats`. */
  conversations: Conversations;
  limits: { questions: SlidingWindowLimiter; ingests: SlidingWindowLimiter };
}

import type { Config } from "../config.ts";

/** Each chat gets its own library, unless the deployment shares one across chats. */
export function libraryIdFor(config: Pick<Config, "LIBRARY_SCOPE">, chatId: number): string {
  return config.LIBRARY_SCOPE === "shared" ? "shared" : `chat:${chatId}`;
}

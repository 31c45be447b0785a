/** The `CliContext` one run of the CLI gives its commands. */
import { loadConfig } from "../config.ts";
import { createLogger, type Logger } from "../logger.ts";
import type { CliContext, CliSetup } from "./command.ts";
import type { CliIO } from "./io.ts";

/** A command context, plus what main needs after the command: the logger, if one was made. */
export interface CliRun extends CliContext {
  /** The logger, if a command read the settings; undefined when it never got that far. */
  loadedLogger(): Logger | undefined;
}

/** The context for one run; `library` reads the --library option once the arguments are parsed. */
export function createCliContext(io: CliIO, library: () => string): CliRun {
  // Settings are read once, when a command runs, so --help works even with a bad .env.
  let loaded: CliSetup | undefined;
  const setup = (): CliSetup => {
    if (!loaded) {
      const config = loadConfig(io.env);
      loaded = {
        config,
        logger: createLogger({ ...config, LOG_LEVEL: io.env.LOG_LEVEL ? config.LOG_LEVEL : "warn" }),
      };
    }
    return loaded;
  };
  return {
    io,
    library,
    setup,
    exitCode: 0,
    loadedLogger: () => loaded?.logger,
    withFootnote: async (fn) => {
      const { config, logger } = setup();
      // Loaded here, not at start-up: --help and a bad command never pay for it.
      const { createFootnote } = await import("../footnote.ts");
      // One-shot: a graph build would only start and be stopped at exit; the flat index serves.
      const footnote = await createFootnote({ config, logger, hnsw: { graphBuild: "skip" } });
      try {
        return await fn(footnote, config);
      } finally {
        await footnote.close();
      }
    },
  };
}

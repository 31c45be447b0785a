import { loadConfig, type Config } from "../../src/config.ts";

/**
 * The settings every process of a crash test uses. FOOTNOTE_TEST_VECTOR_INDEX picks the vector
 * index (the children inherit it), so that the same rounds run against the flat index and the
 * graph.
 */
export function reliabilityConfig(dataDir: string): Config {
  const kind = process.env.FOOTNOTE_TEST_VECTOR_INDEX;
  return loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...(kind ? { VECTOR_INDEX: kind } : {}) });
}

import { loadConfig, type Config } from "../../src/config.ts";

/**
 * The settings every process of a crash test uses. FOOTNOTE_TEST_VECTOR_INDEX picks the vector
 * index (the children inherit it), so that the same rounds run against the flat index and the
 * graph; FOOTNOTE_TEST_DATABASE_URL puts them on Postgres.
 */
export function reliabilityConfig(dataDir: string): Config {
  const kind = process.env.FOOTNOTE_TEST_VECTOR_INDEX;
  // FOOTNOTE_TEST_DATABASE_URL: the Postgres rounds (the test's PGlite server).
  const db = process.env.FOOTNOTE_TEST_DATABASE_URL;
  return loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(kind ? { VECTOR_INDEX: kind } : {}),
    ...(db ? { DATABASE_URL: db } : {}),
  });
}

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Say which tests are skipped when ../shared is not beside the repository, and whether the
    // Postgres suites also run on a native server (FOOTNOTE_TEST_PG_ADMIN_URL).
    globalSetup: ["test/helpers/shared-notice.ts", "test/helpers/postgres-notice.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: native addons and child processes do better with a small pool.
    maxWorkers: 2,
  },
});

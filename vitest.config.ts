import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Says which tests are skipped when ../shared is not beside the repository.
    globalSetup: ["test/helpers/shared-notice.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: native addons and child processes do better with a small pool.
    maxWorkers: 2,
  },
});

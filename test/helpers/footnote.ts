/** A footnote on a fresh temporary DATA_DIR, with the built-in defaults. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config, type Env } from "../../src/config.ts";
import { footnoteOver } from "../../src/footnote.ts";
import { openParts, type FootnoteDeps } from "../../src/pipeline/parts.ts";

export const SHARED_ARTICLE = fileURLToRepo("../shared/articles/belarus-lukashenko-jailed-rivals.txt");
export const SHARED_DATASET = fileURLToRepo("../shared/datasets/squad2-dev-5articles.json");
export const SHARED_PAGES = fileURLToRepo("../shared/pages");

/**
 * Whether ../shared (the shared article, the SQuAD file, the news pages) is beside the
 * repository, as CI has it. Their licenses are not the repository's, so they are not copied in:
 * without them the tests that read them are skipped, and test/helpers/shared-notice.ts says so
 * at the start of the run.
 */
export const SHARED_PRESENT = [SHARED_ARTICLE, SHARED_DATASET, SHARED_PAGES].every((p) => fs.existsSync(p));

/** Paths beside the repository (CI clones it with shared/ next to it). */
function fileURLToRepo(rel: string): string {
  return path.resolve(new URL("../../", import.meta.url).pathname, rel);
}

export function tempDir(prefix = "footnote-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testConfig(env: Env = {}): Config {
  return loadConfig({ DATA_DIR: tempDir(), LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "true", ...env });
}

/** A footnote on `testConfig(env)`, with the parts it is built from (for the pipelines' own entries). */
export async function testFootnote(env: Env = {}, deps: Partial<FootnoteDeps> = {}) {
  const config = testConfig(env);
  const parts = await openParts({ config, ...deps });
  return { config, footnote: footnoteOver(parts), parts, dataDir: config.DATA_DIR };
}

/** An article of `paragraphs` paragraphs about `topic`, with words no other article has. */
export function syntheticArticle(topic: string, paragraphs = 4): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    out.push(
      `The ${topic} report number ${i} describes how the ${topic}${i}x committee met in the spring. ` +
        `Members of the ${topic} group discussed budgets, schedules and the plans for year ${2000 + i}. ` +
        `Everyone agreed that the ${topic} work would continue after the summer break.`,
    );
  }
  return out.join("\n\n");
}

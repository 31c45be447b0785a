/** How src/cli is put together: one module a command, all of them listed, and no import circle. */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

const CLI_DIR = fileURLToPath(new URL("../../src/cli/", import.meta.url));

/** Every .ts file under src/cli, relative to it. */
function cliModules(): string[] {
  return fs
    .readdirSync(CLI_DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .sort();
}

describe("src/cli", () => {
  it("lists every module in commands/ as a command, in --help", async () => {
    let stdout = "";
    const code = await main(["--help"], {
      stdout: (t) => void (stdout += t),
      stderr: () => {},
      stdin: async () => Buffer.alloc(0),
      env: { LOG_LEVEL: "silent" },
    });
    expect(code).toBe(0);
    const listed = [...stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
    const modules = fs.readdirSync(`${CLI_DIR}commands`).map((f) => f.replace(/\.ts$/, ""));
    expect(listed.sort()).toEqual(modules.sort());
  });

  it("has no module that imports main.ts, which only bin/ loads", () => {
    const importers = cliModules().filter((f) =>
      /from\s+["'](\.\.?\/)+(cli\/)?main\.ts["']|import\(\s*["'](\.\.?\/)+(cli\/)?main\.ts["']/.test(
        fs.readFileSync(`${CLI_DIR}${f}`, "utf8"),
      ),
    );
    expect(importers).toEqual([]);
  });
});

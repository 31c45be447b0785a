/**
 * The CLI as a new user meets it: `footnote ask` counted by `footnote stats` (and --library),
 * "1 passage", `footnote chat` piped and with a bare /forget, the forget hint naming the
 * library, and a local link typed as host:port.
 */
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.ts";
import { count } from "../../src/cli/plural.ts";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import { tempDir, testFootnote } from "../helpers/footnote.ts";
import { cliWith } from "../helpers/cli.ts";

const EXAMPLE = fileURLToPath(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url));
const QUESTION = "Who is acting as a go-between for the council and the crews?";

const cli = cliWith;

interface StatsJson {
  library?: string;
  libraries: number;
  articles: number;
  lastDay: { questions: number; answered: number; declined: number };
}

describe("footnote stats", () => {
  it("counts questions asked with footnote ask, and --library keeps to one library", async () => {
    const run = cli({ DATA_DIR: tempDir() });
    expect((await run("ingest", EXAMPLE)).code).toBe(0);
    expect((await run("--library", "work", "ingest", EXAMPLE)).code).toBe(0);
    expect((await run("ask", QUESTION)).code).toBe(0);
    expect((await run("ask", "What is the price of tea in Lima?")).code).toBe(0);
    expect((await run("--library", "work", "ask", QUESTION)).code).toBe(0);

    const all = JSON.parse((await run("stats", "--json")).stdout) as StatsJson;
    expect(all).toMatchObject({ libraries: 2, articles: 2, lastDay: { questions: 3 } });
    expect(all.library).toBeUndefined();
    expect(all.lastDay.answered + all.lastDay.declined).toBe(3);

    const work = JSON.parse((await run("--library", "work", "stats", "--json")).stdout) as StatsJson;
    expect(work).toMatchObject({
      library: "work",
      libraries: 1,
      articles: 1,
      lastDay: { questions: 1, answered: 1 },
    });

    const table = await run("stats", "--library", "work");
    expect(table.stdout).toMatch(/^library\s+work$/m);
    expect(table.stdout).toMatch(/questions, last 24 hours\s+1: 1 answered, 0 declined \(0 follow-ups\)/);

    const none = await run("--library", "nope", "stats");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No library "nope". The libraries are: default, work.');
  }, 60_000);
});

describe("counts in the CLI's English", () => {
  it("says 1 passage, 2 passages, 0 follow-ups", () => {
    expect(count(1, "passage")).toBe("1 passage");
    expect(count(2, "passage")).toBe("2 passages");
    expect(count(0, "follow-up")).toBe("0 follow-ups");
    expect(count(1200, "article")).toBe("1,200 articles");
  });

  it("stores a one-passage article as '1 passage', in ingest, list and chat", async () => {
    const run = cli({ DATA_DIR: tempDir() });
    const file = `${tempDir()}/short.txt`;
    await import("node:fs/promises").then((fs) =>
      fs.writeFile(file, "The ferry to Skellig leaves at noon every day in summer, and at ten in winter."),
    );
    const stored = await run("ingest", file);
    expect(stored.stdout).toMatch(/^Stored: .* \(id \w+, 1 passage\)$/m);
    expect((await run("list")).stdout).toMatch(/ {3}1 passage {3}/);
  });
});

describe("footnote chat, piped and with a bare /forget", () => {
  it("writes no prompts when its input is not a terminal, says how to use /forget, and says 1 passage", async () => {
    const { footnote } = await testFootnote();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (d: Buffer) => (text += d.toString()));
    const done = runChat(footnote, "default", { input, output });
    input.end(["/forget", "/forget nope", `/ingest ${EXAMPLE}`, "/quit", ""].join("\n"));
    await done;
    await footnote.close();
    expect(text).not.toContain("> ");
    expect(text).not.toContain('No article ""');
    expect(text).toContain("Usage: /forget <id>; /list shows the ids.");
    expect(text).toContain('No article "nope" here; /list shows the ids.');
    expect(text).toMatch(/Stored: .* \(id \w+, \d+ passages?\)/);
  });
});

describe("footnote forget in a named library", () => {
  it("suggests the list command with that library", async () => {
    const run = cli({ DATA_DIR: tempDir() });
    const work = await run("--library", "work", "forget", "nope");
    expect(work.code).toBe(1);
    expect(work.stderr).toContain(
      'No article "nope" in library "work". `footnote list --library work` shows the ids.',
    );
    const plain = await run("forget", "nope");
    expect(plain.stderr).toContain("`footnote list` shows the ids.");
  });
});

describe("a local link typed as host:port", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end("The harbour of Portwick reopened on Monday after two years of repairs, the council said.");
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("is a link, not a missing file, and the address guard still applies", async () => {
    const link = `127.0.0.1:${server.port}/x.html`;
    const refused = await cli({ DATA_DIR: tempDir() })("ingest", link);
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toContain("No such file");
    expect(refused.stderr).toContain("I won't fetch 127.0.0.1: it is a loopback");
    expect(server.requests).toBe(0);

    const allowed = await cli({ DATA_DIR: tempDir(), ALLOW_PRIVATE_URLS: "true" })("ingest", link);
    expect(allowed.stderr).toBe("");
    expect(allowed.stdout).toMatch(/^Stored: /);
    expect(server.requests).toBe(1);
  });
});

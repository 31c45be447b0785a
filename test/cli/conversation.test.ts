/** `footnote chat` (follow-ups, /help, /new, a pasted link), `footnote stats`, and the README's first commands. */
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.ts";
import { sourceFromArg } from "../../src/cli/source.ts";
import { Conversations } from "../../src/conversation/conversation.ts";
import { SqliteConversationStore } from "../../src/conversation/sqlite-store.ts";
import { silentLogger } from "../../src/logger.ts";
import { tempDir, testFootnote } from "../helpers/footnote.ts";
import { cliWith } from "../helpers/cli.ts";

const EXAMPLE = fileURLToPath(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url));

const cli = cliWith;

describe("the README's first command, on the example article in the repository", () => {
  it("stores it and answers the question the README asks", async () => {
    const run = cli({ DATA_DIR: tempDir() });
    expect((await run("ingest", EXAMPLE)).code).toBe(0);
    const asked = await run("ask", "Who is acting as a go-between for the council and the crews?");
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain("Osvald Brekke");
    const stats = await run("stats", "--json");
    const counts = JSON.parse(stats.stdout) as { libraries: number; articles: number; passages: number };
    expect(counts).toMatchObject({ libraries: 1, articles: 1 });
    expect(counts.passages).toBeGreaterThan(0);
  });
});

describe("sourceFromArg", () => {
  it("reads a link without a scheme as a URL, and an existing file as a file", async () => {
    const io = { stdin: async () => Buffer.alloc(0) };
    expect(await sourceFromArg("bbc.com/news/world-1", io)).toEqual({
      kind: "url",
      url: "https://bbc.com/news/world-1",
    });
    expect(await sourceFromArg("www.example.org/a", io)).toEqual({
      kind: "url",
      url: "https://www.example.org/a",
    });
    expect((await sourceFromArg(EXAMPLE, io)).kind).toBe("file");
    await expect(sourceFromArg("no-such-notes.txt", io)).rejects.toThrow(/No such file/);
  });
});

describe("footnote chat", () => {
  it("takes /help as help, answers a follow-up from the same article, forgets on /new, and counts questions", async () => {
    const { footnote, dataDir } = await testFootnote();
    const store = new SqliteConversationStore(`${dataDir}/conversations.db`, {
      maxTurns: 8,
      ttlMs: 3_600_000,
    });
    const conversations = new Conversations(footnote, store, silentLogger());
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (d: Buffer) => (text += d.toString()));
    const done = runChat(footnote, "default", { conversations, input, output });
    // All at once, as when piped: no line may be lost.
    input.end(
      [
        "/help",
        `/ingest ${EXAMPLE}`,
        "Who is acting as a go-between for the council and the crews?",
        "What did he say?",
        "/new",
        "/quit",
      ].join("\n") + "\n",
    );
    await done;
    expect(text).toContain("/new                         start afresh");
    expect(text).not.toMatch(/couldn't find that[\s\S]*\/ingest/);
    expect(text).toMatch(/Stored: Harbour council and ferry crews agree to talks/);
    expect(text).toContain("Nobody leaves this building");
    expect(text).toContain("Started afresh");
    const stats = await store.questionStats(0);
    expect(stats).toMatchObject({ answered: 2, declined: 0, followUps: 1 });
    await conversations.close();
    await footnote.close();
  });
});

/**
 * Two replicas: two real `footnote bot` processes in webhook mode behind one database (a
 * PGlite server in this process; and, when FOOTNOTE_TEST_PG_ADMIN_URL is set, a database on
 * that native server), against a fake Bot API. An article stored through one is answered from
 * by the other; an update Telegram delivers twice (to either replica) is handled once; a
 * user's rate limit holds across both; the same article ingested through both at once is
 * stored once; a follow-up asked through one continues the question asked through the other
 * (the conversation history is in the database too).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { autoEntities, FakeBotApi } from "../helpers/fake-bot-api.ts";
import { PG_SERVERS, usePgServer, type TestPostgres } from "../helpers/postgres-server.ts";
import { syntheticArticle } from "../helpers/footnote.ts";

const BIN = fileURLToPath(new URL("../../bin/footnote.js", import.meta.url));
const SECRET = "replica-secret_1";
const ALICE = 501;
const BOB = 502;
const CAROL = 503;
const DAVE = 504;

let api: FakeBotApi;
let db: TestPostgres;
let dataDir: string;
const replicas: Array<{ child: ChildProcess; port: number; stderr: () => string }> = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

let nextUpdate = 1;
let nextMessage = 1;
function update(user: number, text: string) {
  return {
    update_id: nextUpdate++,
    message: {
      message_id: nextMessage++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user, type: "private", first_name: "U" },
      from: { id: user, is_bot: false, first_name: "U" },
      text,
      entities: autoEntities(text),
    },
  };
}

async function post(replica: number, body: unknown): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${replicas[replica]!.port}/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
    body: JSON.stringify(body),
  });
  return res.status;
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

describe.each(PG_SERVERS)("on $name", (kind) => {
  usePgServer(
    kind,
    async (s) => {
      db = s;
      api = await FakeBotApi.start();
      dataDir = await mkdtemp(join(tmpdir(), "footnote-replicas-"));
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        let stderr = "";
        const child = spawn(process.execPath, [BIN, "bot"], {
          cwd: dataDir,
          env: {
            HOME: dataDir,
            TELEGRAM_BOT_TOKEN: api.token,
            TELEGRAM_API_ROOT: api.apiRoot,
            DATABASE_URL: db.url,
            DATA_DIR: join(dataDir, `replica${i}`),
            WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
            WEBHOOK_SECRET: SECRET,
            WEBHOOK_HOST: "127.0.0.1",
            WEBHOOK_PORT: String(port),
            ALLOWED_USER_IDS: [ALICE, BOB, CAROL, DAVE].join(","),
            RATE_LIMIT_QUESTIONS_PER_MINUTE: "3",
            LOG_LEVEL: "warn",
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.stdout.resume();
        replicas.push({ child, port, stderr: () => stderr });
      }
      await api.waitForCall("setWebhook", 2, 60_000).catch((e: unknown) => {
        throw new Error(`${String(e)}\n${replicas.map((r) => r.stderr()).join("\n")}`);
      });
    },
    180_000,
  );

  // Before usePgServer stops the server.
  afterAll(async () => {
    for (const r of replicas.splice(0)) if (r.child.exitCode === null) r.child.kill("SIGKILL");
    await api?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers through one replica from an article stored through the other", async () => {
    const text = syntheticArticle("quokka", 6);
    expect(await post(0, update(ALICE, `/ingest ${text}`))).toBe(200);
    await api.waitForMessage(ALICE, (m) => m.plain.startsWith("Added"), 30_000);
    expect(await post(1, update(ALICE, "What did the quokka group discuss?"))).toBe(200);
    // The answer, not the "Added" message, whose gist may say the same.
    const answer = await api.waitForMessage(
      ALICE,
      (m) => m.plain.includes("budgets") && !m.plain.startsWith("Added"),
      30_000,
    );
    expect(answer.text).toContain("<blockquote>");
  }, 60_000);

  it("handles an update delivered twice, to both replicas, once", async () => {
    const before = api.messagesTo(ALICE).length;
    const again = update(ALICE, "What did the quokka group discuss?");
    expect(await Promise.all([post(0, again), post(1, again), post(1, again)])).toEqual([200, 200, 200]);
    await api.waitForMessage(ALICE, (m) => api.messagesTo(ALICE).indexOf(m) >= before, 30_000);
    await settle();
    expect(api.messagesTo(ALICE).length - before).toBe(1);
  }, 60_000);

  it("holds a user's rate limit across replicas", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(await post(i % 2, update(BOB, `Who met in spring, question ${i}?`)));
    expect(statuses).toEqual([200, 200, 200, 200]);
    await api.waitForMessage(BOB, (m) => m.plain.includes("faster than 3 questions a minute"), 30_000);
    await settle();
    expect(api.messagesTo(BOB).filter((m) => m.plain.includes("faster than")).length).toBe(1);
  }, 60_000);

  it("stores an article ingested through both replicas at once only once", async () => {
    const text = syntheticArticle("wombat", 6);
    await Promise.all([post(0, update(CAROL, `/ingest ${text}`)), post(1, update(CAROL, `/ingest ${text}`))]);
    await api.waitForMessage(CAROL, (m) => m.plain.startsWith("Added"), 30_000);
    await api.waitForMessage(CAROL, (m) => m.plain.startsWith("I already have"), 30_000);
    expect(await post(1, update(CAROL, "/list"))).toBe(200);
    const list = await api.waitForMessage(CAROL, (m) => m.plain.startsWith("Articles in this chat"), 30_000);
    expect(list.plain).toContain("Articles in this chat (1)");
  }, 60_000);

  it("continues through one replica a conversation begun through the other", async () => {
    const text = readFileSync(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url), "utf8");
    expect(await post(1, update(DAVE, `/ingest ${text}`))).toBe(200);
    await api.waitForMessage(DAVE, (m) => m.plain.startsWith("Added"), 30_000);
    expect(await post(0, update(DAVE, "Who is acting as a go-between for the council and the crews?"))).toBe(
      200,
    );
    await api.waitForMessage(DAVE, (m) => m.plain.includes("Osvald Brekke"), 30_000);
    // "he" is the man replica A's answer named: replica B reads that turn from the database.
    expect(await post(1, update(DAVE, "What did he say?"))).toBe(200);
    const said = await api.waitForMessage(
      DAVE,
      (m) => m.plain.includes("Nobody leaves this building"),
      30_000,
    );
    expect(said.text).toContain("<blockquote>");
  }, 90_000);
});

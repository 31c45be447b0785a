/**
 * Scripted multi-turn conversations over real articles with the offline answerer: each
 * follow-up must come back from the article that answered the turn before, with the answer in it.
 * The conversation suites run on every backend: the embedded store (conversations.db under
 * DATA_DIR), and with DATABASE_URL the libraries and the history both in Postgres (a PGlite
 * server on 127.0.0.1, and the native server when FOOTNOTE_TEST_PG_ADMIN_URL is set, through the
 * real driver).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { turn } from "../helpers/turn.ts";
import type { Config } from "../../src/config.ts";
import { openConversationStore } from "../../src/conversation/index.ts";
import { Conversations } from "../../src/conversation/conversation.ts";
import { resolveFollowUp } from "../../src/conversation/follow-up.ts";
import { PostgresConversationStore } from "../../src/conversation/postgres-store.ts";
import { SqliteConversationStore } from "../../src/conversation/sqlite-store.ts";
import type { ConversationStore } from "../../src/conversation/types.ts";
import type { PostgresStorage } from "../../src/library/postgres/storage.ts";
import { silentLogger } from "../../src/logger.ts";
import type { FootnoteService } from "../../src/footnote.ts";
import { BACKENDS, pgServerOf, storageOf } from "../helpers/backends.ts";
import { startFakeOpenAI, type ChatRequestBody } from "../helpers/fake-openai.ts";
import { SHARED_ARTICLE, SHARED_PRESENT, tempDir, testFootnote } from "../helpers/footnote.ts";
import { PGLITE_START_MS } from "../helpers/pglite.ts";
import { usePgServer, type TestPostgres } from "../helpers/postgres-server.ts";

const EXAMPLE = new URL("../../examples/harbour-ferry-talks.txt", import.meta.url);
const BOARD = new URL("../fixtures/answer/board-meeting.txt", import.meta.url);
const LIB = "talk";

const from = (r: { result: { citations: Array<{ articleId: string }> } }) => [
  ...new Set(r.result.citations.map((c) => c.articleId)),
];

describe.runIf(SHARED_PRESENT).each(BACKENDS)("conversations on the %s backend", (kind) => {
  let server: TestPostgres | undefined;
  let footnote: FootnoteService;
  let config: Config;
  let ids: { harbour: string; belarus: string; board: string };

  /** The store the settings pick (src/conversation/index.ts), as the bot and the CLI open it. */
  const open = () =>
    new Conversations(footnote, openConversationStore(config, footnote.storage), silentLogger());

  /** A store with its own limits and clock, on the same database or folder. */
  const storeWith = (opts: { maxTurns: number; ttlMs: number; now?: () => number }): ConversationStore =>
    storageOf(kind) === "postgres"
      ? new PostgresConversationStore(footnote.storage as PostgresStorage, opts)
      : new SqliteConversationStore(path.join(tempDir(), "c.db"), opts);

  const pgServer = pgServerOf(kind);
  const suiteServer =
    pgServer &&
    usePgServer(pgServer, (s) => {
      server = s;
    });
  beforeAll(async () => {
    // A Postgres server that did not start fails each test, with its error (usePgServer).
    if (suiteServer && !suiteServer.started()) return;
    ({ footnote, config } = await testFootnote(server ? { DATABASE_URL: server.url } : {}));
    const add = async (file: URL | string) =>
      (await footnote.ingest(LIB, { kind: "text", text: readFileSync(file, "utf8") })).id;
    ids = { harbour: await add(EXAMPLE), belarus: await add(SHARED_ARTICLE), board: await add(BOARD) };
  }, PGLITE_START_MS);
  afterAll(async () => {
    await footnote?.close();
  });

  it("keeps the history where the libraries are", async () => {
    const store = open().store;
    expect(store).toBeInstanceOf(
      storageOf(kind) === "postgres" ? PostgresConversationStore : SqliteConversationStore,
    );
    await store.close();
  });

  describe("a conversation with the offline answerer", () => {
    it("answers follow-ups from the article that answered, remembers across a restart, and /new forgets", async () => {
      const key = { chat: "chat:1", thread: "" };
      let talk = open();
      const first = await talk.ask(key, LIB, "Who is acting as a go-between for the council and the crews?");
      expect(first.result.answer).toContain("Osvald Brekke");
      expect(from(first)).toEqual([ids.harbour]);
      expect(first.followUp).toBe(false);

      // "he" is the man the answer named; what he said is a quote of his, from the same article.
      const said = await talk.ask(key, LIB, "What did he say?");
      expect(said.followUp).toBe(true);
      expect(said.turn.resolved).toMatch(/Brekke/);
      expect(said.result.answer).toContain("Nobody leaves this building");
      expect(from(said)).toEqual([ids.harbour]);

      // A restart keeps the conversation (the store is a file).
      await talk.close();
      talk = open();
      const when = await talk.ask(key, LIB, "And when will they vote?");
      expect(when.followUp).toBe(true);
      expect(when.result.answer).toContain("9 December");
      expect(from(when)).toEqual([ids.harbour]);

      // /new: the same elliptic question no longer leans on anything.
      await talk.reset(key);
      expect(await talk.store.recent(key)).toEqual([]);
      const fresh = await talk.ask(key, LIB, "Who was at the meeting?");
      expect(fresh.followUp).toBe(false);
      await talk.close();
    });

    it("keeps to the Belarus article for its follow-ups, though other articles have meetings too", async () => {
      const key = { chat: "chat:2", thread: "" };
      const talk = open();
      const who = await talk.ask(key, LIB, "Who did Lukashenko meet in the KGB jail?");
      expect(from(who)).toEqual([ids.belarus]);
      const when = await talk.ask(key, LIB, "When did it happen?");
      expect(when.followUp).toBe(true);
      expect(when.result.answer).toContain("Saturday");
      expect(from(when)).toEqual([ids.belarus]);
      const wrote = await talk.ask(key, LIB, "And what did his press service write?");
      expect(wrote.result.answer).toContain("hear everyone's opinion");
      expect(from(wrote)).toEqual([ids.belarus]);
      await talk.close();
    });

    it("leaves a question that stands on its own alone", async () => {
      const key = { chat: "chat:3", thread: "" };
      const talk = open();
      await talk.ask(key, LIB, "Who is acting as a go-between for the council and the crews?");
      const board = await talk.ask(key, LIB, "Which company did the Ardent Foods board agree to merge with?");
      expect(board.followUp).toBe(false);
      expect(from(board)).toContain(ids.board);
      await talk.close();
    });

    it("continues the thread of the answer replied to, not the latest one", async () => {
      const key = { chat: "chat:-5", thread: "user:7" };
      const talk = open();
      const a = await talk.ask(key, LIB, "Who is acting as a go-between for the council and the crews?");
      await talk.noteMessage(key, a.turn, 501);
      await talk.ask(key, LIB, "Who did Lukashenko meet in the KGB prison?");
      const thread = await talk.threadOf("chat:-5", 501);
      expect(thread?.question).toMatch(/go-between/);
      const said = await talk.ask(key, LIB, "What did he say?", { replyTo: thread });
      expect(said.result.answer).toContain("Nobody leaves this building");
      expect(from(said)).toEqual([ids.harbour]);
      await talk.close();
    });

    it("counts answered and declined questions for stats", async () => {
      const talk = open();
      const before = await talk.store.questionStats(0);
      await talk.ask({ chat: "chat:4", thread: "" }, LIB, "What is the airspeed of an unladen swallow?");
      const after = await talk.store.questionStats(0);
      expect(after.declined).toBe(before.declined + 1);
      expect(after.p95Ms).toBeGreaterThan(0);
      await talk.close();
    });
  });

  describe("the conversation store", () => {
    it("keeps the last N turns of each conversation and forgets expired ones", async () => {
      let now = 1_000_000;
      const store = storeWith({ maxTurns: 3, ttlMs: 60_000, now: () => now });
      const key = { chat: "c", thread: "" };
      for (let i = 0; i < 5; i++) await store.append(key, turn({ question: `q${i}`, at: now + i }));
      await store.append({ chat: "other", thread: "" }, turn({ question: "x", at: now }));
      expect((await store.recent(key)).map((t) => t.question)).toEqual(["q2", "q3", "q4"]);
      now += 61_000;
      expect(await store.recent(key)).toEqual([]);
      await store.close();
    });

    it("finds a turn by any message of its answer, until the turn is trimmed away", async () => {
      const store = storeWith({ maxTurns: 2, ttlMs: 60_000 });
      const key = { chat: "chat:-7", thread: "user:1" };
      const at = Date.now();
      await store.append(key, turn({ question: "long one", at }));
      await store.setMessageId(key, at, 10);
      await store.setMessageId(key, at, 11);
      expect((await store.byMessage("chat:-7", 11))?.question).toBe("long one");
      expect((await store.byMessage("chat:-7", 10))?.messageId).toBe(10);
      expect(await store.byMessage("chat:-8", 11)).toBeUndefined();
      await store.append(key, turn({ question: "b", at: at + 1 }));
      await store.append(key, turn({ question: "c", at: at + 2 }));
      expect(await store.byMessage("chat:-7", 11)).toBeUndefined();
      await store.close();
    });
  });
});

describe.runIf(SHARED_PRESENT)("a conversation with a chat model", () => {
  it("sends the recent turns as messages, the question as asked, and passages of the article that answered", async () => {
    const fake = await startFakeOpenAI({ chatReply: "Osvald Brekke is the go-between [1]." });
    const chat = await testFootnote({
      OPENAI_BASE_URL: fake.baseURL,
      EMBEDDINGS_PROVIDER: "local",
      ANSWERER: "chat",
      OPENAI_MAX_RETRIES: "0",
    });
    try {
      await chat.footnote.ingest(LIB, { kind: "text", text: readFileSync(EXAMPLE, "utf8") });
      await chat.footnote.ingest(LIB, { kind: "text", text: readFileSync(SHARED_ARTICLE, "utf8") });
      const talk = new Conversations(
        chat.footnote,
        new SqliteConversationStore(path.join(tempDir(), "c.db"), { maxTurns: 8, ttlMs: 3_600_000 }),
        silentLogger(),
      );
      const key = { chat: "chat:9", thread: "" };
      await talk.ask(key, LIB, "Who is acting as a go-between for the council and the crews?");
      fake.setChatReply("He said nobody would leave the building [1].");
      const said = await talk.ask(key, LIB, "What did he say?");
      expect(said.followUp).toBe(true);
      const body = fake.requests.filter((r) => r.path === "/v1/chat/completions").at(-1)!
        .body as ChatRequestBody;
      const roles = body.messages.map((m) => m.role);
      expect(roles).toEqual(["system", "user", "assistant", "user"]);
      expect(body.messages[1]!.content).toContain("go-between");
      // The earlier answer without its [n] markers, which pointed at other passages.
      expect(body.messages[2]!.content).toBe("Osvald Brekke is the go-between.");
      expect(body.messages[3]!.content).toContain("<question>What did he say?</question>");
      // Every passage given comes from the article that answered before.
      expect(body.messages[3]!.content).not.toContain("Lukashenko");
      await talk.close();
    } finally {
      await chat.footnote.close();
      await fake.close();
    }
  });
});

describe("resolveFollowUp", () => {
  const who = turn({
    question: "Who chaired the meeting?",
    answer: "Mayor Ingrid Halvorsen chaired it. [1]",
    entities: ["Ingrid Halvorsen"],
  });

  it("puts the answer's name for a pronoun, and the past tense the article uses", () => {
    const r = resolveFollowUp("What did she say?", who);
    expect(r).toEqual({ question: "What did Halvorsen said?", followUp: true, articleIds: ["a1"] });
  });

  it("gives an elliptic question the previous question's focus", () => {
    const r = resolveFollowUp("And when?", who);
    expect(r.followUp).toBe(true);
    expect(r.question).toMatch(/^when\b.*chaired meeting/i);
  });

  it("leaves alone a question with words of its own, and a pronoun after a declined question that named nobody", () => {
    expect(resolveFollowUp("Who was at the meeting?", who).followUp).toBe(false);
    expect(resolveFollowUp("What did she say?", { ...who, abstained: true }).followUp).toBe(false);
    expect(resolveFollowUp("What did she say?", undefined).followUp).toBe(false);
  });

  it("reads 'they' as every name the answer gave", () => {
    const r = resolveFollowUp(
      "What did they say?",
      turn({ question: "Who was there?", entities: ["Viktor Babaryko", "Liliya Vlasova"] }),
    );
    expect(r.question).toBe("What did Babaryko and Vlasova said?");
  });
});

describe("a follow-up asking the same question of something new", () => {
  it("may be answered from the sentence quoted before: a list holds both", async () => {
    const { footnote } = await testFootnote();
    try {
      const vote = new URL("../fixtures/answer/vote-fr.txt", import.meta.url);
      await footnote.ingest(LIB, { kind: "text", text: readFileSync(vote, "utf8") });
      const talk = new Conversations(
        footnote,
        new SqliteConversationStore(path.join(tempDir(), "c.db"), { maxTurns: 8, ttlMs: 3_600_000 }),
        silentLogger(),
      );
      const key = { chat: "chat:fr", thread: "" };
      const first = await talk.ask(key, LIB, "combien de socialistes ont voté contre ?");
      expect(first.result.answer).toContain("10 députés socialistes");
      // "et chez les écologistes ?" asks the count again: the same list answers it, and the
      // sentence about the whole vote (438 voix contre 86) must not take its place.
      const again = await talk.ask(key, LIB, "et chez les écologistes ?");
      expect(again.followUp).toBe(true);
      expect(again.result.answer).toContain("11 écologistes");
      await talk.close();
    } finally {
      await footnote.close();
    }
  });
});

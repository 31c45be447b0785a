/**
 * Chat settings (`/autoread on`) on every backend: defaulted, kept per chat, and still there
 * when the store is opened again (a restart); on Postgres also after the table was dropped.
 * And the question counts of one library, which `footnote stats --library` reads.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openConversationStore } from "../../src/conversation/index.ts";
import { settingsFromRows } from "../../src/conversation/chat-settings.ts";
import type { ConversationStore } from "../../src/conversation/types.ts";
import type { FootnoteService } from "../../src/footnote.ts";
import { BACKENDS, storageOf, useBackend } from "../helpers/backends.ts";
import { testFootnote } from "../helpers/footnote.ts";

describe.each(BACKENDS)("chat settings on the %s backend", (kind) => {
  const backend = useBackend(kind);
  const open: Array<{ footnote: FootnoteService; store: ConversationStore }> = [];

  afterEach(async () => {
    for (const { footnote, store } of open.splice(0)) {
      await store.close();
      await footnote.close();
    }
  });

  /** A store on the backend; given the settings of one opened before, the same database or folder. */
  async function openStore(env: Record<string, string> = {}) {
    const server = backend.server();
    const { footnote, config } = await testFootnote({
      ...(server ? { DATABASE_URL: server.url } : {}),
      ...env,
    });
    const store = openConversationStore(config, footnote.storage);
    open.push({ footnote, store });
    return { config, store };
  }

  it("defaults autoread to off, keeps it per chat, and keeps it across a restart", async () => {
    const { config, store } = await openStore();
    expect(config.DATABASE_URL !== undefined).toBe(storageOf(kind) === "postgres");
    expect(await store.chatSettings("chat:-100")).toEqual({ autoread: false });
    await store.setChatSetting("chat:-100", "autoread", true);
    await store.setChatSetting("chat:-200", "autoread", true);
    await store.setChatSetting("chat:-200", "autoread", false);
    expect(await store.chatSettings("chat:-100")).toEqual({ autoread: true });
    expect(await store.chatSettings("chat:-200")).toEqual({ autoread: false });
    expect(await store.chatSettings("chat:-300")).toEqual({ autoread: false });

    // Closed and opened again, as after a restart of the bot.
    const first = open.pop()!;
    await first.store.close();
    await first.footnote.close();
    const again = await openStore({ DATA_DIR: config.DATA_DIR });
    expect(await again.store.chatSettings("chat:-100")).toEqual({ autoread: true });
    expect(await again.store.chatSettings("chat:-200")).toEqual({ autoread: false });
  });

  it("counts the questions of every library, or of one (footnote stats --library)", async () => {
    const { store } = await openStore();
    const at = Date.now();
    await store.recordQuestion({ at, libraryId: "work", abstained: false, ms: 10, followUp: false });
    await store.recordQuestion({ at, libraryId: "work", abstained: true, ms: 30, followUp: true });
    await store.recordQuestion({ at, libraryId: "home", abstained: false, ms: 20, followUp: false });
    expect(await store.questionStats(at - 1000)).toMatchObject({ answered: 2, declined: 1, followUps: 1 });
    expect(await store.questionStats(at - 1000, "work")).toMatchObject({
      answered: 1,
      declined: 1,
      followUps: 1,
      p95Ms: 30,
    });
    expect(await store.questionStats(at - 1000, "none")).toMatchObject({
      answered: 0,
      declined: 0,
      p50Ms: null,
    });
  });

  // Only a Postgres database can lose the table under a running store (the embedded one owns its file).
  if (storageOf(kind) === "postgres")
    it("makes its table again if it has gone", async () => {
      const { store } = await openStore();
      await store.setChatSetting("chat:-1", "autoread", true);
      await backend.server()!.reset();
      expect(await store.chatSettings("chat:-1")).toEqual({ autoread: false });
      await store.setChatSetting("chat:-1", "autoread", true);
      expect(await store.chatSettings("chat:-1")).toEqual({ autoread: true });
    });
});

it("skips settings it does not know and values of the wrong type", () => {
  expect(
    settingsFromRows([
      { name: "autoread", value: '"yes"' },
      { name: "colour", value: '"blue"' },
    ]),
  ).toEqual({ autoread: false });
  expect(settingsFromRows([{ name: "autoread", value: "not json" }])).toEqual({ autoread: false });
  expect(settingsFromRows([{ name: "autoread", value: "true" }])).toEqual({ autoread: true });
});

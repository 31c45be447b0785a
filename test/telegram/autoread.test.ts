/**
 * `/autoread on|off` and the links a group then posts, through bot.handleUpdate with the
 * recording API (harness.ts). The end-to-end run with the real process is in autoread-e2e.test.ts.
 */
import { describe, expect, it } from "vitest";
import { linksIn, sameLinkKey } from "../../src/telegram/features/autoread.ts";
import { FootnoteError } from "../../src/errors.ts";
import { buildUserMessage } from "../helpers/fake-bot-api.ts";
import { botInfo, makeTestBot, OWNER } from "./harness.ts";

const GROUP = -1001;
const MEMBER = 43;
const PAGE = {
  title: "Harbour reopens",
  text: "The old harbour of Portwick reopened on Monday after repairs.",
};

type Status = "creator" | "administrator" | "member";

/** A bot whose Telegram says who is a group admin, and whether privacy mode is on. */
function groupBot(
  opts: {
    env?: Record<string, string>;
    admins?: number[];
    privacy?: boolean;
    botStatus?: Status;
    reactionError?: boolean;
  } = {},
) {
  const admins = new Set(opts.admins ?? [OWNER]);
  return makeTestBot({
    env: { ALLOWED_USER_IDS: `${OWNER},${MEMBER}`, ...opts.env },
    respond: (method, payload) => {
      if (method === "getMe")
        return { ok: true, result: { ...botInfo, can_read_all_group_messages: !(opts.privacy ?? false) } };
      if (method === "getChatMember") {
        const userId = Number(payload.user_id);
        const status: Status =
          userId === botInfo.id
            ? (opts.botStatus ?? "member")
            : admins.has(userId)
              ? "administrator"
              : "member";
        return { ok: true, result: { status, user: { id: userId, is_bot: false, first_name: "U" } } };
      }
      if (method === "setMessageReaction" && opts.reactionError)
        return { ok: false, error_code: 400, description: "Bad Request: REACTION_INVALID" };
      return undefined;
    },
  });
}

const reactions = (h: ReturnType<typeof makeTestBot>) =>
  h.callsOf("setMessageReaction").map((c) => ({
    messageId: c.payload.message_id,
    emoji: (c.payload.reaction as Array<{ emoji: string }>)[0]?.emoji,
  }));

describe("/autoread", () => {
  it("is switched on by a group admin, confirmed with a reaction and no message; links are then read", async () => {
    const h = groupBot();
    h.footnote.pages.set("https://news.example.org/harbour", PAGE);
    const command = await h.send({ chatId: GROUP, text: "/autoread on" });
    expect(h.to(GROUP)).toEqual([]);
    expect(reactions(h)).toEqual([{ messageId: command.message_id, emoji: "👌" }]);

    const post = await h.send({
      chatId: GROUP,
      userId: MEMBER,
      text: "Have you seen https://news.example.org/harbour",
    });
    expect(await h.footnote.list(`chat:${GROUP}`)).toMatchObject([{ title: "Harbour reopens" }]);
    // Read quietly: a reaction on the post, no message in the group.
    expect(h.to(GROUP)).toEqual([]);
    expect(reactions(h).at(-1)).toEqual({ messageId: post.message_id, emoji: "✍" });
  });

  it("is off by default, and /autoread off stops it", async () => {
    const h = groupBot();
    h.footnote.pages.set("https://news.example.org/harbour", PAGE);
    await h.send({ chatId: GROUP, text: "news.example.org/harbour" });
    expect(h.footnote.calls).toEqual([]);
    await h.send({ chatId: GROUP, text: "/autoread on" });
    await h.send({ chatId: GROUP, text: "/autoread off" });
    await h.send({ chatId: GROUP, text: "news.example.org/harbour" });
    expect(h.footnote.calls).toEqual([]);
    expect(h.to(GROUP)).toEqual([]);
    expect(reactions(h).map((r) => r.emoji)).toEqual(["👌", "👌"]);
  });

  it("keeps the setting per chat, and says which it is", async () => {
    const h = groupBot();
    await h.send({ chatId: GROUP, text: "/autoread on" });
    await h.send({ chatId: -2002, text: "/autoread off" });
    await h.send({ chatId: GROUP, text: "/autoread" });
    await h.send({ chatId: -2002, text: "/autoread" });
    expect(h.to(GROUP).at(-1)!.plain).toMatch(/^Autoread is on here/);
    expect(h.to(-2002).at(-1)!.plain).toMatch(/^Autoread is off here\. With \/autoread on/);
  });

  it("refuses members who are not admins, and everyone when INGEST=admins unless a bot admin", async () => {
    const h = groupBot();
    await h.send({ chatId: GROUP, userId: MEMBER, text: "/autoread on" });
    expect(h.to(GROUP).map((m) => m.plain)).toEqual([
      "Only the group's admins can switch autoread on or off.",
    ]);
    await h.send({ chatId: GROUP, text: "/autoread" });
    expect(h.to(GROUP).at(-1)!.plain).toMatch(/^Autoread is off here/);

    const strict = groupBot({ env: { INGEST: "admins", ADMIN_USER_IDS: "7" } });
    await strict.send({ chatId: GROUP, text: "/autoread on" });
    expect(strict.to(GROUP).at(-1)!.plain).toBe("Only the group's admins can switch autoread on or off.");
    await strict.send({ chatId: GROUP, userId: 7, text: "/autoread on" });
    expect(reactions(strict)).toHaveLength(1);
  });

  it("says how to turn privacy mode off in BotFather when Telegram hides the group's messages", async () => {
    const h = groupBot({ privacy: true });
    await h.send({ chatId: GROUP, text: "/autoread on" });
    const [reply] = h.to(GROUP).map((m) => m.plain);
    expect(reply).toContain("privacy mode");
    expect(reply).toContain(`/setprivacy, choose @${botInfo.username} and pick Disable`);
    expect(reply).toContain("remove me from this group and add me again");
    expect(reactions(h)).toEqual([]);
    // Still on: the links it does see are read.
    await h.send({ chatId: GROUP, text: "/autoread" });
    expect(h.to(GROUP).at(-1)!.plain).toMatch(/^Autoread is on here/);

    // A bot that is a group admin sees every message, whatever the mode.
    const admin = groupBot({ privacy: true, botStatus: "administrator" });
    await admin.send({ chatId: GROUP, text: "/autoread on" });
    expect(admin.to(GROUP)).toEqual([]);
    expect(reactions(admin)).toHaveLength(1);
  });

  it("answers in a line when the group refuses reactions, and explains itself in private chats", async () => {
    const h = groupBot({ reactionError: true });
    await h.send({ chatId: GROUP, text: "/autoread on" });
    expect(h.to(GROUP).map((m) => m.plain)).toEqual([
      "Autoread is on: I'll read every link posted in this group. /autoread off stops it.",
    ]);
    expect(h.logs.join("")).toContain("REACTION_INVALID");
    await h.send({ text: "/autoread on" });
    expect(h.to(OWNER).map((m) => m.plain)).toEqual([
      "Autoread is for groups: here in our chat I read every link you send me anyway.",
    ]);
  });

  it("speaks the admin's language", async () => {
    const h = groupBot({ privacy: true });
    await h.send({ chatId: GROUP, text: "/autoread on", languageCode: "ru" });
    expect(h.to(GROUP)[0]!.plain).toMatch(/^Авточтение включено, но режим приватности/);
  });
});

describe("links read in a group with autoread on", () => {
  async function withAutoread(opts: Parameters<typeof groupBot>[0] = {}) {
    const h = groupBot(opts);
    await h.send({ chatId: GROUP, text: "/autoread on" });
    h.calls.length = 0;
    h.logs.length = 0;
    return h;
  }

  it("does not read a link the chat already has", async () => {
    const h = await withAutoread();
    h.footnote.pages.set("https://news.example.org/harbour", PAGE);
    await h.send({ chatId: GROUP, text: "https://news.example.org/harbour" });
    await h.send({ chatId: GROUP, text: "again: http://www.news.example.org/harbour/ !" });
    expect(h.footnote.calls.filter((c) => c.method === "ingest")).toHaveLength(1);
    expect(h.to(GROUP)).toEqual([]);
  });

  it("knows a link posted again whose page is stored under another address, or with tracking parameters", async () => {
    const h = await withAutoread();
    // The page says its canonical address is another one (as AMP and share links do).
    h.footnote.pages.set("https://news.example.org/harbour", PAGE);
    const read = h.footnote.ingest.bind(h.footnote);
    h.footnote.ingest = (libraryId, _source, opts) =>
      read(libraryId, { kind: "url", url: "https://news.example.org/harbour" }, opts);
    await h.send({ chatId: GROUP, text: "https://amp.example.org/harbour.amp" });
    await h.send({ chatId: GROUP, userId: MEMBER, text: "https://amp.example.org/harbour.amp" });
    await h.send({ chatId: GROUP, text: "https://news.example.org/harbour?utm_source=tg&utm_medium=share" });
    expect(h.footnote.calls.filter((c) => c.method === "ingest")).toHaveLength(1);
  });

  it("skips a link that fails with one log line and nothing said to the group", async () => {
    const h = await withAutoread();
    h.footnote.beforeIngest = async () => {
      throw new FootnoteError(
        "URL_REFUSED",
        "I won't fetch 127.0.0.1: it is a loopback (this machine) address",
      );
    };
    await h.send({ chatId: GROUP, text: "look 127.0.0.1:8000/x.html" });
    expect(h.footnote.calls.at(-1)).toMatchObject({
      method: "ingest",
      arg: { kind: "url", url: "http://127.0.0.1:8000/x.html" },
    });
    expect(h.to(GROUP)).toEqual([]);
    expect(h.callsOf("setMessageReaction")).toEqual([]);
    const lines = h.logs.filter((l) => l.includes("autoread"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("could not read a link; skipped");
    expect(lines[0]).toContain("URL_REFUSED");
  });

  it("says nothing to the group when the chat's articles cannot even be listed", async () => {
    const h = await withAutoread();
    h.footnote.list = async () => {
      throw new Error("the store is gone");
    };
    await h.send({ chatId: GROUP, text: "https://news.example.org/harbour" });
    expect(h.to(GROUP)).toEqual([]);
    expect(h.logs.filter((l) => l.includes("autoread failed"))).toHaveLength(1);
  });

  it("keeps to the chat's ingest rate limit, skipping the rest without a word", async () => {
    const h = await withAutoread({ env: { RATE_LIMIT_INGESTS_PER_MINUTE: "2" } });
    for (const n of [1, 2, 3])
      h.footnote.pages.set(`https://example.org/${n}`, { ...PAGE, text: `${PAGE.text} ${n}` });
    await h.send({ chatId: GROUP, userId: MEMBER, text: "https://example.org/1" });
    await h.send({ chatId: GROUP, text: "https://example.org/2" });
    await h.send({ chatId: GROUP, userId: MEMBER, text: "https://example.org/3" });
    expect(h.footnote.calls.filter((c) => c.method === "ingest")).toHaveLength(2);
    expect(h.to(GROUP)).toEqual([]);
    expect(h.logs.join("")).toContain("over the ingest rate limit");
  });

  it("leaves commands, mentions, replies to the bot and other chats alone", async () => {
    const h = await withAutoread();
    h.footnote.pages.set("https://news.example.org/harbour", PAGE);
    await h.send({ chatId: GROUP, text: "/ingest@other_bot https://news.example.org/harbour" });
    await h.send({ chatId: -2002, text: "https://news.example.org/harbour" });
    await h.send({ chatId: GROUP, text: "nothing to read here, just talk" });
    expect(h.footnote.calls).toEqual([]);
    await h.send({ chatId: GROUP, text: `@${botInfo.username} what is news.example.org/harbour about?` });
    expect(h.footnote.calls.map((c) => c.method)).toEqual(["ask"]);
  });

  it("reads only what the sender may add when INGEST=admins", async () => {
    const h = await withAutoread({ env: { INGEST: "admins", ADMIN_USER_IDS: String(OWNER) } });
    h.footnote.pages.set("https://news.example.org/harbour", PAGE);
    await h.send({ chatId: GROUP, userId: MEMBER, text: "https://news.example.org/harbour" });
    expect(h.footnote.calls).toEqual([]);
    await h.send({ chatId: GROUP, text: "https://news.example.org/harbour" });
    expect(h.footnote.calls.map((c) => c.method)).toEqual(["ingest"]);
  });
});

describe("linksIn", () => {
  it("takes Telegram's link entities and links typed without a scheme, once each, not t.me posts", () => {
    const msg = buildUserMessage(
      {
        chatId: GROUP,
        userId: OWNER,
        text: "see https://a.example/x and www.a.example/x/ and t.me/channel/5 and localhost:3000/y",
      },
      1,
    );
    expect(linksIn(msg)).toEqual(["https://a.example/x", "http://localhost:3000/y"]);
    expect(sameLinkKey("http://WWW.Example.org/a/#top")).toBe(sameLinkKey("https://example.org/a"));
  });
});

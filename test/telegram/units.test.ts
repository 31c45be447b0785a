import { describe, expect, it } from "vitest";
import { canChangeLibrary, isAllowed, nobodyAllowed } from "../../src/telegram/access.ts";
import { Inflight } from "../../src/telegram/inflight.ts";
import { libraryIdFor } from "../../src/telegram/library-id.ts";
import { translator } from "../../src/telegram/i18n.ts";
import { messages } from "../../src/telegram/messages.ts";
import { SlidingWindowLimiter } from "../../src/replicas/sliding-window.ts";
import { firstLink } from "../../src/telegram/features/ingest.ts";

describe("SlidingWindowLimiter", () => {
  it("allows `limit` events in any window, per key, and says when the next is allowed", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(2, 60_000, () => now);
    expect(limiter.take(1).ok).toBe(true);
    now = 10_000;
    expect(limiter.take(1).ok).toBe(true);
    expect(limiter.take(2).ok).toBe(true);
    now = 30_000;
    expect(limiter.take(1)).toEqual({ ok: false, retryAfterMs: 30_000 });
    now = 60_001;
    expect(limiter.take(1).ok).toBe(true);
    expect(limiter.take(1)).toEqual({ ok: false, retryAfterMs: 9_999 });
  });

  it("words the wait", () => {
    const wait = (ms: number) =>
      messages(translator("en"))
        .askTooFast(5, ms)
        .replace(/.* in /, "");
    expect(wait(200)).toBe("1 s.");
    expect(wait(59_500)).toBe("60 s.");
    expect(wait(150_000)).toBe("3 min.");
  });
});

describe("access", () => {
  const base = {
    ALLOWED_USER_IDS: [] as number[] | "*",
    ALLOWED_CHAT_IDS: [] as number[] | "*",
    ADMIN_USER_IDS: [] as number[] | "*",
    INGEST: "everyone" as const,
  };
  it("lets in allowed users or chats, and admins", () => {
    const c = { ...base, ALLOWED_USER_IDS: [1], ALLOWED_CHAT_IDS: [-5], ADMIN_USER_IDS: [9] };
    expect(isAllowed(c, 1, 100)).toBe(true);
    expect(isAllowed(c, 2, -5)).toBe(true);
    expect(isAllowed(c, 9, 9)).toBe(true);
    expect(isAllowed(c, 2, 2)).toBe(false);
    expect(isAllowed(c, undefined, undefined)).toBe(false);
    expect(isAllowed({ ...base, ALLOWED_USER_IDS: "*" }, 2, 2)).toBe(true);
    expect(nobodyAllowed(base)).toBe(true);
    expect(nobodyAllowed(c)).toBe(false);
  });

  it("restricts library changes to admins when INGEST=admins", () => {
    const c = { ...base, ADMIN_USER_IDS: [9], INGEST: "admins" as const };
    expect(canChangeLibrary(c, 9)).toBe(true);
    expect(canChangeLibrary(c, 1)).toBe(false);
    expect(canChangeLibrary(base, 1)).toBe(true);
  });
});

it("gives each chat its own library unless shared", () => {
  expect(libraryIdFor({ LIBRARY_SCOPE: "chat" }, -100123)).toBe("chat:-100123");
  expect(libraryIdFor({ LIBRARY_SCOPE: "shared" }, 5)).toBe("shared");
});

it("finds a message's article link, preferring one away from Telegram", () => {
  const text = "New post example.org/a see t.me/x";
  expect(firstLink(text, [{ type: "url", offset: 9, length: 13 }])).toBe("https://example.org/a");
  expect(
    firstLink("x", [
      { type: "text_link", offset: 0, length: 1, url: "https://t.me/c/1" },
      { type: "text_link", offset: 0, length: 1, url: "http://e.com/" },
    ]),
  ).toBe("http://e.com/");
  expect(
    firstLink("x", [{ type: "text_link", offset: 0, length: 1, url: "tg://user?id=1" }]),
  ).toBeUndefined();
});

it("waits for updates in flight, up to a timeout", async () => {
  const inflight = new Inflight();
  let release!: () => void;
  const running = inflight.middleware({} as never, () => new Promise<void>((r) => (release = r)));
  expect(inflight.size).toBe(1);
  expect(await inflight.idle(20)).toBe(false);
  const idle = inflight.idle(1000);
  release();
  await running;
  expect(await idle).toBe(true);
});

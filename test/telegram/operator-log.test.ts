/** What the operator reads when a Telegram call fails: Telegram's own words, in one line. */
import { describe, expect, it } from "vitest";
import { makeTestBot, OWNER } from "./harness.ts";

describe("the operator's log", () => {
  it("names Telegram's own error text and code when a call in a handler fails", async () => {
    const h = makeTestBot({
      respond: (method) =>
        method === "sendMessage"
          ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }
          : undefined,
    });
    await h.send({ text: "/help" });
    const failed = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === "handler failed");
    expect(failed).toMatchObject({
      code: 403,
      reason: "Forbidden: bot was blocked by the user",
      method: "sendMessage",
      chatId: OWNER,
    });
  });
});

import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";

describe("loadConfig", () => {
  it("runs offline on the built-in defaults with no settings at all", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      DATA_DIR: "./data",
      EMBEDDINGS_PROVIDER: "local",
      ANSWERER: "extractive",
      EMBEDDINGS_MODEL: "footnote-hash-v1",
    });
  });

  it("switches to OpenAI with a key, or a local server with a base URL", () => {
    expect(loadConfig({ OPENAI_API_KEY: "sk-x" })).toMatchObject({
      EMBEDDINGS_PROVIDER: "openai",
      ANSWERER: "chat",
      EMBEDDINGS_MODEL: "text-embedding-3-small",
    });
    expect(
      loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", EMBEDDINGS_PROVIDER: "local" }),
    ).toMatchObject({ EMBEDDINGS_PROVIDER: "local", ANSWERER: "chat" });
  });

  it("names every bad setting, and never echoes a secret", () => {
    const err = (() => {
      try {
        loadConfig({
          OPENAI_BASE_URL: "nope",
          ALLOWED_USER_IDS: "12,abc",
          TELEGRAM_BOT_TOKEN: "not-a-token-secret",
        });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toMatch(/OPENAI_BASE_URL/);
    expect(err?.message).toMatch(/ALLOWED_USER_IDS: "abc" is not a numeric Telegram id/);
    expect(err?.message).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(err?.message).not.toContain("not-a-token-secret");
  });

  it("refuses combinations that cannot work, saying what to set", () => {
    expect(() => loadConfig({ ANSWERER: "chat" })).toThrow(/OPENAI_API_KEY/);
    expect(() => loadConfig({ WEBHOOK_URL: "https://bot.example.org/hook" })).toThrow(/WEBHOOK_SECRET/);
    expect(() => loadConfig({ OPENAI_BASE_URL: "http://user:pw@127.0.0.1:8000/v1" })).toThrow(
      /must not hold a user name/,
    );
  });

  it("reads comma lists of ids and * for everyone; empty values count as unset", () => {
    expect(loadConfig({ ALLOWED_USER_IDS: " 1, -1002 ", ADMIN_USER_IDS: "*", DATA_DIR: "  " })).toMatchObject(
      { ALLOWED_USER_IDS: [1, -1002], ADMIN_USER_IDS: "*", DATA_DIR: "./data" },
    );
  });
});

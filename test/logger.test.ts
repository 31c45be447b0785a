import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger, redactSecrets } from "../src/logger.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const KEY = "sk-test-0123456789abcdef";

function capture() {
  const lines: string[] = [];
  const logger = createLogger(
    { LOG_LEVEL: "debug", TELEGRAM_BOT_TOKEN: TOKEN, OPENAI_API_KEY: KEY, WEBHOOK_SECRET: undefined },
    new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
  );
  return { logger, text: () => lines.join("") };
}

describe("logger", () => {
  it("never writes the bot token or the API key, in any form or position", () => {
    const { logger, text } = capture();
    const url = `https://api.telegram.org/bot${TOKEN}/getMe`;
    logger.info(
      { url, config: { OPENAI_API_KEY: KEY }, nested: { a: { b: { c: { d: { e: { f: KEY } } } } } } },
      `calling ${url}`,
    );
    logger.error(
      new Error(`failed: ${encodeURIComponent(TOKEN)} and ${TOKEN.split(":")[1]} with Bearer ${KEY}`),
    );
    logger.warn({ err: new Error(`at ${url}`), headers: { authorization: `Bearer ${KEY}` } }, "boom");
    const out = text();
    expect(out).toContain("[redacted]");
    for (const secret of [TOKEN, KEY, TOKEN.split(":")[1]!, encodeURIComponent(TOKEN)])
      expect(out).not.toContain(secret);
    // The message is kept, only the secret is gone.
    expect(out).toContain("failed:");
  });

  it("redacts token-shaped strings it was not told about", () => {
    expect(redactSecrets("bot987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/x and sk-abcdefghijkl")).toBe(
      "bot[redacted]/x and [redacted]",
    );
  });
});

describe("log format", () => {
  const write = (format: "pretty" | "json") => {
    const lines: string[] = [];
    const logger = createLogger(
      { LOG_LEVEL: "info", LOG_FORMAT: format, TELEGRAM_BOT_TOKEN: TOKEN },
      new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
    );
    logger.info({ chatId: 5, ms: 12 }, `question answered ${TOKEN}`);
    logger.flush();
    return lines.join("");
  };

  it("is one readable line per event when pretty, secrets still redacted", () => {
    const out = write("pretty");
    expect(out).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: question answered \[redacted\] \{"chatId":5,"ms":12\}\n$/);
  });

  it("is a JSON line otherwise", () => {
    const line = JSON.parse(write("json")) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: "question answered [redacted]", chatId: 5 });
  });
});

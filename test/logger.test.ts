import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger, redactSecrets } from "../src/logger.ts";
import { PostgresStorage } from "../src/library/postgres/storage.ts";

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

describe("a database password", () => {
  // Percent-encoded in the URL ("p@ss/w:rd#1"); the driver and its errors see it decoded.
  const PASSWORD = "p@ss/w:rd#1-Xq";
  const URL_ = `postgres://footnote:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/footnote?sslmode=disable`;
  const forms = [PASSWORD, encodeURIComponent(PASSWORD)];

  const capture = () => {
    const lines: string[] = [];
    const logger = createLogger(
      { LOG_LEVEL: "debug", LOG_FORMAT: "json", DATABASE_URL: URL_ },
      new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
    );
    return { logger, text: () => lines.join("") };
  };

  it("never reaches a log line: in messages, fields, errors and their causes", () => {
    const { logger, text } = capture();
    logger.info({ config: { DATABASE_URL: URL_ }, url: URL_ }, `connecting to ${URL_}`);
    // A driver error echoing the connection string, and the password alone, wrapped in ours.
    const driver = new Error(`could not connect: ${URL_} (password ${PASSWORD} refused)`);
    logger.error(new Error("Could not open the database", { cause: driver }));
    logger.warn({ err: driver, connectionString: URL_, pool: { password: PASSWORD } }, "pool error");
    const out = text();
    for (const form of forms) expect(out).not.toContain(form);
    expect(out).toContain("[redacted]");
    // Where it was going is kept: the host and the database, for whoever reads the log.
    expect(out).toContain("127.0.0.1:1/footnote");
  });

  it("is taken out of any postgres URL, not only DATABASE_URL's (migrate --to), and of password=", () => {
    expect(redactSecrets("copying to postgres://admin:hunter2@db.example.org:5432/x failed")).toBe(
      "copying to postgres://admin:[redacted]@db.example.org:5432/x failed",
    );
    expect(redactSecrets("host=db user=admin password=hunter2 dbname=x")).toBe(
      "host=db user=admin password=[redacted] dbname=x",
    );
    expect(redactSecrets("see https://example.org:8080/a@b")).toBe("see https://example.org:8080/a@b");
  });

  it("is not in the log when the real driver fails to connect", async () => {
    const { logger, text } = capture();
    for (const url of [URL_, URL_.replace("127.0.0.1:1", "127.0.0.1:99999")]) {
      const failed = await PostgresStorage.connect({
        url,
        identity: () => ({ provider: "local", model: "m", dimensions: 8 }),
        poolSize: 1,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(Error);
      logger.error({ err: failed }, "command failed");
    }
    const out = text();
    expect(out).toContain("Could not open the database");
    for (const form of forms) expect(out).not.toContain(form);
  });
});

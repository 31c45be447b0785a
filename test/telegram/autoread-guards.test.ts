/**
 * Autoread through the real ingest (not the fake): the fetcher's address check and size limit
 * hold for links nobody asked the bot to read, and each refusal is one log line, nothing said.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import { testFootnote } from "../helpers/footnote.ts";
import { botInfo, makeTestBot, OWNER } from "./harness.ts";

const GROUP = -1001;

let site: TestServer;
beforeAll(async () => {
  site = await startServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    if (req.url === "/big.txt") res.end("The harbour of Portwick. ".repeat(2000));
    else res.end("The harbour of Portwick reopened on Monday after two years of repairs, the council said.");
  });
});
afterAll(async () => {
  await site.close();
});

async function groupWithAutoread(env: Record<string, string>) {
  const { footnote } = await testFootnote(env);
  const h = makeTestBot({
    footnote,
    respond: (method, payload) => {
      if (method === "getMe") return { ok: true, result: { ...botInfo, can_read_all_group_messages: true } };
      if (method === "getChatMember")
        return { ok: true, result: { status: "administrator", user: { id: Number(payload.user_id) } } };
      return undefined;
    },
  });
  await h.send({ chatId: GROUP, userId: OWNER, text: "/autoread on" });
  h.logs.length = 0;
  return { h, footnote };
}

const lines = (logs: string[], msg: string) =>
  logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);

describe("autoread with the real ingest", () => {
  it("refuses a private address unless ALLOW_PRIVATE_URLS, without fetching it or saying a word", async () => {
    const { h, footnote } = await groupWithAutoread({ ALLOW_PRIVATE_URLS: "false" });
    await h.send({ chatId: GROUP, text: `look: 127.0.0.1:${site.port}/a.txt` });
    expect(site.requests).toBe(0);
    expect(h.to(GROUP)).toEqual([]);
    expect(lines(h.logs, "autoread: could not read a link; skipped")).toMatchObject([
      { code: "URL_REFUSED" },
    ]);
    expect(await footnote.list(`chat:${GROUP}`)).toEqual([]);
    await footnote.close();
  });

  it("keeps to MAX_FETCH_BYTES, and reads what is within it", async () => {
    const { h, footnote } = await groupWithAutoread({ ALLOW_PRIVATE_URLS: "true", MAX_FETCH_BYTES: "4096" });
    await h.send({ chatId: GROUP, text: `${site.url}/big.txt` });
    expect(lines(h.logs, "autoread: could not read a link; skipped")).toMatchObject([{ code: "TOO_LARGE" }]);
    await h.send({ chatId: GROUP, text: `${site.url}/small.txt` });
    expect(await footnote.list(`chat:${GROUP}`)).toHaveLength(1);
    expect(h.to(GROUP)).toEqual([]);
    expect(h.callsOf("setMessageReaction")).toHaveLength(2);
    await footnote.close();
  });
});

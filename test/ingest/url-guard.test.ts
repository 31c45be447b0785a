import { Agent, buildConnector, fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFootnoteError } from "../../src/errors.ts";
import { guardedLookup, parseUserUrl, refusedRange } from "../../src/ingest/url-guard.ts";
import { startServer, type TestServer } from "../helpers/http-server.ts";

describe("refusedRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.10", "private"],
    ["100.64.0.1", "carrierGradeNat"],
    ["169.254.169.254", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.251", "multicast"],
    ["192.0.2.1", "reserved"],
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["fe80::1", "linkLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b::a00:1", "private"],
    ["64:ff9b:1::a00:1", "nat64LocalUse"],
    ["2001:db8::1", "reserved"],
    ["[::1]", "loopback"],
  ])("%s is refused (%s)", (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
  ])("%s is allowed", (address) => {
    expect(refusedRange(address)).toBeUndefined();
  });

  it("refuses what does not parse", () => {
    expect(refusedRange("not-an-ip")).toBe("invalid");
  });
});

describe("parseUserUrl", () => {
  it("accepts http and https links", () => {
    expect(parseUserUrl("  https://example.com/a?b=c  ").href).toBe("https://example.com/a?b=c");
    expect(parseUserUrl("http://example.com").href).toBe("http://example.com/");
  });

  it.each([
    "",
    "example.com",
    "https://",
    "ftp://example.com",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "https://u:p@example.com/",
    "https://u@example.com/",
  ])("refuses %j with an example of a good link", (raw) => {
    try {
      parseUserUrl(raw);
      expect.unreachable();
    } catch (error) {
      expect(isFootnoteError(error, "BAD_INPUT")).toBe(true);
      expect((error as Error).message).toContain("https://example.com/news/some-article");
    }
  });
});

describe("guardedLookup (the check on the address actually connected to)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => res.end("hello"));
  });
  afterAll(() => server.close());

  const viaLookup = async (refused?: (address: string) => string | undefined) => {
    const agent = new Agent({
      connect: buildConnector({ lookup: guardedLookup(refused) }),
    });
    try {
      const response = await fetch(`http://localhost:${server.port}/`, { dispatcher: agent });
      return await response.text();
    } finally {
      await agent.destroy();
    }
  };

  it("connects to the resolved address when it is allowed", async () => {
    const before = server.requests;
    expect(await viaLookup(() => undefined)).toBe("hello");
    expect(server.requests).toBe(before + 1);
  });

  it("refuses before connecting when a resolved address is private", async () => {
    const before = server.requests;
    const error = await viaLookup().catch((e: unknown) => e);
    expect(isFootnoteError((error as Error).cause, "URL_REFUSED")).toBe(true);
    expect(server.requests).toBe(before);
  });
});

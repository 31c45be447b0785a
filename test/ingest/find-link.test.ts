/** A host with a port, typed without a scheme, is a link in the bot and the CLI alike. */
import { describe, expect, it } from "vitest";
import { findLinks, onlyLink } from "../../src/ingest/find-link.ts";
import { classifyMessage } from "../../src/conversation/message-kind.ts";

const urls = (text: string) => findLinks(text).map((l) => l.url);

describe("a host with a port and no scheme", () => {
  it("is a link: an IPv4 address, localhost, a bracketed IPv6 address or a dotted name", () => {
    expect(onlyLink("127.0.0.1:8000/x.html")).toBe("http://127.0.0.1:8000/x.html");
    expect(onlyLink("localhost:3000")).toBe("http://localhost:3000");
    expect(onlyLink("[::1]:8080/a?b=1")).toBe("http://[::1]:8080/a?b=1");
    expect(onlyLink("example.com:8080/news/1")).toBe("http://example.com:8080/news/1");
    expect(urls("see 192.168.1.20:8000/report.html, then ask")).toEqual([
      "http://192.168.1.20:8000/report.html",
    ]);
    expect(urls("(localhost:3000/a).")).toEqual(["http://localhost:3000/a"]);
  });

  it("keeps links with a scheme as they are, and finds both kinds in order", () => {
    expect(urls("https://example.com:8443/a and 10.0.0.2:81/b")).toEqual([
      "https://example.com:8443/a",
      "http://10.0.0.2:81/b",
    ]);
  });

  it("is not a time, a ratio, an e-mail address or a port out of range", () => {
    for (const text of [
      "at 12:30 we met",
      "a ratio of 16:9",
      "me@host.com:22",
      "example.com:99999/x",
      "v1.2:3",
    ])
      expect(urls(text), text).toEqual([]);
  });

  it("makes a private chat read the message as a link, not a question", () => {
    expect(classifyMessage("127.0.0.1:8000/x.html", 500)).toEqual({
      kind: "link",
      url: "http://127.0.0.1:8000/x.html",
    });
  });
});

import { once } from "node:events";
import { readFileSync } from "node:fs";
import type http from "node:http";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Env } from "../../src/config.ts";
import { fetchUrl, USER_AGENT } from "../../src/ingest/fetch.ts";
import { readSource } from "../../src/ingest/read-source.ts";
import { makePdf } from "../fixtures/ingest/make-pdf.ts";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import { failure } from "../helpers/failure.ts";

const cfg = (env: Env = {}) => loadConfig({ ALLOW_PRIVATE_URLS: "true", ...env });
const config = cfg();

const PLAIN =
  "Octopuses have three hearts. Two pump blood through the gills, and the third pumps it through the rest of the body.";
const ARTICLE_HTML = readFileSync(new URL("../fixtures/ingest/article.html", import.meta.url));

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes = new Map<string, Route>();
let server: TestServer;
const seen: http.IncomingMessage[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    seen.push(req);
    const route = routes.get(new URL(req.url ?? "/", "http://x").pathname);
    if (route) return route(req, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("no such page");
  });
});
afterAll(() => server.close());
afterEach(() => {
  routes.clear();
  seen.length = 0;
});

const at = (path: string) => `${server.url}${path}`;
const text =
  (body: string | Buffer, type = "text/plain; charset=utf-8"): Route =>
  (_req, res) => {
    res.writeHead(200, type ? { "content-type": type } : {}).end(body);
  };
const redirect =
  (to: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location: to }).end();
  };

describe("fetching a page", () => {
  it("reads a real article page and leaves the furniture behind", async () => {
    routes.set("/science/ocean", text(ARTICLE_HTML, "text/html; charset=utf-8"));
    const article = await readSource({ kind: "url", url: at("/science/ocean?utm_source=x") }, { config });
    expect(article.source).toBe("url");
    expect(article.title).toBe("Ocean currents are slowing, study finds");
    expect(article.byline).toBe("Maria Keller");
    expect(article.publishedAt).toBe("2024-03-05T09:30:00.000Z");
    expect(article.url).toBe(at("/science/2024/03/ocean-currents-slowing"));
    expect(article.text).toContain("has weakened by about 15 percent since the middle of the last century");
    expect(article.text).toContain(
      '"We are not talking about a sudden collapse next year," said Dr Lena Okafor',
    );
    expect(article.text).toContain("\n\nWhy it matters\n\n");
    expect(article.text).toContain("\n\nThe decline accelerated after 1990.\n\n");
    for (const furniture of [
      "cookie",
      "Subscribe for",
      "Glaciers in the Alps",
      "Gulf Stream",
      "All rights reserved",
      "Privacy policy",
      "INJECTED",
      "dataLayer",
      "Sport",
    ]) {
      expect(article.text).not.toContain(furniture);
    }
    expect(article.text).not.toMatch(/\n{3,}|[ \t]\n/);
    expect(seen[0]?.headers["user-agent"]).toBe(USER_AGENT);
  });

  it("uses the final URL when the page names no canonical one", async () => {
    routes.set("/plain", text(PLAIN));
    const article = await readSource({ kind: "url", url: at("/plain") }, { config });
    expect(article).toEqual({
      text: PLAIN,
      title: "Octopuses have three hearts. Two pump blood through…",
      url: at("/plain"),
      source: "url",
    });
  });

  it("sniffs the type when the server sends no Content-Type", async () => {
    routes.set("/untyped-html", (_req, res) => {
      res.removeHeader("content-type");
      res.writeHead(200).end(ARTICLE_HTML);
    });
    const article = await readSource({ kind: "url", url: at("/untyped-html") }, { config });
    expect(article.title).toBe("Ocean currents are slowing, study finds");
    routes.set("/untyped-pdf", (_req, res) =>
      res
        .writeHead(200)
        .end(Buffer.from(makePdf(["Fetched PDF title", "A line of text from a fetched PDF."]))),
    );
    expect((await readSource({ kind: "url", url: at("/untyped-pdf") }, { config })).text).toContain(
      "A line of text from a fetched PDF.",
    );
  });

  it("reads Markdown and PDF served with their types", async () => {
    routes.set(
      "/notes.md",
      text("# Notes\n\nSome **bold** claims about [tides](https://x.example).", "text/markdown"),
    );
    expect(await readSource({ kind: "url", url: at("/notes.md") }, { config })).toMatchObject({
      title: "Notes",
      text: "Notes\n\nSome bold claims about tides.",
    });
    routes.set(
      "/paper",
      text(Buffer.from(makePdf(["Paper", "The result holds."], { title: "A paper" })), "application/pdf"),
    );
    expect(await readSource({ kind: "url", url: at("/paper") }, { config })).toMatchObject({
      title: "A paper",
      url: at("/paper"),
    });
  });
});

describe("charsets", () => {
  it("honours the charset in Content-Type (windows-1251)", async () => {
    const cyrillic = "Москва — столица России. В городе живёт больше двенадцати миллионов человек.";
    const bytes = Buffer.from(new Uint8Array([...cyrillic].map((ch) => win1251(ch))));
    routes.set("/ru", text(bytes, "text/plain; charset=windows-1251"));
    expect((await readSource({ kind: "url", url: at("/ru") }, { config })).text).toBe(cyrillic);
  });

  it("honours <meta charset> when the header has none (iso-8859-1)", async () => {
    const para =
      "<p>Le café de la gare a fermé ses portes après quatre-vingts ans. Les habitués, déçus, se sont réunis une dernière fois autour du comptoir en zinc pour trinquer à sa mémoire.</p>";
    const html = `<!doctype html><html><head><meta charset="iso-8859-1"><title>Fermeture du café</title></head><body><article><h1>Fermeture du café</h1>${para.repeat(3)}</article></body></html>`;
    routes.set("/fr", text(Buffer.from(html, "latin1"), "text/html"));
    const article = await readSource({ kind: "url", url: at("/fr") }, { config });
    expect(article.text).toContain("Le café de la gare a fermé ses portes");
    expect(article.title).toBe("Fermeture du café");
  });
});

describe("a page saved as UTF-8 that keeps its old <meta charset>", () => {
  const page = (meta: string, body: Uint8Array) =>
    Buffer.concat([
      Buffer.from(
        `<!doctype html><html><head><meta charset="${meta}"><title>腾讯新闻</title></head><body><article>`,
      ),
      body,
      Buffer.from("</article></body></html>"),
    ]);
  const para =
    "<p>北京时间今天上午，国家统计局发布了最新的经济数据。数据显示，今年前三个季度国内生产总值同比增长百分之五。</p>";

  it("is read as UTF-8, not through the <meta> charset (gb2312)", async () => {
    routes.set("/saved", text(page("gb2312", Buffer.from(para.repeat(6))), "text/html"));
    const article = await readSource({ kind: "url", url: at("/saved") }, { config });
    expect(article.text).toContain("国家统计局发布了最新的经济数据");
  });

  it("while a page really in gb2312 is still read as gb2312", async () => {
    // 中文新闻 in GB2312: not valid UTF-8, so the <meta> decides.
    const gb = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5]);
    const body = Buffer.concat([
      Buffer.from("<p>"),
      Buffer.from(gb),
      Buffer.from(`, and more words here to make a paragraph. ${"The rest is in English. ".repeat(20)}</p>`),
    ]);
    routes.set("/gb", text(page("gb2312", body), "text/html"));
    expect((await readSource({ kind: "url", url: at("/gb") }, { config })).text).toContain("中文新闻");
  });

  it("and a charset in the HTTP header still wins over the bytes", async () => {
    const cyrillic = "Москва — столица России. В городе живёт больше двенадцати миллионов человек.";
    const bytes = Buffer.from(new Uint8Array([...`${cyrillic} `.repeat(6)].map((ch) => win1251(ch))));
    routes.set(
      "/ru-html",
      text(
        page("utf-8", Buffer.concat([Buffer.from("<p>"), bytes, Buffer.from("</p>")])),
        "text/html; charset=windows-1251",
      ),
    );
    expect((await readSource({ kind: "url", url: at("/ru-html") }, { config })).text).toContain(cyrillic);
  });
});

describe("redirects", () => {
  it("follows a chain of two, re-resolving relative locations", async () => {
    routes.set("/r1", redirect("/r2", 301));
    routes.set("/r2", redirect(at("/final"), 307));
    routes.set("/final", text(PLAIN));
    const page = await fetchUrl(at("/r1"), { config });
    expect(page.url).toBe(at("/final"));
    expect(Buffer.from(page.bytes).toString()).toBe(PLAIN);
  });

  it("follows five hops but not six", async () => {
    for (let i = 1; i <= 6; i++) routes.set(`/hop${i}`, redirect(`/hop${i - 1}`));
    routes.set("/hop0", text(PLAIN));
    expect((await fetchUrl(at("/hop5"), { config })).url).toBe(at("/hop0"));
    seen.length = 0;
    const error = await failure(fetchUrl(at("/hop6"), { config }));
    expect(error.code).toBe("FETCH_FAILED");
    expect(error.message).toMatch(/too many redirects/);
    expect(seen.map((r) => r.url)).not.toContain("/hop0");
  });

  it("stops a redirect loop", async () => {
    routes.set("/loop-a", redirect("/loop-b"));
    routes.set("/loop-b", redirect("/loop-a"));
    const error = await failure(fetchUrl(at("/loop-a"), { config }));
    expect(error.code).toBe("FETCH_FAILED");
    expect(error.message).toMatch(/too many redirects \(a redirect loop\)/);
    expect(seen).toHaveLength(2);
  });

  it("re-checks each hop: no redirects to other schemes or to credentials", async () => {
    routes.set("/to-file", redirect("file:///etc/passwd"));
    expect((await failure(fetchUrl(at("/to-file"), { config }))).code).toBe("URL_REFUSED");
    routes.set("/to-creds", redirect(`http://admin:secret@127.0.0.1:${server.port}/plain`));
    expect((await failure(fetchUrl(at("/to-creds"), { config }))).code).toBe("URL_REFUSED");
  });
});

describe("HTTP errors and types", () => {
  it("explains a 404", async () => {
    const error = await failure(readSource({ kind: "url", url: at("/missing") }, { config }));
    expect(error.code).toBe("FETCH_FAILED");
    expect(error.message).toContain("The page answered 404 Not Found: check the link");
  });

  it("explains a 500", async () => {
    routes.set("/broken", (_req, res) => res.writeHead(500).end("oops"));
    const error = await failure(readSource({ kind: "url", url: at("/broken") }, { config }));
    expect(error.code).toBe("FETCH_FAILED");
    expect(error.message).toContain("500 Internal Server Error");
    expect(error.message).toContain("try again later");
  });

  it("refuses an image before reading it", async () => {
    routes.set("/cat.png", text(Buffer.alloc(1000, 1), "image/png"));
    const error = await failure(readSource({ kind: "url", url: at("/cat.png") }, { config }));
    expect(error.code).toBe("UNSUPPORTED_TYPE");
    expect(error.message).toContain("image/png");
    expect(error.message).toMatch(/HTML.*plain text.*Markdown.*PDF/);
  });

  it("says when a page has no article", async () => {
    const login = `<!doctype html><html><head><title>Sign in</title></head><body>
      <nav><a href="/">Home</a> <a href="/help">Help</a></nav>
      <form action="/login" method="post"><label>Email <input name="email"></label>
      <label>Password <input type="password" name="password"></label><button>Sign in</button></form>
      <footer>© 2024 Example</footer></body></html>`;
    routes.set("/login", text(login, "text/html"));
    const error = await failure(readSource({ kind: "url", url: at("/login") }, { config }));
    expect(error.code).toBe("NO_ARTICLE");
    expect(error.message).toMatch(/^I could not find an article on that page/);
  });
});

describe("time and size limits", () => {
  it("gives up on a server that never answers", async () => {
    routes.set("/slow", () => {}); // never responds
    const started = Date.now();
    const error = await failure(
      readSource({ kind: "url", url: at("/slow") }, { config: cfg({ FETCH_TIMEOUT_MS: "1000" }) }),
    );
    expect(error.code).toBe("FETCH_TIMEOUT");
    expect(error.message).toMatch(/did not send the page within 1 second\./);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("gives up on a body that stalls half-way", async () => {
    routes.set("/stall", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("The beginning of a story");
    });
    const error = await failure(fetchUrl(at("/stall"), { config: cfg({ FETCH_TIMEOUT_MS: "1000" }) }));
    expect(error.code).toBe("FETCH_TIMEOUT");
  });

  it("stops reading a huge body without Content-Length, and closes the connection", async () => {
    let written = 0;
    let closed!: Promise<unknown>;
    let finished = false;
    routes.set("/huge", (_req, res) => {
      closed = once(res, "close");
      res.on("finish", () => (finished = true));
      res.writeHead(200, { "content-type": "text/html" }); // chunked: no Content-Length
      const chunk = Buffer.alloc(64 * 1024, "a");
      const body = Readable.from(
        (function* () {
          for (let i = 0; i < 800; i++) {
            written += chunk.length; // 800 × 64 KB = 50 MB
            yield chunk;
          }
        })(),
      );
      body.pipe(res);
      res.on("close", () => body.destroy());
    });
    const started = Date.now();
    const error = await failure(
      readSource(
        { kind: "url", url: at("/huge") },
        { config: cfg({ MAX_FETCH_BYTES: String(1024 * 1024) }) },
      ),
    );
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain("1 MB");
    await closed;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(finished).toBe(false); // the client hung up; the server never got to the end
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    routes.set("/declared", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(5 * 1024 * 1024) });
      res.write("x");
    });
    const error = await failure(fetchUrl(at("/declared"), { config: cfg({ MAX_FETCH_BYTES: "2048" }) }));
    expect(error.code).toBe("TOO_LARGE");
  });

  it("passes on the caller's abort", async () => {
    routes.set("/slow", () => {});
    const controller = new AbortController();
    const pending = fetchUrl(at("/slow"), { config, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(pending).rejects.toThrow("user cancelled");
  });
});

describe("links that are refused before anything is sent", () => {
  it.each([
    ["not a link", "BAD_INPUT"],
    ["example.com/article", "BAD_INPUT"],
    ["file:///etc/passwd", "BAD_INPUT"],
    ["ftp://ftp.example.com/file.txt", "BAD_INPUT"],
    ["javascript:alert(1)", "BAD_INPUT"],
    ["data:text/html,<p>hi</p>", "BAD_INPUT"],
  ])("%s → %s", async (url, code) => {
    const error = await failure(readSource({ kind: "url", url }, { config }));
    expect(error.code).toBe(code);
    expect(error.message).toContain("https://example.com/");
  });

  it("refuses credentials in the URL", async () => {
    const error = await failure(
      readSource({ kind: "url", url: `http://user:pass@127.0.0.1:${server.port}/plain` }, { config }),
    );
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toMatch(/user name or password/);
    expect(seen).toHaveLength(0);
  });
});

describe("SSRF guard (ALLOW_PRIVATE_URLS=false)", () => {
  const strict = loadConfig({ ALLOW_PRIVATE_URLS: "false", FETCH_TIMEOUT_MS: "3000" });
  // Servers of their own, so that "nothing was sent" counts only these tests' requests.
  let target: TestServer;
  let v6: TestServer | undefined;
  beforeAll(async () => {
    target = await startServer((_req, res) => res.end(PLAIN));
    v6 = await startServer((_req, res) => res.end(PLAIN), { host: "::1" }).catch(() => undefined);
  });
  afterAll(async () => {
    await target.close();
    await v6?.close();
  });

  const cases = () => [
    `${target.url}/plain`,
    `http://localhost:${target.port}/plain`,
    `http://[::1]:${v6?.port ?? target.port}/plain`,
    `http://[::ffff:127.0.0.1]:${target.port}/plain`,
    `http://2130706433:${target.port}/plain`, // 127.0.0.1 as one number
    `http://0x7f.0.0.1:${target.port}/plain`,
    `http://[64:ff9b::127.0.0.1]:${target.port}/plain`, // NAT64 of loopback
    "http://10.0.0.1/admin",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://224.0.0.1/",
  ];

  it("refuses loopback, private, link-local and mapped addresses, sending nothing", async () => {
    for (const url of cases()) {
      const error = await failure(readSource({ kind: "url", url }, { config: strict }));
      expect(error.code, url).toBe("URL_REFUSED");
      expect(error.message).toContain(
        "private/internal addresses are not fetched; an admin can set ALLOW_PRIVATE_URLS=true",
      );
    }
    expect(target.requests).toBe(0);
    expect(v6?.requests ?? 0).toBe(0);
  });

  it("names the host it refused", async () => {
    const error = await failure(fetchUrl(`http://localhost:${target.port}/`, { config: strict }));
    expect(error.message).toContain("localhost (127.0.0.1)");
  });

  it("fetches the same server when private URLs are allowed", async () => {
    const page = await fetchUrl(`http://localhost:${target.port}/plain`, { config });
    expect(Buffer.from(page.bytes).toString()).toBe(PLAIN);
    expect(target.requests).toBe(1);
  });
});

/** The few windows-1251 code points the test text uses. */
function win1251(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) return code;
  if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
  if (ch === "ё") return 0xb8;
  if (ch === "—") return 0x97;
  throw new Error(`no windows-1251 byte for ${ch}`);
}

/**
 * Bad input through the CLI, in process (`main(argv, io)`) against a temporary DATA_DIR and
 * local HTTP servers. Each case must fail with a non-zero exit code and a clear message, and
 * leave the library exactly as it was.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import { makeArticle } from "./articles.ts";

let dataDir: string;
let files: string;
let site: TestServer;
/** What each refused command printed, for docs/security.md. */
const outcomes: string[] = [];
/** Bytes the endless server managed to send, per request. */
const endlessSent: number[] = [];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function cli(
  argv: string[],
  opts: { stdin?: Buffer; env?: Record<string, string> } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const t0 = performance.now();
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: async () => opts.stdin ?? Buffer.alloc(0),
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      ALLOW_PRIVATE_URLS: "true",
      FETCH_TIMEOUT_MS: "1000",
      ...opts.env,
    },
  });
  return { code, stdout, stderr, ms: performance.now() - t0 };
}

async function listJson(library = "default"): Promise<unknown> {
  const r = await cli(["--library", library, "list", "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const BASE = makeArticle(500);
const OTHER = makeArticle(501);
let baseline: unknown;
let otherBaseline: unknown;
let baseId: string;
let otherId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "footnote-cli-input-"));
  files = await mkdtemp(join(tmpdir(), "footnote-cli-files-"));
  site = await startServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/missing")
      return void res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    if (url === "/hang") return; // never answers
    if (url === "/loop-a") return void res.writeHead(302, { location: "/loop-b" }).end();
    if (url === "/loop-b") return void res.writeHead(302, { location: "/loop-a" }).end();
    if (url === "/endless") return endless(res);
    if (url === "/nav-only") {
      return void res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a> | <a href="/about">About</a> | <a href="/login">Sign in</a></nav><footer>© 2024</footer></body></html>`,
        );
    }
    res.writeHead(404).end();
  });
  // The library each case must leave alone: one article in "default", one in "other".
  await writeFile(join(files, "base.txt"), `${BASE.title}\n\n${BASE.text}`);
  await writeFile(join(files, "other.txt"), `${OTHER.title}\n\n${OTHER.text}`);
  const a = await cli(["ingest", join(files, "base.txt"), "--json"]);
  expect(a.code, a.stderr).toBe(0);
  baseId = (JSON.parse(a.stdout) as { articles: Array<{ id: string }> }).articles[0]!.id;
  const b = await cli(["--library", "other", "ingest", join(files, "other.txt"), "--json"]);
  expect(b.code, b.stderr).toBe(0);
  otherId = (JSON.parse(b.stdout) as { articles: Array<{ id: string }> }).articles[0]!.id;
  baseline = await listJson();
  otherBaseline = await listJson("other");
});

afterAll(async () => {
  if (process.env.RELIABILITY_VERBOSE) console.log(outcomes.join("\n"));
  await site?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(files, { recursive: true, force: true });
});

/** 1 GB of text, one MB at a time, for as long as the client keeps reading. */
function endless(res: ServerResponse): void {
  const chunk = Buffer.alloc(1024 * 1024, "All work and no play makes Jack a dull boy. ");
  let sent = 0;
  const slot = endlessSent.push(0) - 1;
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  const pump = () => {
    while (sent < 1024 ** 3) {
      sent += chunk.length;
      endlessSent[slot] = sent;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => res.removeAllListeners("drain"));
  pump();
}

/** Runs a failing command and checks the common promise: non-zero, a message, nothing changed. */
async function refused(
  argv: string[],
  opts: Parameters<typeof cli>[1] & { code?: number } = {},
): Promise<Run> {
  const r = await cli(argv, opts);
  outcomes.push(
    `${argv.join(" ").replace(files, "<files>").replace(site.url, "<site>").slice(0, 70)} → exit ${r.code}: ${r.stderr.trim().split("\n")[0]!.replace(files, "<files>").replace(site.url, "<site>").slice(0, 160)}`,
  );
  expect(r.code, `exit code of footnote ${argv.join(" ")}`).toBe(opts.code ?? 1);
  expect(r.stderr.trim().length, "a message on stderr").toBeGreaterThan(10);
  expect(await listJson()).toEqual(baseline);
  expect(await listJson("other")).toEqual(otherBaseline);
  return r;
}

describe("bad files and standard input", () => {
  it("an empty file", async () => {
    await writeFile(join(files, "empty.txt"), "");
    const r = await refused(["ingest", join(files, "empty.txt")]);
    expect(r.stderr).toMatch(/empty\.txt: There is no text to store/);
  });

  it("a whitespace-only file", async () => {
    await writeFile(join(files, "blank.txt"), " \n\t\n   \r\n\u00a0\n");
    const r = await refused(["ingest", join(files, "blank.txt")]);
    expect(r.stderr).toMatch(/There is no text to store/);
  });

  it("a file of invisible characters and punctuation only", async () => {
    await writeFile(join(files, "invisible.txt"), "\u200b\u200b\u2060\n\u200d ... — !!! ***\n");
    const r = await refused(["ingest", join(files, "invisible.txt")]);
    expect(r.stderr).toMatch(/There is no text to store/);
  });

  it("50 MB of text on standard input is refused as too large, fast", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, "lorem ipsum dolor sit amet. ");
    const r = await refused(["ingest", "-"], { stdin: big });
    expect(r.stderr).toMatch(/limit is 2,000,000 \(MAX_ARTICLE_CHARS\)|MAX_ARTICLE_CHARS/);
    expect(r.ms).toBeLessThan(3000);
  });

  it("a binary file", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    await writeFile(join(files, "data.txt"), bytes);
    const r = await refused(["ingest", join(files, "data.txt")]);
    expect(r.stderr).toMatch(/looks like a binary file/);
  });

  it("invalid UTF-8 that is not a legacy Latin text either (Cyrillic in Windows-1251)", async () => {
    const russian =
      "Совет города обсудил бюджет на дороги и школы. Жители ждали под холодным дождём. ".repeat(20);
    const cp1251 = Buffer.from(
      [...russian].map((ch) =>
        ch.charCodeAt(0) >= 0x410 && ch.charCodeAt(0) <= 0x44f
          ? ch.charCodeAt(0) - 0x350
          : ch === "ё"
            ? 0xb8
            : ch.charCodeAt(0),
      ),
    );
    await writeFile(join(files, "cyrillic.txt"), cp1251);
    const r = await refused(["ingest", join(files, "cyrillic.txt")]);
    expect(r.stderr).toMatch(/not valid UTF-8 text\. Save it as UTF-8/);
  });

  it("HTML with no article in it", async () => {
    await writeFile(
      join(files, "menu.html"),
      `<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a> | <a href="/about">About</a></nav></body></html>`,
    );
    const r = await refused(["ingest", join(files, "menu.html")]);
    expect(r.stderr).toMatch(/I could not find an article on that page/);
  });

  it("documents of a type it does not read: .docx and .png", async () => {
    await writeFile(
      join(files, "report.docx"),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 1)]),
    );
    await writeFile(
      join(files, "photo.png"),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 0)]),
    );
    const docx = await refused(["ingest", join(files, "report.docx")]);
    expect(docx.stderr).toMatch(/I can't read \.docx files\. I can read web pages \(HTML\), plain text/);
    const png = await refused(["ingest", join(files, "photo.png")]);
    expect(png.stderr).toMatch(/I can't read \.png files/);
  });

  it("a file that does not exist, and a folder", async () => {
    expect((await refused(["ingest", join(files, "nope.txt")])).stderr).toMatch(/No such file: .*nope\.txt/);
    expect((await refused(["ingest", files])).stderr).toMatch(/is a folder; give a file/);
  });
});

describe("bad links", () => {
  it("a 404", async () => {
    const r = await refused(["ingest", `${site.url}/missing`]);
    expect(r.stderr).toMatch(/The page answered 404 Not Found: check the link/);
  });

  it("a page with no article", async () => {
    const r = await refused(["ingest", `${site.url}/nav-only`]);
    expect(r.stderr).toMatch(/I could not find an article on that page/);
  });

  it("a server that never answers gives up after FETCH_TIMEOUT_MS", async () => {
    const r = await refused(["ingest", `${site.url}/hang`]);
    expect(r.stderr).toMatch(/did not send the page within 1 second/);
    expect(r.ms).toBeGreaterThanOrEqual(900);
    expect(r.ms).toBeLessThan(5000);
  });

  it("a redirect loop", async () => {
    const r = await refused(["ingest", `${site.url}/loop-a`]);
    expect(r.stderr).toMatch(/too many redirects \(a redirect loop\)/);
  });

  it("a 1 GB response is cut off at MAX_FETCH_BYTES without being buffered", async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    let r: Run;
    try {
      r = await refused(["ingest", `${site.url}/endless`], { env: { FETCH_TIMEOUT_MS: "30000" } });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(r.stderr).toMatch(/larger than 10 MB \(the MAX_FETCH_BYTES limit\)/);
    const grewMb = (peak - before) / 1024 / 1024;
    const sentMb = endlessSent.at(-1)! / 1024 / 1024;
    console.log(
      `[cli/1GB] refused after ${Math.round(r.ms)} ms; the server got to send ${sentMb.toFixed(0)} MB; RSS grew ${grewMb.toFixed(1)} MB`,
    );
    expect(grewMb).toBeLessThan(200);
    // The connection was cut, not drained: the server never got near 1 GB.
    expect(sentMb).toBeLessThan(200);
  });

  it("a link with credentials is refused before anything is sent", async () => {
    const seen = site.requests;
    const r = await refused(["ingest", `http://alice:hunter2-secret@127.0.0.1:${site.port}/missing`]);
    expect(r.stderr).toMatch(/Links with a user name or password in them \(user:pass@host\) are not fetched/);
    // Note: the "Could not ingest <arg>:" prefix echoes the argument as typed, password
    // included, to the user's own terminal (see docs/security.md).
    expect(site.requests).toBe(seen);
  });

  it("a private address when ALLOW_PRIVATE_URLS=false: refused, and the server sees nothing", async () => {
    const seen = site.requests;
    const r = await refused(["ingest", `${site.url}/nav-only`], { env: { ALLOW_PRIVATE_URLS: "false" } });
    expect(r.stderr).toMatch(/private|local|not allowed|refuse/i);
    expect(site.requests).toBe(seen);
  });

  it("schemes other than http(s)", async () => {
    expect((await refused(["ingest", "file:///etc/passwd"])).stderr).toMatch(
      /Only http and https links can be read \(this one is file:\)/,
    );
    expect((await refused(["ingest", "javascript:alert(1)"])).stderr).toMatch(/Only http and https links/);
  });
});

describe("usage errors exit 2 with a usage message", () => {
  it("ask with no question", async () => {
    const r = await refused(["ask"], { code: 2 });
    expect(r.stderr).toMatch(/missing required argument 'question'/);
    expect(r.stderr).toMatch(/footnote --help/);
  });

  it("forget without an id", async () => {
    const r = await refused(["forget"], { code: 2 });
    expect(r.stderr).toMatch(/missing required argument 'id'/);
  });

  it("an unknown command", async () => {
    const r = await refused(["frobnicate"], { code: 2 });
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it("extra arguments", async () => {
    const r = await refused(["forget", baseId, "surplus"], { code: 2 });
    expect(r.stderr).toMatch(/too many arguments/);
    expect((await refused(["list", "surplus"], { code: 2 })).stderr).toMatch(/too many arguments/);
  });

  it("an unknown option and a bad -k", async () => {
    expect((await refused(["ask", "--frob", "who?"], { code: 2 })).stderr).toMatch(/unknown option '--frob'/);
    const k = await cli(["ask", "-k", "zero", "who?"]);
    expect(k.code).not.toBe(0);
    expect(k.stderr).toMatch(/-k takes a whole number from 1 up, not "zero"/);
  });
});

describe("ids", () => {
  it("forget of an id that does not exist", async () => {
    const r = await refused(["forget", "deadbeef"]);
    expect(r.stderr).toMatch(/No article "deadbeef" in library "default"/);
  });

  it("an id from another library is 'No article', and nothing of it is revealed", async () => {
    const r = await refused(["forget", otherId]);
    expect(r.stderr).toContain(`No article "${otherId}" in library "default"`);
    expect(r.stderr + r.stdout).not.toContain(OTHER.title);
    const back = await refused(["--library", "other", "forget", baseId]);
    expect(back.stderr).toContain(`No article "${baseId}" in library "other"`);
    expect(back.stderr + back.stdout).not.toContain(BASE.title);
    // Nor does a question in one library reach the other's articles.
    const ask = await cli(["ask", "--json", OTHER.question]);
    expect(ask.code).toBe(0);
    const answer = JSON.parse(ask.stdout) as { abstained: boolean; citations: Array<{ articleId: string }> };
    expect(answer.citations.map((c) => c.articleId)).not.toContain(otherId);
    expect(ask.stdout).not.toContain(OTHER.answer);
    // …while the same question in its own library finds it.
    const own = JSON.parse((await cli(["--library", "other", "ask", "--json", OTHER.question])).stdout) as {
      citations: Array<{ articleId: string }>;
    };
    expect(own.citations.map((c) => c.articleId)).toContain(otherId);
  });

  it("a library name that is blank or too long", async () => {
    expect((await refused(["--library", "   ", "list"])).stderr).toMatch(/is not a library name/);
    expect((await refused(["--library", "x".repeat(201), "list"])).stderr).toMatch(/is not a library name/);
  });
});

it("one bad source among good ones: the good one is stored, the exit code says one failed", async () => {
  await writeFile(join(files, "empty2.txt"), "");
  const good = makeArticle(502);
  await writeFile(join(files, "good.txt"), `${good.title}\n\n${good.text}`);
  const r = await cli([
    "--library",
    "mixed",
    "ingest",
    join(files, "empty2.txt"),
    join(files, "good.txt"),
    "--json",
  ]);
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { articles: Array<{ error?: string; code?: string; title?: string }> };
  expect(out.articles[0]).toMatchObject({ code: "EMPTY_ARTICLE" });
  expect(out.articles[1]).toMatchObject({ title: good.title });
  expect(((await listJson("mixed")) as { articles: unknown[] }).articles).toHaveLength(1);
});

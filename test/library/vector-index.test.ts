import { afterEach, describe, expect, it } from "vitest";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFootnote } from "../../src/footnote.ts";
import hnswlib from "hnswlib-node";
import { VectorIndex, type VectorIndexParams } from "../../src/library/embedded/vector-index.ts";
import { SqliteStore } from "../../src/library/embedded/sqlite-store.ts";
import { syntheticArticle, testConfig } from "../helpers/footnote.ts";

const toClose: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const f of toClose.splice(0)) await f.close();
});

async function open(config: ReturnType<typeof testConfig>, hnsw: Partial<VectorIndexParams> = {}) {
  const f = await createFootnote({ config, hnsw });
  toClose.push(f);
  return f;
}

const snapshotsOf = (f: Awaited<ReturnType<typeof open>>, lib: string) =>
  fs
    .readdirSync(path.dirname(embeddedLibrary(f.storage, lib)!.store.db.name))
    .filter((n) => /^index-\d+-\d+\.(hnsw|flat)$/.test(n));

async function fill(f: Awaited<ReturnType<typeof open>>, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      (
        await f.ingest("lib", {
          kind: "text",
          text: syntheticArticle(`subject${i}x`, 8),
          title: `Article ${i}`,
        })
      ).id,
    );
  return ids;
}

describe.each(["flat", "hnsw"] as const)("vector index, %s", (kind) => {
  it("adds, finds, forgets and keeps it so across a reopen from its snapshot", async () => {
    const config = testConfig();
    const a = await open(config, { kind });
    const ids = await fill(a, 6);
    expect(embeddedLibrary(a.storage, "lib")!.index.kind).toBe(kind);
    await a.close();
    expect(snapshotsOf(await open(config, { kind }), "lib")[0]).toMatch(new RegExp(`\\.${kind}$`));

    // Forget from an index that was read from disk.
    const b = await open(config, { kind });
    const lib = embeddedLibrary(b.storage, "lib")!;
    const before = lib.index.size;
    const goneChunks = (await b.list("lib")).find((x) => x.id === ids[2])!.chunks;
    expect(await b.forget("lib", ids[2]!)).toBe(true);
    expect(embeddedLibrary(b.storage, "lib")!.index.size).toBe(before - goneChunks);
    const hits = await b.retrieve("lib", "subject2x committee budgets", 5);
    expect(hits.some((h) => h.articleId === ids[2])).toBe(false);
    const again = await b.retrieve("lib", "subject4x committee budgets", 1);
    expect(again[0]!.title).toBe("Article 4");
  });
});

describe("vector index, flat snapshots of earlier versions", () => {
  it("skips hnswlib's float format, serves from the store, and replaces it with its own", async () => {
    const config = testConfig();
    const a = await open(config, { kind: "flat" });
    const ids = await fill(a, 4);
    const dir = path.dirname(embeddedLibrary(a.storage, "lib")!.store.db.name);
    await a.close();
    // What an earlier version left: hnswlib's BruteforceSearch file under the same name.
    const [name] = fs.readdirSync(dir).filter((n) => n.endsWith(".flat"));
    const legacy = new hnswlib.BruteforceSearch("cosine", 256);
    legacy.initIndex(4);
    legacy.addPoint(new Array<number>(256).fill(0.1), 1);
    legacy.writeIndexSync(path.join(dir, name!));

    const b = await open(config, { kind: "flat" });
    const lib = embeddedLibrary(b.storage, "lib")!;
    expect(lib.index.size).toBe(lib.store.passageCount());
    expect((await b.retrieve("lib", "subject3x committee budgets", 1))[0]!.articleId).toBe(ids[3]);
    await b.close();
    const [rewritten] = fs.readdirSync(dir).filter((n) => n.endsWith(".flat"));
    expect(fs.readFileSync(path.join(dir, rewritten!)).subarray(0, 4).toString("latin1")).toBe("FNQ8");
  });
});

describe("vector index, auto", () => {
  it("starts flat, moves to the graph when a reopened library is over the limit, and back when it shrinks", async () => {
    const config = testConfig();
    // A limit of 20 passages' worth of floats, so that a few articles cross it.
    const limit = { kind: "auto" as const, flatLimit: 256 * 20 };
    const a = await open(config, limit);
    const ids = await fill(a, 3);
    expect(embeddedLibrary(a.storage, "lib")!.index.kind).toBe("flat");
    await fill(a, 10);
    // While open it stays flat: an ingest never stalls on building a graph.
    expect(embeddedLibrary(a.storage, "lib")!.index.kind).toBe("flat");
    const total = embeddedLibrary(a.storage, "lib")!.index.size;
    expect(total).toBeGreaterThan(20);
    await a.close();

    const events: unknown[] = [];
    const b = await open(config, { ...limit, onRebuild: (e) => events.push(e) });
    // The graph is built in a worker; the flat index answers meanwhile.
    expect(embeddedLibrary(b.storage, "lib")!.index.kind).toBe("flat");
    expect((await b.retrieve("lib", "subject5x committee budgets", 1))[0]!.title).toBe("Article 5");
    await embeddedLibrary(b.storage, "lib")!.index.whenBuilt();
    expect(embeddedLibrary(b.storage, "lib")!.index.kind).toBe("hnsw");
    // The admin is told before and after: it can take minutes on a big library.
    expect(events).toEqual([
      { from: "flat", to: "hnsw", passages: total, background: true },
      { from: "flat", to: "hnsw", passages: total, background: true, ms: expect.any(Number) },
    ]);
    expect(embeddedLibrary(b.storage, "lib")!.index.size).toBe(total);
    expect(snapshotsOf(b, "lib")).toEqual([expect.stringMatching(/\.hnsw$/)]);
    expect((await b.retrieve("lib", "subject7x committee budgets", 1))[0]!.title).toBe("Article 7");
    // Forget down to well under half the limit: flat again at the next open.
    for (const id of (await b.list("lib")).map((x) => x.id).filter((id) => id !== ids[0]))
      await b.forget("lib", id);
    await b.close();
    const c = await open(config, limit);
    expect(embeddedLibrary(c.storage, "lib")!.index.kind).toBe("flat");
    expect((await c.retrieve("lib", "subject0x committee budgets", 1))[0]!.title).toBe("Article 0");
  });
});

describe("vector index, the graph built in the background", () => {
  const limit = { kind: "auto" as const, flatLimit: 256 * 20 };

  it("keeps what was added and forgotten while the graph was being built", async () => {
    const config = testConfig();
    const a = await open(config, limit);
    const ids = await fill(a, 6);
    await a.close();

    // After the worker has read the store and built its graph, before the swap: one more
    // article, and one forgotten. The swap must replay both.
    let added: { id: string } | undefined;
    let forgotten = false;
    const passagesOf = (articleId: string) =>
      (
        embeddedLibrary(b.storage, "lib")!
          .store.db.prepare("SELECT id FROM passages WHERE article_id = ?")
          .all(articleId) as Array<{ id: number }>
      ).map((r) => r.id);
    let gone: number[] = [];
    const b = await open(config, {
      ...limit,
      beforeSwap: async () => {
        added = await b.ingest("lib", {
          kind: "text",
          text: syntheticArticle("latecomer9x", 8),
          title: "Late article",
        });
        gone = passagesOf(ids[1]!);
        forgotten = await b.forget("lib", ids[1]!);
        // A snapshot now must not prune the deletion the graph has yet to replay.
        const { store, index } = embeddedLibrary(b.storage, "lib")!;
        index.maybeSnapshot(store, { force: true });
      },
    });
    const index = embeddedLibrary(b.storage, "lib")!.index;
    expect(index.kind).toBe("flat");
    await index.whenBuilt();
    expect(forgotten).toBe(true);
    expect(index.kind).toBe("hnsw");
    const lib = embeddedLibrary(b.storage, "lib")!;
    expect(lib.index.size).toBe(lib.store.passageCount());
    // In the graph itself, not only found by BM25: the new passages are in, the forgotten out.
    const fresh = passagesOf(added!.id);
    expect(fresh.length).toBeGreaterThan(0);
    for (const id of fresh) expect(lib.index.has(id)).toBe(true);
    expect(gone.length).toBeGreaterThan(0);
    for (const id of gone) expect(lib.index.has(id)).toBe(false);
    expect((await b.retrieve("lib", "latecomer9x committee budgets", 1))[0]!.articleId).toBe(added!.id);
    const hits = await b.retrieve("lib", "subject1x committee budgets", 5);
    expect(hits.some((h) => h.articleId === ids[1])).toBe(false);
    // The graph is the library's snapshot now, and what came after it replays at the next open.
    expect(snapshotsOf(b, "lib")).toEqual([expect.stringMatching(/\.hnsw$/)]);
    await b.close();
    const c = await open(config, limit);
    expect(embeddedLibrary(c.storage, "lib")!.index.kind).toBe("hnsw");
    expect((await c.retrieve("lib", "latecomer9x committee budgets", 1))[0]!.articleId).toBe(added!.id);
  });

  it("builds at open when asked to block, and keeps the flat index when asked to skip (the CLI)", async () => {
    const config = testConfig();
    const a = await open(config, limit);
    await fill(a, 6);
    await a.close();
    const skip = await open(config, { ...limit, graphBuild: "skip" });
    expect(embeddedLibrary(skip.storage, "lib")!.index.kind).toBe("flat");
    await embeddedLibrary(skip.storage, "lib")!.index.whenBuilt();
    expect(embeddedLibrary(skip.storage, "lib")!.index.kind).toBe("flat");
    expect((await skip.retrieve("lib", "subject3x committee budgets", 1))[0]!.title).toBe("Article 3");
    await skip.close();
    const events: unknown[] = [];
    const blocking = await open(config, {
      ...limit,
      graphBuild: "blocking",
      onRebuild: (e) => events.push(e),
    });
    expect(embeddedLibrary(blocking.storage, "lib")!.index.kind).toBe("hnsw");
    expect(events).toEqual([
      expect.objectContaining({ from: "flat", to: "hnsw" }),
      expect.objectContaining({ ms: expect.any(Number) }),
    ]);
  });

  it("removes a partial graph left by a process that was killed mid-build", async () => {
    const config = testConfig();
    const a = await open(config, limit);
    await fill(a, 1);
    const dir = path.dirname(embeddedLibrary(a.storage, "lib")!.store.db.name);
    await a.close();
    // A pid far above any this test machine hands out: that process is gone.
    fs.writeFileSync(path.join(dir, "graph-build-4194000-1.partial"), "half a graph");
    const b = await open(config, limit);
    expect(embeddedLibrary(b.storage, "lib")).toBeDefined();
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".partial"))).toEqual([]);
  });

  it("stops the build when the library closes, leaving no partial file, and starts again at the next open", async () => {
    const config = testConfig();
    const a = await open(config, limit);
    await fill(a, 6);
    await a.close();
    const b = await open(config, limit);
    const dir = path.dirname(embeddedLibrary(b.storage, "lib")!.store.db.name);
    await b.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".partial"))).toEqual([]);
    const c = await open(config, limit);
    await embeddedLibrary(c.storage, "lib")!.index.whenBuilt();
    expect(embeddedLibrary(c.storage, "lib")!.index.kind).toBe("hnsw");
  });
});

describe("vector index, saving on close", () => {
  // 20,001 passages: just over the size below which every close saves.
  const N = 20_001;
  const DIMS = 256;
  const vectorFor = (i: number) => {
    const v = new Float32Array(DIMS);
    v[i % DIMS] = 1;
    v[(i * 7 + 3) % DIMS] = 0.5;
    return v;
  };
  function fillStore(store: SqliteStore, from: number, count: number, article: string) {
    const chunks = Array.from({ length: count }, (_, i) => ({
      index: i,
      start: i * 2,
      end: i * 2 + 1,
      text: "w",
    }));
    return store.addArticle(
      {
        id: article,
        title: article,
        url: null,
        byline: null,
        publishedAt: null,
        text: "w ".repeat(count),
        contentHash: article,
      },
      chunks,
      chunks.map((_, i) => vectorFor(from + i)),
    );
  }

  it.each([
    ["hnsw", 300, true],
    ["flat", 100, false],
    ["flat", 1000, true],
  ] as const)(
    "%s, %i pending: saves a large library on close only when replaying would cost more than writing (%s)",
    (kind, pending, saved) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-vi-"));
      try {
        const store = new SqliteStore(path.join(dir, "library.db"), "t");
        const params = { kind, m: 4, efConstruction: 8 };
        let index = VectorIndex.open(dir, DIMS, store, params);
        fillStore(store, 0, N, "a");
        index.catchUp(store);
        index.maybeSnapshot(store, { force: true });
        // 300 passages after the snapshot take ~600 ms to replay into a graph, against ~20 ms to
        // write 20k vectors of 256 floats; 100 take ~3 ms to replay into the flat index and
        // 1,000 ~30 ms, against ~10 ms to write 20k rows of 256 codes and their second bytes.
        fillStore(store, N, pending, "b");
        index.catchUp(store);
        expect(index.pending).toBe(pending);
        expect(index.maybeSnapshot(store, { closing: true })).toBe(saved);
        index = VectorIndex.open(dir, DIMS, store, params);
        expect(index.size).toBe(N + pending);
        store.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

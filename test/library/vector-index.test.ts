import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { createFootnote } from "../../src/footnote.ts";
import type { VectorIndexParams } from "../../src/library/vector-index.ts";
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
  fs.readdirSync(path.dirname(f.library(lib)!.store.db.name)).filter((n) => /^index-\d+-\d+\.(hnsw|flat)$/.test(n));

async function fill(f: Awaited<ReturnType<typeof open>>, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await f.ingest("lib", { kind: "text", text: syntheticArticle(`subject${i}x`, 8), title: `Article ${i}` })).id);
  return ids;
}

describe.each(["flat", "hnsw"] as const)("vector index, %s", (kind) => {
  it("adds, finds, forgets and keeps it so across a reopen from its snapshot", async () => {
    const config = testConfig();
    const a = await open(config, { kind });
    const ids = await fill(a, 6);
    expect(a.library("lib")!.index.kind).toBe(kind);
    await a.close();
    expect(snapshotsOf(await open(config, { kind }), "lib")[0]).toMatch(new RegExp(`\\.${kind}$`));

    // Forget from an index that was read from disk (hnswlib's flat index cannot remove a
    // point it read from a file: the library rebuilds it from the store).
    const b = await open(config, { kind });
    const lib = b.library("lib")!;
    const before = lib.index.size;
    const goneChunks = b.list("lib").find((x) => x.id === ids[2])!.chunks;
    expect(await b.forget("lib", ids[2]!)).toBe(true);
    expect(b.library("lib")!.index.size).toBe(before - goneChunks);
    const hits = await b.retrieve("lib", "subject2x committee budgets", 5);
    expect(hits.some((h) => h.articleId === ids[2])).toBe(false);
    const again = await b.retrieve("lib", "subject4x committee budgets", 1);
    expect(again[0]!.title).toBe("Article 4");
  });
});

describe("vector index, auto", () => {
  it("starts flat, moves to the graph when a reopened library is over the limit, and back when it shrinks", async () => {
    const config = testConfig();
    // A limit of 20 passages' worth of floats, so that a few articles cross it.
    const limit = { kind: "auto" as const, flatLimit: 256 * 20 };
    const a = await open(config, limit);
    const ids = await fill(a, 3);
    expect(a.library("lib")!.index.kind).toBe("flat");
    await fill(a, 10);
    // While open it stays flat: an ingest never stalls on building a graph.
    expect(a.library("lib")!.index.kind).toBe("flat");
    const total = a.library("lib")!.index.size;
    expect(total).toBeGreaterThan(20);
    await a.close();

    const events: unknown[] = [];
    const b = await open(config, { ...limit, onRebuild: (e) => events.push(e) });
    expect(b.library("lib")!.index.kind).toBe("hnsw");
    // The admin is told before and after: it can take minutes on a big library.
    expect(events).toEqual([
      { from: "flat", to: "hnsw", passages: total },
      { from: "flat", to: "hnsw", passages: total, ms: expect.any(Number) },
    ]);
    expect(b.library("lib")!.index.size).toBe(total);
    expect(snapshotsOf(b, "lib")).toEqual([expect.stringMatching(/\.hnsw$/)]);
    expect((await b.retrieve("lib", "subject7x committee budgets", 1))[0]!.title).toBe("Article 7");
    // Forget down to well under half the limit: flat again at the next open.
    for (const id of b.list("lib").map((x) => x.id).filter((id) => id !== ids[0])) await b.forget("lib", id);
    await b.close();
    const c = await open(config, limit);
    expect(c.library("lib")!.index.kind).toBe("flat");
    expect((await c.retrieve("lib", "subject0x committee budgets", 1))[0]!.title).toBe("Article 0");
  });
});

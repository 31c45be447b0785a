import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { footnoteOver } from "../../src/footnote.ts";
import { openParts } from "../../src/pipeline/parts.ts";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";
import type { ArticleInput } from "../../src/types.ts";
import { FootnoteError } from "../../src/errors.ts";
import { localEmbedder } from "../../src/embeddings/embedder.ts";
import { syntheticArticle, testConfig } from "../helpers/footnote.ts";
import { BACKENDS, useBackend } from "../helpers/backends.ts";

const toClose: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const f of toClose.splice(0)) await f.close();
});

async function open(config = testConfig(), deps = {}) {
  const parts = await openParts({ config, ...deps });
  // The pipeline's own entry for text already read, as the bot's paste path uses it.
  const f = Object.assign(footnoteOver(parts), {
    ingestArticle: (libraryId: string, article: ArticleInput) =>
      parts.ingest.ingestArticle(libraryId, article),
  });
  toClose.push(f);
  return f;
}

// One suite, run against each storage backend: what the interface promises, either way.
describe.each(BACKENDS)("library on %s storage", (kind) => {
  const backend = useBackend(kind);
  const testConfig = (env = {}) => backend.config(env);

  it("stores an article and finds its passages again after a reopen", async () => {
    const config = testConfig();
    const a = await open(config);
    const r = await a.ingest("default", {
      kind: "text",
      text: syntheticArticle("walrus"),
      title: "Walruses",
    });
    expect(r).toMatchObject({ title: "Walruses", duplicate: false });
    expect(r.chunks).toBeGreaterThan(0);
    expect(r.id).toMatch(/^[0-9a-f]{8}$/);
    await a.close();

    const b = await open(config);
    expect((await b.list("default")).map((x) => x.id)).toEqual([r.id]);
    // A small library is saved whole on close: the next command replays nothing.
    if (kind === "embedded") expect(embeddedLibrary(b.storage, "default")!.index.pending).toBe(0);
    const hits = await b.retrieve("default", "walrus committee budgets", 3);
    expect(hits[0]!.articleId).toBe(r.id);
  });

  it("reads the articles added since a time, newest first, without listing the library", async () => {
    const f = await open(testConfig());
    const first = await f.ingest("default", {
      kind: "text",
      text: syntheticArticle("gannet"),
      title: "Gannets",
    });
    const at = Date.parse((await f.list("default"))[0]!.createdAt);
    await new Promise((r) => setTimeout(r, 5));
    const second = await f.ingest("default", {
      kind: "text",
      text: syntheticArticle("puffin"),
      title: "Puffins",
    });
    const third = await f.ingest("default", {
      kind: "text",
      text: syntheticArticle("kittiwake"),
      title: "Kittiwakes",
    });
    expect((await f.addedSince!("default", at - 1, 5)).map((a) => a.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);
    expect((await f.addedSince!("default", at, 5)).map((a) => a.id)).toEqual([third.id, second.id]);
    expect((await f.addedSince!("default", at, 1)).map((a) => a.id)).toEqual([third.id]);
    expect(await f.addedSince!("default", Date.now() + 60_000, 2)).toEqual([]);
    expect(await f.addedSince!("nowhere", 0, 2)).toEqual([]);
  });

  it("keeps what a finished ingest wrote when the process dies without closing", async () => {
    const config = testConfig();
    const a = await open(config);
    const r = await a.ingest("default", { kind: "text", text: syntheticArticle("heron"), title: "Herons" });
    // No close(): as if the process were killed right after the command reported success.
    toClose.pop();
    const b = await open(config);
    expect((await b.list("default")).map((x) => x.id)).toEqual([r.id]);
    expect((await b.retrieve("default", "heron committee", 1))[0]!.articleId).toBe(r.id);
  });

  it("tells a duplicate by its text or by its URL, and stores it once", async () => {
    const f = await open(testConfig());
    const text = syntheticArticle("otter");
    const first = await f.ingest("default", { kind: "text", text, title: "Otters" });
    const again = await f.ingest("default", {
      kind: "text",
      text: `  ${text.replace(/\n\n/g, "\n\n\n")}  `,
      title: "Otters again",
    });
    expect(again).toMatchObject({ id: first.id, duplicate: true, title: "Otters" });
    const byUrl1 = await f.ingestArticle("default", {
      text: syntheticArticle("lynx"),
      url: "https://example.org/lynx",
      source: "url",
    });
    const byUrl2 = await f.ingestArticle("default", {
      text: `${syntheticArticle("lynx")}\n\nUpdated.`,
      url: "https://example.org/lynx",
      source: "url",
    });
    expect(byUrl2).toMatchObject({ id: byUrl1.id, duplicate: true });
    expect(await f.list("default")).toHaveLength(2);
  });

  it("keeps libraries apart: an article of one is never found from another", async () => {
    const f = await open(testConfig());
    await f.ingest("chat:1", { kind: "text", text: syntheticArticle("pelican"), title: "Pelicans" });
    expect(await f.retrieve("chat:1", "pelican committee", 3)).not.toHaveLength(0);
    expect(await f.retrieve("chat:2", "pelican committee", 3)).toHaveLength(0);
    expect(await f.list("chat:2")).toEqual([]);
    const ans = await f.ask("chat:2", "What did the pelican committee discuss?");
    expect(ans.abstained).toBe(true);
    const id = (await f.list("chat:1"))[0]!.id;
    expect(await f.forget("chat:2", id)).toBe(false);
    expect(await f.list("chat:1")).toHaveLength(1);
  });

  it("reads one article's summary by its id, as the list gives it, and only in its own library", async () => {
    const f = await open(testConfig());
    await f.ingest("chat:1", { kind: "text", text: syntheticArticle("pelican"), title: "Pelicans" });
    const [listed] = await f.list("chat:1");
    const one = (id: string, library: string) => f.storage.withLibrary(library, false, (l) => l.article(id));
    expect(await one(listed!.id, "chat:1")).toEqual(listed);
    expect(await one("00000000", "chat:1")).toBeUndefined();
    await f.ingest("chat:2", { kind: "text", text: syntheticArticle("heron"), title: "Herons" });
    expect(await one(listed!.id, "chat:2")).toBeUndefined();
  });

  it("forgets an article without a rebuild: its passages leave search at once", async () => {
    const f = await open(testConfig());
    const keep = await f.ingest("default", {
      kind: "text",
      text: syntheticArticle("badger"),
      title: "Badgers",
    });
    const gone = await f.ingest("default", {
      kind: "text",
      text: syntheticArticle("ferret"),
      title: "Ferrets",
    });
    expect(await f.forget("default", gone.id)).toBe(true);
    expect(await f.forget("default", gone.id)).toBe(false);
    const hits = await f.retrieve("default", "ferret committee report", 5);
    expect(hits.every((h) => h.articleId === keep.id)).toBe(true);
    expect((await f.list("default")).map((a) => a.id)).toEqual([keep.id]);
  });

  it("refuses to mix embeddings: another provider or size gives an error naming `footnote reindex`, which works", async () => {
    const config = testConfig();
    const a = await open(config);
    await a.ingest("default", { kind: "text", text: syntheticArticle("gecko"), title: "Geckos" });
    await a.close();

    const other = { ...config, EMBEDDINGS_DIMENSIONS: 128 };
    const b = await open(other);
    const err = await b.ask("default", "gecko committee").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FootnoteError);
    expect((err as FootnoteError).code).toBe("INDEX_MISMATCH");
    expect((err as FootnoteError).message).toContain("footnote reindex");

    const result = await b.reindex();
    expect(result.passages).toBeGreaterThan(0);
    const hits = await b.retrieve("default", "gecko committee budgets", 1);
    expect(hits[0]!.title).toBe("Geckos");
    await b.close();
    // And the old settings are now the mismatch.
    const c = await open(config, { embedder: localEmbedder() });
    await expect(c.retrieve("default", "gecko", 1)).rejects.toMatchObject({ code: "INDEX_MISMATCH" });
  });

  it("keeps working when a library is closed to make room while its embedding is under way", async () => {
    const base = localEmbedder();
    const slow = {
      ...base,
      embedDocuments: async (t: string[]) => (
        await new Promise((r) => setTimeout(r, 20)),
        base.embedDocuments(t)
      ),
      embedQuery: async (t: string) => (await new Promise((r) => setTimeout(r, 20)), base.embedQuery(t)),
    };
    const f = await open(testConfig(), { embedder: slow, maxOpenLibraries: 1 });
    const names = ["a", "b", "c", "d"];
    const stored = await Promise.all(
      names.map((n) =>
        f.ingest(`chat:${n}`, { kind: "text", text: syntheticArticle(`zebra${n}`), title: n }),
      ),
    );
    expect(stored.every((r) => !r.duplicate)).toBe(true);
    const answers = await Promise.all(names.map((n) => f.retrieve(`chat:${n}`, `zebra${n} committee`, 1)));
    answers.forEach((hits, i) => expect(hits[0]!.title).toBe(names[i]));
  });

  it("rejects empty and oversized articles with a clear error and stores nothing", async () => {
    const f = await open(testConfig({ MAX_ARTICLE_CHARS: "1000" }));
    await expect(f.ingestArticle("default", { text: "   \n ", source: "text" })).rejects.toMatchObject({
      code: "EMPTY_ARTICLE",
    });
    await expect(
      f.ingestArticle("default", { text: "word ".repeat(400), source: "text" }),
    ).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(await f.list("default")).toEqual([]);
  });
});

describe("library on embedded storage: the vector index", () => {
  it("grows past the index's initial capacity and snapshots without losing passages", async () => {
    const config = testConfig();
    const f = await open(config);
    let total = 0;
    for (let i = 0; i < 120; i++) {
      const r = await f.ingest("big", {
        kind: "text",
        text: syntheticArticle(`topic${i}q`, 40),
        title: `Article ${i}`,
      });
      total += r.chunks;
    }
    expect(total).toBeGreaterThan(1024 * 2);
    const lib = embeddedLibrary(f.storage, "big")!;
    expect(lib.index.size).toBe(total);
    const snapshots = fs.readdirSync(path.dirname(lib.store.db.name)).filter((n) => /\.(hnsw|flat)$/.test(n));
    expect(snapshots).toHaveLength(1);
    await f.close();
    const g = await open(config);
    const hit = await g.retrieve("big", "topic37q committee budgets", 1);
    expect(hit[0]!.title).toBe("Article 37");
    expect(embeddedLibrary(g.storage, "big")!.index.size).toBe(total);
  });
});

describe.each(BACKENDS)("two processes on one %s storage", (kind) => {
  const backend = useBackend(kind);

  it("store an article they both ingest at once only once, and both report the same id", async () => {
    const config = backend.config();
    const [a, b] = [await open(config), await open(config)];
    const text = syntheticArticle("narwhal", 6);
    const [ra, rb] = await Promise.all([
      a.ingest("shared", { kind: "text", text, title: "Narwhals" }),
      b.ingest("shared", { kind: "text", text, title: "Narwhals" }),
    ]);
    expect(ra.id).toBe(rb.id);
    expect([ra.duplicate, rb.duplicate].sort()).toEqual([false, true]);
    expect(await a.list("shared")).toHaveLength(1);
    expect(await b.list("shared")).toHaveLength(1);
    // And both find it, whichever stored it.
    for (const f of [a, b])
      expect((await f.retrieve("shared", "narwhal committee budgets", 1))[0]!.articleId).toBe(ra.id);
  });
});

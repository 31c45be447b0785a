/**
 * The Postgres backend's in-process copy of a library's vectors (src/library/postgres/vector-cache.ts):
 * its nearest ids are those of an exact scan in SQL, two processes on one database (replicas) see
 * each other's writes on their next question (an article added, one forgotten, a reindex), no
 * library reaches another's rows, and a schema 4 database with data upgrades to the versioned rows.
 * On PGlite, and on the native server when FOOTNOTE_TEST_PG_ADMIN_URL is set.
 */
import { describe, expect, it } from "vitest";
import { PostgresStorage } from "../../src/library/postgres/storage.ts";
import type { PostgresLibrary } from "../../src/library/postgres/library.ts";
import { vectorLiteral } from "../../src/library/postgres/library.ts";
import { SCHEMA_VERSION } from "../../src/library/postgres/schema.ts";
import { decodeHalfvec, halfRound } from "../../src/library/postgres/vector-cache.ts";
import { localEmbedder, type Embedder } from "../../src/embeddings/embedder.ts";
import { syntheticArticle } from "../helpers/footnote.ts";
import { PG_SERVERS, usePgServer, type TestPostgres } from "../helpers/postgres-server.ts";
import { chunkText } from "../../src/ingest/chunk.ts";
import type { Library } from "../../src/library/storage.ts";

let server: TestPostgres;
const embedder = localEmbedder();

const connect = (opts: { cacheFloats?: number; exactScanMax?: number } = {}) =>
  PostgresStorage.connect({ url: server.url, identity: () => embedder.identity, ...opts });

const TOPICS = ["heron", "egret", "plover", "curlew", "dunlin", "godwit", "lapwing", "avocet"];

async function store(library: Library, topic: string, paragraphs = 4, using: Embedder = embedder) {
  const text = syntheticArticle(topic, paragraphs);
  const chunks = chunkText(text, { minChars: 10 });
  const r = await library.addArticle(
    { id: topic, title: topic, url: null, byline: null, publishedAt: null, text, contentHash: topic },
    chunks,
    await using.embedDocuments(chunks.map((c) => c.text)),
  );
  if (r.duplicate) throw new Error("unexpected duplicate");
  return r.passageIds;
}

/** A question's nearest ids as the bot asks them (termStats, then candidates), and which path served them. */
async function ask(storage: PostgresStorage, lib: string, question: string, limit = 10) {
  const vector = await embedder.embedQuery(question);
  return (await storage.withLibrary(lib, false, async (l) => {
    await l.termStats([]);
    const [sql] = await (l as PostgresLibrary).candidatesStatement({ words: [], vector, limit });
    const c = await l.candidates({ words: [], vector, limit });
    return { nearest: c.nearest, cached: sql.includes("unnest($5::int8[])") };
  }))!;
}

/** Asks once (which starts the cold load), waits for the load: the copy is held after. */
async function warm(storage: PostgresStorage, lib: string) {
  await ask(storage, lib, "warm up");
  await storage.vectors.settled();
  expect(storage.vectors.holds(lib)).toBeDefined();
}

const QUESTIONS = [
  "heron committee spring",
  "budgets of the egret group",
  "plover plans for 2002",
  "summer break",
];

describe.each(PG_SERVERS)("the postgres vector cache on $name", (kind) => {
  usePgServer(kind, (s) => {
    server = s;
  });

  it("decodes halfvecs and rounds floats to halves as the database does", async () => {
    await server.reset();
    const storage = await connect();
    try {
      const values = [
        0,
        1,
        -1,
        0.1,
        -0.333333,
        1e-5,
        -6e-8,
        3e-8,
        2 ** -25,
        65504,
        0.5 + 2 ** -12,
        0.5 + 3 * 2 ** -12,
        ...Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * (i % 3 === 0 ? 1e-3 : 1)),
      ];
      const v = Float32Array.from(values);
      const { rows } = await storage.query<{ b: string }>(
        "SELECT encode(halfvec_send($1::halfvec), 'base64') AS b",
        [vectorLiteral(v)],
      );
      const stored = decodeHalfvec(rows[0]!.b);
      expect(stored.length).toBe(values.length);
      expect(Array.from(v, (x) => Math.fround(halfRound(x)))).toEqual(Array.from(stored));
    } finally {
      await storage.close();
    }
  });

  it("finds in process the nearest ids an exact scan in SQL finds, from the first question on", async () => {
    await server.reset();
    const cached = await connect();
    // No room for a copy: every question scans in SQL.
    const scanned = await connect({ cacheFloats: 0 });
    try {
      await cached.withLibrary("lib", true, async (l) => {
        for (const t of TOPICS) await store(l, t);
      });
      // The first question scans in SQL while the copy loads; the next ones use the copy.
      const first = await ask(cached, "lib", QUESTIONS[0]!);
      expect(first.cached).toBe(false);
      await cached.vectors.settled();
      let agree = 0;
      let total = 0;
      for (const q of QUESTIONS) {
        const a = await ask(cached, "lib", q);
        const b = await ask(scanned, "lib", q);
        expect(a.cached).toBe(true);
        expect(b.cached).toBe(false);
        expect(a.nearest).toHaveLength(10);
        const truth = new Set(b.nearest);
        agree += a.nearest.filter((id) => truth.has(id)).length;
        total += truth.size;
      }
      expect(agree / total).toBeGreaterThanOrEqual(0.98);
      expect(scanned.vectors.holds("lib")).toBeUndefined();
    } finally {
      await cached.close();
      await scanned.close();
    }
  });

  it("shows a replica another replica's new article on its next question, and its own without a reload", async () => {
    await server.reset();
    const a = await connect();
    const b = await connect();
    try {
      await a.withLibrary("lib", true, async (l) => {
        for (const t of TOPICS.slice(0, 4)) await store(l, t);
      });
      await warm(a, "lib");
      await warm(b, "lib");
      const before = b.vectors.holds("lib")!;
      const added = (await a.withLibrary("lib", false, (l) => store(l, "sandpiper", 6)))!;
      // a's own write went into a's copy directly, at the version it made.
      expect(a.vectors.holds("lib")).toEqual({
        passages: before.passages + added.length,
        version: before.version + 1,
      });
      for (const s of [a, b]) {
        const got = await ask(s, "lib", "sandpiper committee spring budgets");
        expect(got.cached).toBe(true);
        expect(got.nearest.filter((id) => added.includes(id)).length).toBeGreaterThanOrEqual(
          Math.min(added.length, 5),
        );
      }
      expect(b.vectors.holds("lib")).toEqual(a.vectors.holds("lib"));
      // The copy a took from its write and the one b loaded give the same answers.
      for (const q of QUESTIONS)
        expect((await ask(a, "lib", q)).nearest).toEqual((await ask(b, "lib", q)).nearest);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("never returns a forgotten article's passages from any replica, and keeps the nearest full", async () => {
    await server.reset();
    const a = await connect();
    const b = await connect();
    try {
      const ids = new Map<string, number[]>();
      await a.withLibrary("lib", true, async (l) => {
        for (const t of TOPICS) ids.set(t, await store(l, t));
      });
      await warm(a, "lib");
      await warm(b, "lib");
      const total = [...ids.values()].flat().length;
      expect(await a.withLibrary("lib", false, (l) => l.forget("egret"))).toBe(true);
      const gone = new Set(ids.get("egret"));
      for (const s of [b, a]) {
        for (const q of ["egret group budgets", "egret committee spring", ...QUESTIONS]) {
          const got = await ask(s, "lib", q);
          expect(got.cached).toBe(true);
          expect(got.nearest.filter((id) => gone.has(id))).toEqual([]);
          // The copy dropped them: ten neighbours, not ten less the ones the statement found gone.
          expect(got.nearest).toHaveLength(10);
        }
        expect(s.vectors.holds("lib")!.passages).toBe(total - gone.size);
      }
      // Forgotten and added since the copy was loaded: both seen at once.
      const c = await connect();
      try {
        await warm(c, "lib");
        await a.withLibrary("lib", false, (l) => l.forget("plover"));
        const added = (await a.withLibrary("lib", false, (l) => store(l, "sandpiper")))!;
        const got = await ask(c, "lib", "plover sandpiper committee");
        expect(got.nearest.filter((id) => ids.get("plover")!.includes(id))).toEqual([]);
        expect(got.nearest.some((id) => added.includes(id))).toBe(true);
        expect(c.vectors.holds("lib")!.passages).toBe(
          total - gone.size - ids.get("plover")!.length + added.length,
        );
      } finally {
        await c.close();
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("loads a replica's copy again after a reindex elsewhere changed every vector", async () => {
    await server.reset();
    const a = await connect();
    const b = await connect();
    const scanned = await connect({ cacheFloats: 0 });
    // Another embedder under the same identity: every vector changes, the settings do not.
    const reversed: Embedder = {
      identity: embedder.identity,
      embedDocuments: async (texts) => (await embedder.embedDocuments(texts)).map((v) => v.slice().reverse()),
      embedQuery: (text) => embedder.embedQuery(text),
    };
    try {
      await a.withLibrary("lib", true, async (l) => {
        for (const t of TOPICS) await store(l, t);
      });
      await warm(b, "lib");
      const old = await ask(b, "lib", QUESTIONS[1]!);
      await a.reindex(reversed);
      // The first question after it scans in SQL (the copy is loading again), then the copy serves.
      const first = await ask(b, "lib", QUESTIONS[1]!);
      expect(first.cached).toBe(false);
      await b.vectors.settled();
      for (const q of QUESTIONS) {
        const got = await ask(b, "lib", q);
        expect(got.cached).toBe(true);
        expect(got.nearest).toEqual((await ask(scanned, "lib", q)).nearest);
      }
      expect((await ask(b, "lib", QUESTIONS[1]!)).nearest).not.toEqual(old.nearest);
      // a reindexed: its own copies went with it, and come back loaded anew.
      await warm(a, "lib");
      expect((await ask(a, "lib", QUESTIONS[2]!)).nearest).toEqual(
        (await ask(scanned, "lib", QUESTIONS[2]!)).nearest,
      );
    } finally {
      await a.close();
      await b.close();
      await scanned.close();
    }
  });

  it("keeps libraries apart: a copy holds its own library's rows only, the same article in two libraries", async () => {
    await server.reset();
    const storage = await connect();
    try {
      const own = new Map<string, number[]>();
      for (const lib of ["one", "two"])
        own.set(
          lib,
          (await storage.withLibrary(lib, true, async (l) => {
            const ids: number[] = [];
            for (const t of lib === "one" ? TOPICS.slice(0, 3) : ["heron", "sandpiper"])
              ids.push(...(await store(l, t)));
            return ids;
          }))!,
        );
      await warm(storage, "one");
      await warm(storage, "two");
      expect(storage.vectors.holds("one")!.passages).toBe(own.get("one")!.length);
      expect(storage.vectors.holds("two")!.passages).toBe(own.get("two")!.length);
      for (const lib of ["one", "two"]) {
        const got = await ask(storage, lib, syntheticArticle("heron"), 40);
        expect(got.cached).toBe(true);
        expect(got.nearest.length).toBe(Math.min(40, own.get(lib)!.length));
        for (const id of got.nearest) expect(own.get(lib)).toContain(id);
      }
    } finally {
      await storage.close();
    }
  });

  it("holds copies within its bound, least recently used out first, and answers the same without one", async () => {
    await server.reset();
    const count = chunkText(syntheticArticle("x"), { minChars: 10 }).length;
    // Room for one library of two articles, not two.
    const storage = await connect({ cacheFloats: 3 * count * embedder.identity.dimensions });
    const scanned = await connect({ cacheFloats: 0 });
    try {
      for (const lib of ["one", "two"])
        await storage.withLibrary(lib, true, async (l) => {
          await store(l, `${lib}heron`);
          await store(l, `${lib}egret`);
        });
      await warm(storage, "one");
      // "one" was used a moment ago: it is not evicted for "two", which scans in SQL.
      await ask(storage, "two", "warm up");
      await storage.vectors.settled();
      expect(storage.vectors.holds("two")).toBeUndefined();
      const got = await ask(storage, "two", "twoheron committee");
      expect(got.cached).toBe(false);
      expect(got.nearest).toEqual((await ask(scanned, "two", "twoheron committee")).nearest);
    } finally {
      await storage.close();
      await scanned.close();
    }
  });

  it("leaves a library past the exact scan's limit to the HNSW graph, and drops its copy", async () => {
    await server.reset();
    const first = chunkText(syntheticArticle("heron"), { minChars: 10 }).length;
    const a = await connect({ exactScanMax: first });
    const b = await connect({ exactScanMax: first });
    try {
      await a.withLibrary("lib", true, (l) => store(l, "heron"));
      await warm(a, "lib");
      await warm(b, "lib");
      await a.withLibrary("lib", false, (l) => store(l, "egret"));
      expect(a.vectors.holds("lib")).toBeUndefined();
      for (const s of [a, b]) {
        expect((await ask(s, "lib", "heron committee")).cached).toBe(false);
        const [sql] = (await s.withLibrary("lib", false, async (l) => {
          await l.termStats([]);
          return (l as PostgresLibrary).candidatesStatement({
            words: [],
            vector: await embedder.embedQuery("heron"),
            limit: 10,
          });
        }))!;
        expect(sql).toContain("AND graph ORDER BY embedding <=>");
        expect(s.vectors.holds("lib")).toBeUndefined();
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("upgrades a schema 4 database with data: versions start at 0, copies load, and writes bump them", async () => {
    await server.reset();
    let storage = await connect();
    const ids = new Map<string, number[]>();
    try {
      await storage.withLibrary("lib", true, async (l) => {
        for (const t of TOPICS.slice(0, 4)) ids.set(t, await store(l, t));
      });
    } finally {
      await storage.close();
    }
    // As schema 4 left it: no vectors' version.
    await server.db.query(
      "ALTER TABLE footnote_libraries DROP COLUMN vectors_version, DROP COLUMN vectors_forgotten, DROP COLUMN vectors_reindexed",
    );
    await server.db.query("UPDATE footnote_meta SET value = '4' WHERE key = 'schema_version'");
    storage = await connect();
    const other = await connect();
    try {
      const { rows } = await server.db.query<{ value: string }>(
        "SELECT value FROM footnote_meta WHERE key = 'schema_version'",
      );
      expect(rows).toEqual([{ value: String(SCHEMA_VERSION) }]);
      const { rows: lib } = await server.db.query<{ v: string; f: string; r: string }>(
        "SELECT vectors_version::text AS v, vectors_forgotten::text AS f, vectors_reindexed::text AS r FROM footnote_libraries",
      );
      expect(lib).toEqual([{ v: "0", f: "0", r: "0" }]);
      await warm(storage, "lib");
      await warm(other, "lib");
      expect(storage.vectors.holds("lib")).toEqual({ passages: [...ids.values()].flat().length, version: 0 });
      await other.withLibrary("lib", false, (l) => l.forget("heron"));
      const added = (await other.withLibrary("lib", false, (l) => store(l, "sandpiper")))!;
      const got = await ask(storage, "lib", "heron sandpiper committee");
      expect(got.cached).toBe(true);
      expect(got.nearest.filter((id) => ids.get("heron")!.includes(id))).toEqual([]);
      expect(got.nearest.some((id) => added.includes(id))).toBe(true);
      expect(storage.vectors.holds("lib")!.version).toBe(2);
    } finally {
      await storage.close();
      await other.close();
    }
  });
});

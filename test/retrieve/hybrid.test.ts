import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testFootnote } from "../helpers/footnote.ts";
import { analyseQuery, lexicalWords } from "../../src/retrieve/query.ts";
import { ftsMatch } from "../../src/library/embedded/sqlite-store.ts";
import { DEFAULT_WEIGHTS, isReferenceList, retrieveWithVector } from "../../src/retrieve/hybrid.ts";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";

describe("hybrid retrieval", () => {
  let ctx: Awaited<ReturnType<typeof testFootnote>>;
  beforeAll(async () => {
    ctx = await testFootnote();
    const paragraphs = [
      "This relationship eventually produced closer ties of blood through the marriage of Emma, sister of Duke Richard II of Normandy, and King Ethelred II of England.",
      "Headquartered in the region are several studios, among them Warner Brothers and Paramount Pictures, which employ many thousands of people.",
      "The castle was rebuilt in stone after the fire of 1174, and its keep still stands above the river.",
      "The harbour was dredged every spring so that the fishing fleet could leave at low tide.",
    ];
    // One article each, so that each is its own passage.
    for (const [i, text] of paragraphs.entries())
      await ctx.footnote.ingest("default", { kind: "text", text, title: `Note ${i}` });
  });
  afterAll(() => ctx.footnote.close());

  it("matches a possessive the way the full-text index splits it (Emma's → Emma)", async () => {
    const library = embeddedLibrary(ctx.footnote.storage, "default")!;
    const store = library.store;
    const expr = ftsMatch(lexicalWords(await analyseQuery("What is known about Emma's family?", library)))!;
    expect(expr).toContain('"emma"');
    expect(expr).not.toContain("emma's");
    const ids = store.lexical(expr, 5).map((r) => r.id);
    expect(store.passages(ids)[0]!.text).toContain("marriage of Emma");
  });

  it("finds a passage by an inflected form of its words", async () => {
    const [top] = await ctx.footnote.retrieve("default", "When was the castle rebuilt after the fires?", 3);
    expect(top!.text).toContain("1174");
  });

  it("ranks by the question's rarest words, not its common ones", async () => {
    const [top] = await ctx.footnote.retrieve("default", "Why was the harbour dredged?", 3);
    expect(top!.text).toContain("dredged every spring");
  });

  it("returns passages no longer than 1,000 characters, at most k of them, best first", async () => {
    const hits = await ctx.footnote.retrieve("default", "castle harbour studios", 2);
    expect(hits.length).toBe(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    for (const h of hits) expect(h.text.length).toBeLessThanOrEqual(1000);
  });

  it("scores a passage found by BM25 that the index does not hold yet from the stored vector", async () => {
    // As when another process has just ingested it: the store and FTS5 have it, the index not.
    const library = embeddedLibrary(ctx.footnote.storage, "default")!;
    const question = "When was the castle rebuilt after the fire?";
    const qv = Float32Array.from(await ctx.footnote.embedder.embedQuery(question));
    const held = (await retrieveWithVector(library, qv, question, 1)).passages[0]!;
    expect(held.text).toContain("1174");
    const [stored] = library.store.vectors([held.id]);
    library.index.remove(held.id);
    try {
      expect(library.index.has(held.id)).toBe(false);
      const notHeld = (await retrieveWithVector(library, qv, question, 1)).passages[0]!;
      expect(notHeld.id).toBe(held.id);
      // The same score, from the float vector instead of the index's codes.
      expect(notHeld.score).toBeCloseTo(held.score, 3);
    } finally {
      library.index.add(stored![0], stored![1]);
    }
  });

  it("copes with a question of stop words only or of punctuation", async () => {
    await expect(ctx.footnote.retrieve("default", "who is it?", 3)).resolves.toBeInstanceOf(Array);
    await expect(ctx.footnote.retrieve("default", '"" OR ) NEAR(', 3)).resolves.toBeInstanceOf(Array);
  });
});

describe("hybrid retrieval: the question's language first", () => {
  let ctx: Awaited<ReturnType<typeof testFootnote>>;
  beforeAll(async () => {
    ctx = await testFootnote();
    // The French article names everything the question names; the Portuguese one answers it.
    await ctx.footnote.ingest("mixed", {
      kind: "text",
      title: "Palmeiras : la finale de la Copa Libertadores",
      text: "Palmeiras et Corinthians joueront la finale de la Copa Libertadores le 12 mars 2019 au stade Allianz Parque de São Paulo. Palmeiras a remporté la Copa Libertadores en 1999, Corinthians en 2012. La finale est attendue par des millions de supporters au Brésil et en Argentine.",
    });
    await ctx.footnote.ingest("mixed", {
      kind: "text",
      title: "Onde assistir à final",
      text: "A final vai passar no SporTV, com narração de Galvão Bueno. O canal confirmou a transmissão ao vivo para todo o país, e a partida também será exibida em telões na cidade.",
    });
  });
  afterAll(() => ctx.footnote.close());

  it("answers from an article in the question's language before one in another that shares its names", async () => {
    const [top] = await ctx.footnote.retrieve(
      "mixed",
      "Em qual canal vai passar a final da Copa Libertadores entre Palmeiras e Corinthians?",
      3,
    );
    expect(top!.text).toContain("SporTV");
  });

  it("keeps the other language's passages after them, for a library with nothing else", async () => {
    const hits = await ctx.footnote.retrieve(
      "mixed",
      "Em qual canal vai passar a final da Copa Libertadores entre Palmeiras e Corinthians?",
      3,
    );
    expect(hits.map((h) => h.language)).toEqual(["pt", "fr"]);
  });
});

describe("lexicalWords in a large library", () => {
  const terms = (passages: number, idfs: Record<string, number>) => {
    const words = Object.keys(idfs);
    return {
      words,
      stems: words,
      idf: new Map(Object.entries(idfs)),
      pairs: new Set<string>(),
      totalIdf: Object.values(idfs).reduce((a, b) => a + b, 0),
      passages,
      alternatives: [],
    };
  };
  const question = { alpha: 9, bravo: 8, charlie: 7.5, delta: 7, echo: 6, foxtrot: 5 };

  it("looks up only the three rarest words, so that each query scores a bounded number of posting lists", () => {
    expect(lexicalWords(terms(100_000, question)).sort()).toEqual(["alpha", "bravo", "charlie"]);
  });

  it("keeps every word in a small library, where posting lists are short", () => {
    expect(lexicalWords(terms(1_000, question))).toHaveLength(6);
  });

  it("gives none of the rarest places to a word no passage holds", () => {
    // "tell" of "Tell me about …" in a library that never says it: the highest IDF of all, and nothing to match.
    const q = { ...terms(100_000, { tell: 12, ...question }), absent: new Set(["tell"]) };
    expect(lexicalWords(q).sort()).toEqual(["alpha", "bravo", "charlie"]);
    expect(lexicalWords(q, { keepAbsent: true }).sort()).toEqual(["alpha", "bravo", "tell"]);
    // Split at the apostrophe, its pieces may still be in the index.
    const apostrophe = { ...terms(100_000, { "o'neil": 12, ...question }), absent: new Set(["o'neil"]) };
    expect(lexicalWords(apostrophe)).toContain("neil");
  });

  it("lets a word in more of a huge library's passages rank, and one word more (DEFAULT_WEIGHTS)", () => {
    const lexical = DEFAULT_WEIGHTS.lexical;
    // IDF of a word in 15,000 passages at 1M (1.5%): over the fixed cap of 5,000, within 2%.
    const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const common = (n: number) => ({
      alpha: idf(n, 400),
      bravo: idf(n, 15_000),
      charlie: idf(n, 16_000),
      delta: idf(n, 18_000),
      echo: idf(n, 50_000),
    });
    expect(lexicalWords(terms(1_000_000, common(1_000_000)))).toEqual(["alpha"]);
    expect(lexicalWords(terms(1_000_000, common(1_000_000)), lexical).sort()).toEqual([
      "alpha",
      "bravo",
      "charlie",
      "delta",
    ]);
    // Below 250k passages the cap stays 5,000, and three words.
    expect(lexicalWords(terms(200_000, question), lexical)).toHaveLength(3);
    const mid = { alpha: idf(200_000, 400), bravo: idf(200_000, 4_000), charlie: idf(200_000, 6_000) };
    expect(lexicalWords(terms(200_000, mid), lexical).sort()).toEqual(["alpha", "bravo"]);
  });

  it("marks the question's stems that no passage holds", async () => {
    const q = await analyseQuery("Tell me about the harbour's zyxwvut", {
      termStats: async (stems) => ({
        passages: 100,
        df: new Map(stems.map((s) => [s, s === "harbour" ? 3 : 0])),
      }),
    });
    expect([...(q.absent ?? [])].sort()).toEqual(q.stems.filter((s) => s !== "harbour").sort());
  });
});

describe("hybrid retrieval: a list of references", () => {
  let ctx: Awaited<ReturnType<typeof testFootnote>>;
  beforeAll(async () => {
    ctx = await testFootnote();
    await ctx.footnote.ingest("default", {
      kind: "text",
      text: "At the end of 2013, Mozilla announced a deal with Cisco. Mozilla's CTO, Brendan Eich, acknowledged that this is not a complete solution.",
      title: "Mozilla and Cisco",
    });
    await ctx.footnote.ingest("default", {
      kind: "text",
      text: '^ "Brendan Eich steps down as Mozilla CEO". The Mozilla Blog. Retrieved 2015-04-20. ^ Baker, Mitchell (3 April 2014). "Brendan Eich Steps Down". ^ "Who is Brendan Eich?". Retrieved 2014-04-01.',
      title: "References",
    });
  });
  afterAll(() => ctx.footnote.close());

  it("tells a list of notes opening with ^ from prose", () => {
    expect(
      isReferenceList(
        '^ "FAQ on CEO Resignation". Retrieved 2015-04-20. ^ Baker, Mitchell. ^ Bellware, Kim.',
      ),
    ).toBe(true);
    expect(isReferenceList("The ^ sign marks a power: 2 ^ 3 is 8.")).toBe(false);
  });

  it("ranks prose that names the question's words above references whose titles name them", async () => {
    const [top] = await ctx.footnote.retrieve("default", "Who is Brendan Eich?", 2);
    expect(top!.text).toContain("Mozilla's CTO, Brendan Eich");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { SHARED_ARTICLE, SHARED_PRESENT, testFootnote } from "../helpers/footnote.ts";
import { scoredPassage } from "../helpers/passages.ts";
import { DEFAULT_EXTRACTIVE, extractAnswer, namesShare } from "../../src/answer/extractive.ts";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";
import { readQuestion } from "../../src/answer/question.ts";

/** Share of the question's names in `text`, the question read as the answerer reads it. */
const share = (question: string, text: string, lang: string, numbers = true) =>
  namesShare(readQuestion(question, lang), text, numbers);

describe.runIf(SHARED_PRESENT)("extractive answerer, through the library", () => {
  let ctx: Awaited<ReturnType<typeof testFootnote>>;
  let id: string;
  beforeAll(async () => {
    ctx = await testFootnote();
    const text = fs.readFileSync(SHARED_ARTICLE, "utf8");
    id = (await ctx.footnote.ingest("default", { kind: "text", text })).id;
  });
  afterAll(() => ctx.footnote.close());

  it("quotes exact substrings of the stored article, with markers that match its citations", async () => {
    const stored = embeddedLibrary(ctx.footnote.storage, "default")!.store.articleText(id)!;
    for (const q of [
      "Who was at the meeting?",
      "Where has Tikhanovskaya taken refuge?",
      "What did Pavel Latushko write?",
    ]) {
      const r = await ctx.footnote.ask("default", q);
      expect(r.abstained, q).toBe(false);
      for (const c of r.citations) {
        expect(stored.slice(c.start, c.end)).toBe(c.quote);
        expect(c.articleId).toBe(id);
      }
      const markers = new Set([...r.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect([...markers].sort()).toEqual(r.citations.map((c) => c.n));
    }
  });

  it("answers a where-question with the sentence that holds the place", async () => {
    const r = await ctx.footnote.ask("default", "Where has Tikhanovskaya taken refuge?");
    expect(r.answer).toContain("Lithuania");
    // A sentence that shares one word ("jailed") with the answer is not linked to it.
    expect(r.answer).not.toContain("A photo posted");
  });

  it("names the people at the meeting, from sentences that describe it without the word", async () => {
    const r = await ctx.footnote.ask("default", "Who was at the meeting?");
    const quotes = r.citations.map((c) => c.quote).join("\n");
    for (const name of ["Viktor Babaryko", "Liliya Vlasova", "Vitali Shkliarov"]) {
      expect(r.answer, name).toContain(name);
      expect(quotes, name).toContain(name);
    }
    // In the article's order: the list's lead sentence, then the one that carries it on.
    expect(r.answer.indexOf("Babaryko")).toBeLessThan(r.answer.indexOf("Others in the picture"));
  });

  it('answers when an event took place, reading "take place" as no more than that', async () => {
    const r = await ctx.footnote.ask("default", "When did the meeting take place?");
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain("the meeting on Saturday");
  });

  it("keeps a quotation whole when it holds a full stop", async () => {
    const r = await ctx.footnote.ask("default", "What did Pavel Latushko write on social media?");
    expect(r.answer).toContain(
      '"showed we are on the right track. Lukashenko was forced to sit down for talks with those he himself put behind bars."',
    );
  });

  it("declines a negated question that its best sentence answers only without the negation", async () => {
    const asked = (await ctx.parts.ask.askDetailed("default", "Who was at the meeting?")).answer;
    const negated = (await ctx.parts.ask.askDetailed("default", "Who was not at the meeting?")).answer;
    expect(asked.abstained).toBe(false);
    expect(asked.evidence?.negatedQuestion).toBe(0);
    expect(negated.evidence?.negatedQuestion).toBe(1);
    expect(negated.abstained).toBe(true);
  });

  it("does not read a why-not question's negation as asking the opposite", async () => {
    const r = await ctx.parts.ask.askDetailed("default", "Why wasn't Tikhanovskaya at the meeting?");
    expect(r.answer.evidence?.negatedQuestion).toBe(0);
    const what = await ctx.parts.ask.askDetailed("default", "Who wasn't at the meeting?");
    expect(what.answer.evidence?.negatedQuestion).toBe(1);
  });

  it("says it found nothing when no sentence covers the question", async () => {
    const r = await ctx.footnote.ask("default", "What is the capital of Australia's wine industry?");
    expect(r).toMatchObject({
      answer: "I couldn't find that in your articles.",
      abstained: true,
      citations: [],
    });
    expect(r.confidence).toBeGreaterThan(0.5);
  });
});

describe("extractive answerer, on a second article with other words", () => {
  let ctx: Awaited<ReturnType<typeof testFootnote>>;
  beforeAll(async () => {
    ctx = await testFootnote();
    const text = fs.readFileSync(new URL("../fixtures/answer/board-meeting.txt", import.meta.url), "utf8");
    await ctx.footnote.ingest("default", { kind: "text", text });
  });
  afterAll(() => ctx.footnote.close());

  it("finds who was in the room through the words that describe the meeting", async () => {
    const r = await ctx.footnote.ask("default", "Who was at the meeting?");
    for (const name of ["Howard Pell", "Maria Costa", "Daniel Ardent", "Priya Raman"])
      expect(r.answer, name).toContain(name);
  });

  it("still answers a plain question with the sentence that says it", async () => {
    const r = await ctx.footnote.ask("default", "How much did shares in Coastline Dairy rise?");
    expect(r.answer).toContain("4%");
    expect(r.answer).not.toContain("Howard Pell");
  });

  it("declines a question whose word the article says the opposite of", async () => {
    const rose = (await ctx.parts.ask.askDetailed("default", "How much did shares in Coastline Dairy rise?"))
      .answer;
    const fell = (await ctx.parts.ask.askDetailed("default", "How much did shares in Coastline Dairy fall?"))
      .answer;
    expect(rose.evidence?.opposed).toBe(0);
    // "Shares in Coastline Dairy rose 4%": "fall" is WordNet's antonym of "rise".
    expect(fell.evidence?.opposed).toBe(1);
    expect(fell.abstained).toBe(true);
  });

  it("answers who with the matching sentence when the question names its own event", async () => {
    const r = await ctx.footnote.ask("default", "Who welcomed the decision?");
    expect(r.answer.startsWith("Coastline's chief executive, Sarah Lund, welcomed the decision")).toBe(true);
  });
});

describe("extractAnswer, on passages given directly", () => {
  const text = "The board met on Monday. Alice Smith chaired the board meeting. Bob Jones took the minutes.";
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const sentence = (s: string, coverage: number, matched: string[]) => ({
    ...span(s),
    coverage,
    pairs: 0,
    score: coverage,
    matched,
  });
  const passage = (id: number, from: string, to: string, sentences: ReturnType<typeof sentence>[]) => {
    const start = text.indexOf(from);
    const end = text.indexOf(to) + to.length;
    return {
      id,
      articleId: "a",
      index: id,
      start,
      end,
      text: text.slice(start, end),
      title: "Board",
      url: null,
      score: 1,
      sentences,
    };
  };

  it("quotes a sentence once when overlapping passages both hold it", () => {
    const chaired = "Alice Smith chaired the board meeting.";
    const a = passage(1, "The board met", chaired, [
      sentence("The board met on Monday.", 0.5, ["board"]),
      sentence(chaired, 1, ["chair", "board", "meet"]),
    ]);
    const b = passage(2, chaired, "the minutes.", [
      sentence(chaired, 1, ["chair", "board", "meet"]),
      sentence("Bob Jones took the minutes.", 0, []),
    ]);
    const r = extractAnswer("Who chaired the board meeting?", [a, b]);
    expect(r.answer.split("Alice Smith chaired").length - 1).toBe(1);
  });
});

describe("extractAnswer: a sentence the answer-type cue misses", () => {
  it("quotes the best match beside a typed sentence that matches less well", () => {
    const text =
      "The church was used by the dukes as a unifying force. Church leaders met Robert Guiscard in Rome.";
    const p = scoredPassage(
      text,
      [
        // "the dukes" holds no capitalised name: no person for the cue.
        {
          s: "The church was used by the dukes as a unifying force.",
          coverage: 0.66,
          matched: ["church", "use", "unifi"],
        },
        { s: "Church leaders met Robert Guiscard in Rome.", coverage: 0.45, matched: ["church"] },
      ],
      { title: "Normans" },
    );
    const r = extractAnswer("Who used the church to unify themselves?", [p], {
      ...DEFAULT_EXTRACTIVE,
      threshold: 0,
    });
    expect(r.answer).toBe(
      "Church leaders met Robert Guiscard in Rome. [1] The church was used by the dukes as a unifying force. [1]",
    );
  });
});

describe("extractAnswer: headings and datelines are never an answer", () => {
  it("answers from prose, not from a heading or a dateline that share the question's words", () => {
    const text = "Museum attack in Tunis\nTUNIS —\nGunmen attacked the Bardo museum in Tunis on Wednesday.";
    const spans = [
      { s: "Museum attack in Tunis", coverage: 1 },
      { s: "TUNIS —", coverage: 0.5 },
      { s: "Gunmen attacked the Bardo museum in Tunis on Wednesday.", coverage: 0.9 },
    ].map(({ s, coverage }) => ({
      start: text.indexOf(s),
      end: text.indexOf(s) + s.length,
      coverage,
      pairs: 0,
      score: coverage,
      matched: ["museum", "attack", "tuni"],
    }));
    const p = {
      id: 1,
      articleId: "a",
      index: 0,
      start: 0,
      end: text.length,
      text,
      title: "T",
      url: null,
      score: 1,
      sentences: spans,
    };
    const r = extractAnswer("Which museum did the gunmen attack in Tunis?", [p], {
      ...DEFAULT_EXTRACTIVE,
      threshold: 0,
    });
    expect(r.answer).toBe("Gunmen attacked the Bardo museum in Tunis on Wednesday. [1]");
    expect(r.citations[0]!.quote).toBe("Gunmen attacked the Bardo museum in Tunis on Wednesday.");
  });
});

describe("extractAnswer: a question is never its own answer", () => {
  const opts = { ...DEFAULT_EXTRACTIVE, threshold: 0 };
  const matched = ["ómicron", "caus", "covid", "prolong"];

  it("answers a heading's question from the prose after it, not from the heading", () => {
    const heading = "¿Ómicron puede causar covid prolongada?";
    const after =
      "Los científicos dicen que aún es muy pronto para saber si la variante causa síntomas persistentes.";
    const p = scoredPassage(`${heading}\n\n${after}`, [
      { s: heading, coverage: 1, matched },
      { s: after, coverage: 0.3, matched: ["caus"] },
    ]);
    const r = extractAnswer(heading, [p], opts);
    expect(r.citations.map((c) => c.quote)).toEqual([after]);
  });

  it("still answers from a sentence that states something before the question it asks", () => {
    const s =
      "Consider the decision version of the problem: Is there a route of at most 2000 kilometres through Germany's 15 largest cities?";
    const p = scoredPassage(`The problem has many instances. ${s} The answer is yes.`, [
      { s, coverage: 0.9, matched: ["rout", "kilometr", "germani"] },
    ]);
    const r = extractAnswer("How many kilometres is the route through Germany's largest cities?", [p], opts);
    expect(r.citations.map((c) => c.quote)).toEqual([s]);
  });
});

describe("extractAnswer: who said a quotation", () => {
  it("names the speaker from the sentence before a quotation that names no one", () => {
    const lead =
      "Charles Schultze, chairman of the Council of Economic Advisers, once summed up the danger with a metaphor.";
    const quote = "“It’s not so much a question of the wolf at the door, but termites in the woodwork.”";
    const other = "Economist Jane Roe says the line about the wolf at the door is old.";
    const p = scoredPassage(`${other}\n\n${lead} ${quote}`, [
      { s: other, coverage: 0.3, matched: ["line"] },
      { s: lead, coverage: 0, matched: [] },
      { s: quote, coverage: 1, matched: ["termit", "woodwork"] },
    ]);
    const r = extractAnswer("Who came up with the 'termites in the woodwork' line?", [p], {
      ...DEFAULT_EXTRACTIVE,
      threshold: 0,
    });
    // The short answer names him first, then the words he said (not the quotation alone).
    expect(r.answer).toMatch(/^Charles Schultze, chairman .* \[1\] “It’s not so much/);
  });
});

describe("extractAnswer: who an anonymous lede is about", () => {
  it("names the person the sentence after the lede opens on, though she is who 'said'", () => {
    const lede =
      "A photographer and Navy veteran is fighting back after a photo she posted to Facebook started a backlash.";
    const named = "Vanessa Hicks said she had no idea her photo would be considered controversial.";
    const p = scoredPassage(`${lede}\n\n${named}`, [
      { s: lede, coverage: 1, matched: ["photograph"] },
      { s: named, coverage: 0, matched: [] },
    ]);
    const r = extractAnswer("Who's the photographer?", [p], { ...DEFAULT_EXTRACTIVE, threshold: 0 });
    expect(r.answer).toMatch(/^Vanessa Hicks said/);
  });
});

describe("extractAnswer: a heading that states a fact", () => {
  const text = [
    "These are the coolest VR games",
    "“Rez Infinite” ($30)",
    "Beloved cult hit “Rez” gets the VR treatment, and the results are terrific.",
    "“Thumper” ($20)",
    "A rhythm game about a beetle on a track.",
  ].join("\n\n");
  const p = scoredPassage(text, [
    { s: "These are the coolest VR games", coverage: 0.2, matched: [] },
    { s: "“Rez Infinite” ($30)", coverage: 0.9, matched: ["rez", "infinit"] },
    {
      s: "Beloved cult hit “Rez” gets the VR treatment, and the results are terrific.",
      coverage: 0.4,
      matched: ["rez"],
    },
    { s: "“Thumper” ($20)", coverage: 0, matched: [] },
  ]);
  const opts = { ...DEFAULT_EXTRACTIVE, threshold: 0 };

  it("answers a typed question from a short heading holding the names asked and the kind asked", () => {
    expect(extractAnswer("How much is Rez Infinite?", [p], opts).citations[0]!.quote).toBe(
      "“Rez Infinite” ($30)",
    );
  });

  it("still never answers a plain question, or one whose names the heading lacks, from a heading", () => {
    const quotes = (q: string) => extractAnswer(q, [p], opts).citations.map((c) => c.quote);
    expect(quotes("Is Rez Infinite any good?")).not.toContain("“Rez Infinite” ($30)");
    expect(quotes("How much is Rez Infinite on PC?")).not.toContain("“Rez Infinite” ($30)");
  });
});

describe("extractAnswer: notices and credits", () => {
  const passage = (text: string, scored: Array<{ s: string; coverage: number }>) =>
    scoredPassage(
      text,
      scored.map((x) => ({ ...x, matched: ["kost", "app", "store"] })),
    );
  const opts = { ...DEFAULT_EXTRACTIVE, threshold: 0 };

  it("answers from a paragraph that ends in a credit after its full stop", () => {
    const s = "1Password kostet aktuell knapp 50 Euro im Mac App Store.";
    const p = passage(`Intro.\n\n${s} (bsc)\n\nMehr dazu.`, [{ s, coverage: 0.9 }]);
    expect(extractAnswer("Wie viel kostet 1Password im Mac App Store?", [p], opts).answer).toBe(`${s} [1]`);
  });

  it("never answers from a notice in brackets, though its sentences end in full stops", () => {
    const notice = "【本文的中文相关权益归腾讯公司独家所有。";
    const answer = "DeepMind已将其研究结果发表在科学刊物《自然》上。";
    const p = passage(`${answer}\n\n${notice}未经授权，不得转载。】`, [
      { s: notice, coverage: 0.9 },
      { s: answer, coverage: 0.6 },
    ]);
    expect(extractAnswer("DeepMind的研究结果发表在哪本刊物上？", [p], opts).answer).toBe(`${answer} [1]`);
  });
});

describe("extractAnswer: one article answers", () => {
  const passage = (id: number, articleId: string, text: string, coverage: number, matched: string[]) =>
    scoredPassage(text, [{ s: text, coverage, matched }], { id, articleId, title: articleId });

  it("does not set a better-matching sentence from another article beside a typed answer", () => {
    const price = passage(1, "software", "1Password costs about 50 euros in the Mac App Store.", 0.5, [
      "cost",
    ]);
    const other = passage(2, "harbour", "Protesters banged on the windows of the town hall.", 0.6, [
      "window",
    ]);
    const r = extractAnswer("How much does 1Password cost for Windows?", [price, other], {
      ...DEFAULT_EXTRACTIVE,
      threshold: 0,
    });
    expect(r.answer).toBe("1Password costs about 50 euros in the Mac App Store. [1]");
    expect(r.citations.map((c) => c.articleId)).toEqual(["software"]);
  });
});

describe("extractAnswer: the article that holds the question's names answers", () => {
  const passage = (id: number, articleId: string, text: string, coverage: number, matched: string[]) =>
    scoredPassage(text, [{ s: text, coverage, matched }], { id, articleId, title: articleId });
  const opts = { ...DEFAULT_EXTRACTIVE, threshold: 0 };

  it("answers from the article that names what was asked, though another matches more words", () => {
    const press = passage(1, "australia", "Julian Disney heads the Press Council in Sydney.", 0.5, [
      "press",
      "council",
    ]);
    const israel = passage(
      2,
      "israel",
      "Robert Danin, a senior fellow at the Council on Foreign Relations, is the president of its board.",
      0.7,
      ["council", "president"],
    );
    const r = extractAnswer("Who is the president of the Press Council?", [israel, press], opts);
    expect(r.citations.map((c) => c.articleId)).toEqual(["australia"]);
    expect(r.answer.startsWith("Julian Disney")).toBe(true);
  });

  it("does not count the question's numbers as the names an article must hold", () => {
    const football = passage(1, "football", "Luke Kuechly led the team in tackles.", 0.6, [
      "led",
      "team",
      "tackl",
    ]);
    const climate = passage(2, "climate", "In 2015 the panel was led by Ismail El Gizouli.", 0.3, [
      "2015",
      "led",
    ]);
    const r = extractAnswer("Who led the team in tackles in 2015?", [football, climate], opts);
    expect(r.citations.map((c) => c.articleId)).toEqual(["football"]);
  });
});

describe("namesShare: a question's names found in the article", () => {
  it("takes a dotted acronym for the same name without its dots", () => {
    expect(share("Why did the US rank so low?", "The U.S. ranked 19th of 30 countries.", "en")).toBe(1);
    expect(share("Did the U.K. rank higher?", "The UK ranked 12th.", "en")).toBe(1);
    expect(share("Why did the US rank so low?", "France ranked 19th of 30 countries.", "en")).toBe(0);
  });

  it("finds a name said another way, from WordNet (English)", () => {
    expect(share("Why did America score so poorly?", "The U.S. ranked 18th of 21.", "en")).toBe(1);
    expect(share("Who is the PM's security adviser?", "The Prime Minister's adviser spoke.", "en")).toBe(1);
    expect(share("Who is the Tunisian prime minister?", "Zimbabwe's cabinet met on Monday.", "en")).toBe(0);
    // WordNet's "IN" for Indiana is a stop word in any article; "US" counts only in capitals.
    expect(share("Who is Indiana's governor?", "The governor of Texas spoke in Austin.", "en")).toBe(0);
    expect(share("Why did America score so poorly?", "Let us see how it ranked.", "en")).toBe(0);
    // A proper name's other names are proper names: "Bush" is not "shrub".
    expect(share("What did Bush say?", "The shrub grew by the road.", "en")).toBe(0);
  });
});

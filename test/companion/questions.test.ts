import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { answersFrom, candidateQuestions } from "../../src/companion/questions.ts";
import { createFootnote } from "../../src/footnote.ts";
import { isSummaryRequest } from "../../src/conversation/message-kind.ts";
import {
  fakeOpenAIConfig,
  startFakeOpenAI,
  type ChatRequestBody,
  type FakeOpenAI,
} from "../helpers/fake-openai.ts";
import { SHARED_PAGES, SHARED_PRESENT, tempDir, testFootnote } from "../helpers/footnote.ts";

const HARBOUR = fs.readFileSync(new URL("../../examples/harbour-ferry-talks.txt", import.meta.url), "utf8");
const file = (text: string, filename = "harbour.txt") =>
  ({ kind: "file", bytes: new TextEncoder().encode(text), filename }) as const;

/**
 * A question a person would ask: a question word first, a question mark last, no "what"
 * swapped in ("What did <a name> say?", "What does <an acronym> stand for?" and "What is
 * <a thing's name>?" are fixed phrases around a name, not swaps).
 */
function readsAsAQuestion(q: string): void {
  const name = "\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+)+";
  if (new RegExp(`^What did ${name} (?:say|write|tell ${name})\\?$`, "u").test(q)) return;
  // "What does MSC stand for?": a fixed phrase around an acronym the article spells out.
  if (/^What does (?:\p{Lu}[\p{Lu}\d]{1,5}|(?:\p{Lu}\.){2,6}) stand for\?$/u.test(q)) return;
  // "What is Rust?", 'What is "Super Mario Run"?', "What is the safety net?": a fixed phrase
  // around a thing's name or a term the article glosses.
  if (/^What is (?:the )?\p{Ll}[\p{Ll} -]*\p{Ll}\?$/u.test(q)) return;
  // "What kind of game is “Thumper”?": a fixed phrase around a name and the article's noun.
  if (
    /^What kind of \p{Ll}+ is (?:["“][^"“”]+["”]|\p{Lu}[\p{L}\d'’&.-]*(?: \p{Lu}[\p{L}\d'’&.-]*){0,3})\?$/u.test(
      q,
    )
  )
    return;
  if (/^What is (?:the )?(?:"[^"]+"|\p{Lu}[\p{L}\d'’&.-]*(?: \p{Lu}[\p{L}\d'’&.-]*){0,3})\?$/u.test(q))
    return;
  expect(q).toMatch(/^(?:Who|When|How many|How much|How old) \S.*\?$/);
  expect(q).not.toMatch(/\bwhat\b/i);
  expect(q).not.toMatch(/\s[,.;:?]|\s{2}|\[\d+\]/);
}

describe("candidate questions", () => {
  it("rebuilds the article's sentences as questions: who is, who did, when, how many", async () => {
    const questions = (await candidateQuestions(HARBOUR, "en")).map((c) => c.question);
    expect(questions).toEqual(
      expect.arrayContaining([
        "Who is Osvald Brekke?",
        "Who is acting as a go-between for the council and the crews?",
        "When will the council vote on the ferry's future?",
        "How many people had gathered outside the town hall by nine o'clock?",
      ]),
    );
    for (const q of questions) readsAsAQuestion(q);
  });

  it.each([
    ["About 1,200 people live on the island of Vesterøy.", "How many people live on the island of Vesterøy?"],
    [
      "Seven decades later, Parata, 75, has now overseen more than 500 strandings.",
      "How many strandings has Parata overseen?",
    ],
    [
      "Eloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April.",
      "When was Eloise Parry taken to Royal Shrewsbury hospital?",
    ],
    [
      "Mozilla was founded in 1998 by members of Netscape.",
      "When was Mozilla founded by members of Netscape?",
    ],
    [
      "Street surfaces suffer too: Last year, the city filled 255,904 potholes.",
      "How many potholes did the city fill?",
    ],
    [
      'Now we know: "Super Mario Run" will launch on iPhone and iPad on December 15, for $9.99.',
      'When will "Super Mario Run" launch on iPhone and iPad?',
    ],
  ])("%s → %s", async (sentence, question) => {
    expect((await candidateQuestions(sentence, "en")).map((c) => c.question)).toContain(question);
  });

  it.each([
    [
      "It's now been a year since the PS4 Pro launched, and the One X costs $500.",
      "How much does the One X cost?",
    ],
    [
      "It is dense -- the console weighs 8.4 pounds, but it feels far heavier.",
      "How much does the console weigh?",
    ],
    ["The dress is valued at $150,000 by the insurers.", "How much is the dress valued at?"],
    [
      "Hermitian matrices are named after Charles Hermite, a French mathematician.",
      "Who are Hermitian matrices named after?",
    ],
    [
      "But a new report released on Monday by Stanford University's Center on Poverty calls that into question.",
      "When was the report released?",
    ],
  ])("asks how much, who it is named after, when a thing was released: %s", async (sentence, question) => {
    const asked = await candidateQuestions(sentence, "en");
    expect(asked.map((c) => c.question)).toContain(question);
    for (const c of asked) readsAsAQuestion(c.question);
  });

  it("asks no price without money, no weight without a unit, and nothing of a pronoun", async () => {
    for (const s of [
      "The new console costs a lot more than the last one did.",
      "The console weighs 8 when it is measured in the company's own scale.",
      "It costs $500 and the company says that is fair.",
    ])
      expect((await candidateQuestions(s, "en")).map((c) => c.question)).toEqual([]);
  });

  it("asks who someone is only when the article says it", async () => {
    const text =
      "Facebook CEO Mark Zuckerberg spoke at the trial on Tuesday in Dallas. " +
      "Zuckerberg said the company was built on relationships with founders. " +
      "Zuckerberg also met Evan Spiegel in 2013 about a deal that never happened. " +
      "Spiegel said no, and Spiegel kept his company independent after the talks.";
    const who = (await candidateQuestions(text, "en")).filter((c) => c.kind === "who").map((c) => c.question);
    expect(who).toEqual(["Who is Mark Zuckerberg?"]);
  });

  it("takes a described name that speaks for a person, but not an office's name", async () => {
    const parata =
      "Whale whisperer Hori Parata was seven when he saw his first stranding on the beach. " +
      "“The sea is hurting,” says Parata, an elder of the Ngātiwai tribe of Northland.";
    expect((await candidateQuestions(parata, "en")).map((c) => c.question)).toContain("Who is Hori Parata?");
    const office =
      "The thaw worried Tasos Georgelis, deputy commissioner at the Department of Environmental Protection, which runs the water system. " +
      "Environmental Protection officials said the department repaired 75 water-main breaks in January.";
    const who = (await candidateQuestions(office, "en"))
      .filter((c) => c.kind === "who")
      .map((c) => c.question);
    expect(who).not.toContain("Who is Environmental Protection?");
  });

  it("asks what someone said only of a person the article has speak, and takes only a quotation of them", async () => {
    const text =
      "Rae Zimmerman, a research professor at New York University, studies the city's pipes. " +
      "“It is a fixed-in-place system,” said Rae Zimmerman on Monday. " +
      "Tasos Georgelis, deputy commissioner at the department, was worried by the thaw. " +
      "“This is what he was fighting for,” Vanessa Hicks told ABC News. However, she was surprised.";
    const said = (await candidateQuestions(text, "en")).filter((c) => c.kind === "what-said");
    expect(said.map((c) => c.question)).toEqual([
      "What did Rae Zimmerman say?",
      "What did Vanessa Hicks say?",
      "What did Vanessa Hicks tell ABC News?",
    ]);
    for (const c of said) readsAsAQuestion(c.question);
    const answer = (text: string) => ({ answer: text, abstained: false, citations: [{ articleId: "a" }] });
    const quoted = answer("“It is a fixed-in-place system,” said Rae Zimmerman on Monday. [1]");
    const named = answer(
      "Rae Zimmerman, a research professor at New York University, studies the city's pipes. [1]",
    );
    expect(answersFrom(quoted as never, "a", { speaker: "Rae Zimmerman" })).toBe(true);
    expect(answersFrom(named as never, "a", { speaker: "Rae Zimmerman" })).toBe(false);
  });

  it('reads an opening "it" as the previous sentence\'s subject only when nothing else there could be it', async () => {
    const dress = "The dress is made of pearls and silk. It's valued at $150,000.";
    expect((await candidateQuestions(dress, "en")).map((c) => c.question)).toContain(
      "How much is the dress valued at?",
    );
    const report = "The report suggested the country is no jobs machine. It is valued at $150,000 by some.";
    expect((await candidateQuestions(report, "en")).map((c) => c.question)).toEqual([]);
  });

  it("makes none from a sentence it cannot turn round", async () => {
    for (const s of [
      "A budget bill approved in February will add $320 billion to deficits.",
      "Benjamin Netanyahu said on Monday that there would be no Palestinian state.",
      "Photo: the ferry in 2019, with 600 passengers aboard.",
      "It was taken on 12 April.",
    ])
      // Questions about a person (who they are, what they said) are not turned-round sentences.
      expect(
        (await candidateQuestions(s, "en")).filter((c) => c.kind !== "who" && c.kind !== "what-said"),
      ).toEqual([]);
  });

  it("asks only who someone is in other languages, and nothing where it has no fixed phrase for it", async () => {
    const fr =
      "Le maire Jean Dupont a ouvert la séance lundi. Selon Dupont, le vote aura lieu en décembre. " +
      "Les habitants ont applaudi Dupont à la sortie de la mairie.";
    expect((await candidateQuestions(fr, "fr")).map((c) => c.question)).toEqual(["Qui est Jean Dupont ?"]);
    expect(
      await candidateQuestions("Мэр Иван Петров открыл заседание. Петров сказал, что Петров прав.", "ru"),
    ).toEqual([]);
  });

  it("asks who someone is when the article says it, in another language, even when named once", async () => {
    const es =
      "Abdullah Ocalan, el líder independentista kurdo, desembarcó en Italia en noviembre de 1998. " +
      "Acoger a Ocalan implicaba un problema. El politólogo Samuel Huntington definía una sociedad así. " +
      "La Unión Europea no lo admitía. Carlos Nino llamó a la Argentina un país al margen de la ley.";
    expect((await candidateQuestions(es, "es")).map((c) => c.question)).toEqual([
      "¿Quién es Abdullah Ocalan?",
      "¿Quién es Samuel Huntington?",
    ]);
    // A declined name ("Declana Rice", Declan Rice as an object) is not asked in Czech.
    const cs =
      "„Je to fér,“ přidává se Emile Heskey, někdejší útočník Liverpoolu. " +
      "S Declanem Ricem, anglickým reprezentantem, vytvořil silné partnerství.";
    expect((await candidateQuestions(cs, "cs")).map((c) => c.question)).toEqual(["Kdo je Emile Heskey?"]);
  });
});

describe("suggested questions, through the facade", () => {
  let t: Awaited<ReturnType<typeof testFootnote>>;
  beforeAll(async () => {
    t = await testFootnote();
  });
  afterAll(() => t.footnote.close());

  it("offers only questions the answerer answers from that article, and a gist made of its sentences", async () => {
    // Another article first, so that an answer could come from elsewhere.
    await t.footnote.ingest("lib", { kind: "text", text: HARBOUR.replace(/Brekke/g, "Lind"), title: "Copy" });
    const r = await t.footnote.ingest("lib", file(HARBOUR), { companion: true });
    expect(r.summary).toMatch(/agreed on Monday night to reopen talks/);
    for (const s of r.summary!.split(/(?<=\.)\s+(?=[A-Z])/)) expect(HARBOUR).toContain(s);
    expect(r.questions!.length).toBeGreaterThanOrEqual(2);
    expect(r.questions!.length).toBeLessThanOrEqual(3);
    for (const q of r.questions!) {
      readsAsAQuestion(q);
      const a = await t.footnote.ask("lib", q, { articleIds: [r.id] });
      expect(a.abstained, q).toBe(false);
      expect(a.citations.every((c) => c.articleId === r.id)).toBe(true);
    }
  });

  it("gives nothing extra without { companion: true }", async () => {
    const r = await t.footnote.ingest("plain", file(HARBOUR));
    expect(r).not.toHaveProperty("summary");
    expect(r).not.toHaveProperty("questions");
  });

  it("summarises an article like an answer, and says undefined for an unknown id", async () => {
    const r = await t.footnote.ingest("sum", file(HARBOUR));
    const stored = (await t.parts.withLibrary("sum", false, (l) => l.articleText(r.id)))!;
    const s = (await t.footnote.summarize("sum", r.id))!;
    expect(s.abstained).toBe(false);
    expect(s.citations.length).toBeGreaterThanOrEqual(2);
    for (const c of s.citations) {
      expect(stored.slice(c.start, c.end)).toBe(c.quote);
      expect(c.passageId).toBeGreaterThan(0);
      expect(s.answer).toContain(`${c.quote} [${c.n}]`);
    }
    expect(await t.footnote.summarize("sum", "nope")).toBeUndefined();
  });
});

describe("with a chat model", () => {
  let fake: FakeOpenAI;
  let footnote: Awaited<ReturnType<typeof createFootnote>>;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    footnote = await createFootnote({
      config: fakeOpenAIConfig(fake, {
        OPENAI_API_KEY: "sk-test",
        CHAT_MODEL: "test-chat",
        EMBEDDINGS_PROVIDER: "local",
        DATA_DIR: tempDir(),
        LOG_LEVEL: "silent",
      }),
    });
  });
  afterEach(() => fake.setChatReply("NOT_FOUND"));
  afterAll(async () => {
    await footnote.close();
    await fake.close();
  });

  /** The model: a summary that cites passage 1 (and one claim with no marker, one with a bad one); answers quote the best sentence. */
  const model = (body: ChatRequestBody) => {
    const system = body.messages[0]!.content;
    const user = body.messages.at(-1)!.content;
    if (system.startsWith("You say what an article is about"))
      return "Port Elden's council and its ferry crews agreed to reopen talks over selling the island ferry [1]. The sale is frozen until the end of the year [2]. Everyone was happy. A vote is planned [9].";
    const question = /<question>([\s\S]*?)<\/question>/.exec(user)?.[1] ?? "";
    const words = new Set(question.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
    let best = { n: 0, sentence: "", score: 0 };
    for (const m of user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g))
      for (const sentence of m[2]!.split(/(?<=[.!?]["”]?)\s+/)) {
        const score = (sentence.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => words.has(w)).length;
        if (score > best.score) best = { n: Number(m[1]), sentence, score };
      }
    return best.n ? `${best.sentence} [${best.n}]` : "NOT_FOUND";
  };

  it("writes the gist with the model, keeping only the claims with valid markers", async () => {
    fake.setChatReply(model);
    const r = await footnote.ingest("chat", file(HARBOUR), { companion: true });
    expect(r.summary).toBe(
      "Port Elden's council and its ferry crews agreed to reopen talks over selling the island ferry. The sale is frozen until the end of the year.",
    );
    const prompt = fake.requests.find((q) => q.path.endsWith("/chat/completions"))!.body as ChatRequestBody;
    expect(prompt.messages[0]!.content).toMatch(/^You say what an article is about/);
    expect(prompt.messages[1]!.content).toContain("<title>Harbour council and ferry crews agree");
    // The questions were put to the model too, each restricted to the article.
    expect(r.questions!.length).toBeGreaterThanOrEqual(1);
    for (const q of r.questions!) readsAsAQuestion(q);
  });

  it("summarises with the model, cited to stored passages", async () => {
    fake.setChatReply(model);
    const r = await footnote.ingest("chat2", file(HARBOUR));
    const stored = (await footnote.storage.withLibrary("chat2", false, (l) => l.articleText(r.id)))!;
    const s = (await footnote.summarize("chat2", r.id))!;
    expect(s.abstained).toBe(false);
    expect(s.answer).toMatch(/reopen talks over selling the island ferry \[1\]/);
    expect(s.answer).not.toMatch(/Everyone was happy|\[9\]/);
    for (const c of s.citations) {
      expect(c.passageId).toBeGreaterThan(0);
      expect(stored.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it("quotes the gist when the model fails, and reports the failure when a summary is asked for", async () => {
    fake.setFailure({ status: 401 });
    try {
      const r = await footnote.ingest("down", file(HARBOUR), { companion: true });
      expect(r.summary).toMatch(/agreed on Monday night to reopen talks/);
      expect(r.questions).toEqual([]);
      await expect(footnote.summarize("down", r.id)).rejects.toMatchObject({ code: "PROVIDER_AUTH" });
    } finally {
      fake.setFailure(null);
    }
  });

  it("falls back to the article's own sentences when the model finds nothing to summarise", async () => {
    fake.setChatReply("NOT_FOUND");
    const r = await footnote.ingest("chat3", file(HARBOUR));
    const s = (await footnote.summarize("chat3", r.id))!;
    expect(s.answer).toMatch(/agreed on Monday night to reopen talks/);
  });
});

describe("asking for a summary in a chat", () => {
  it.each([
    "tl;dr",
    "TLDR",
    "Summarise it",
    "summarize this article please",
    "What is this article about?",
    "what's it about",
    "Résumé",
    "¿De qué trata?",
  ])("%s is a summary request", (text) => expect(isSummaryRequest(text)).toBe(true));
  it.each(["Who is Osvald Brekke?", "summary of the budget", "What is the council about to do?"])(
    "%s is a question",
    (text) => expect(isSummaryRequest(text)).toBe(false),
  );
});

describe.skipIf(!SHARED_PRESENT)("suggested questions on shared pages", () => {
  it("answers every suggested question from its own article, with two or more a page", async () => {
    const t = await testFootnote();
    try {
      for (const name of ["buzzfeed-1", "nytimes-3", "webmd-2", "seattletimes-1"]) {
        const bytes = fs.readFileSync(path.join(SHARED_PAGES, `${name}.html`));
        const r = await t.footnote.ingest(
          "pages",
          { kind: "file", bytes, filename: `${name}.html` },
          { companion: true },
        );
        expect(r.questions!.length, name).toBeGreaterThanOrEqual(2);
        for (const q of r.questions!) {
          readsAsAQuestion(q);
          const a = await t.footnote.ask("pages", q, { articleIds: [r.id] });
          expect(a.abstained, `${name}: ${q}`).toBe(false);
          expect(
            a.citations.every((c) => c.articleId === r.id),
            `${name}: ${q}`,
          ).toBe(true);
        }
      }
    } finally {
      await t.footnote.close();
    }
  }, 60_000);
});

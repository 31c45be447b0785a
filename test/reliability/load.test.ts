/**
 * Load in one process: 200 questions and 20 ingests started at once, through the library API
 * and through the bot (handleUpdate for many users and chats at once). Everything must
 * complete, answers must cite the right article, nothing may be lost, and the store must be
 * consistent afterwards. Throughput and p95 latency are printed.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createFootnote } from "../../src/footnote.ts";
import type { AnswerResult, IngestResult } from "../../src/types.ts";
import { makeTestBot, testConfig } from "../telegram/harness.ts";
import { makeArticle, type GeneratedArticle } from "./articles.ts";
import { checkLibrary } from "./consistency.ts";
import { percentile } from "./crash-harness.ts";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "footnote-load-"));
  dirs.push(d);
  return d;
}

/** Two wordings of each article's question. */
const wordings = (a: GeneratedArticle): string[] => [
  a.question,
  a.question.replace(
    /^Who guarded the (.*) vault in (.*)\?$/,
    "In $2, who was it that guarded the $1 vault?",
  ),
];

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

function figures(label: string, latencies: number[], wallMs: number): string {
  const line =
    `[load/${label}] ${latencies.length} operations in ${(wallMs / 1000).toFixed(2)} s: ${(latencies.length / (wallMs / 1000)).toFixed(1)} ops/s, ` +
    `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`;
  console.log(line);
  return line;
}

describe("the library API", () => {
  it("answers 200 questions correctly while 20 ingests run, all at once, and stays consistent", async () => {
    const dataDir = await tempDir();
    const footnote = await createFootnote({ config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }) });
    const LIB = "load";
    try {
      // 20 articles to ask about, stored first.
      const stored = new Map<number, IngestResult>();
      for (let n = 0; n < 20; n++) {
        const a = makeArticle(10_000 + n);
        stored.set(a.n, await footnote.ingest(LIB, { kind: "text", text: a.text, title: a.title }));
      }
      // 20 ingests: 19 new articles, the last one a second copy of the first (a race on the same text).
      const incoming = Array.from({ length: 20 }, (_, i) => makeArticle(20_000 + (i === 19 ? 0 : i)));
      const questions = Array.from({ length: 200 }, (_, i) => {
        const a = makeArticle(10_000 + (i % 20));
        return { a, q: wordings(a)[Math.floor(i / 20) % 2]! };
      });

      const t0 = performance.now();
      const ops = [
        ...incoming.map((a) =>
          timed(() => footnote.ingest(LIB, { kind: "text", text: a.text, title: a.title })),
        ),
        ...questions.map(({ q }) => timed(() => footnote.ask(LIB, q))),
      ];
      const results = await Promise.all(ops);
      const wall = performance.now() - t0;

      const ingests = results.slice(0, 20) as Array<{ value: IngestResult; ms: number }>;
      const answers = results.slice(20) as Array<{ value: AnswerResult; ms: number }>;
      expect(answers).toHaveLength(200);
      const wrong = answers.flatMap((r, i) => {
        const want = stored.get(questions[i]!.a.n)!.id;
        return r.value.citations.some((c) => c.articleId === want) &&
          r.value.answer.includes(questions[i]!.a.answer.split(" ")[0]!)
          ? []
          : [questions[i]!.q];
      });
      expect(wrong, "questions answered without citing their article").toEqual([]);

      // The two copies of one article: one stored, one found to be a duplicate, same id.
      expect(ingests[0]!.value.id).toBe(ingests[19]!.value.id);
      expect([ingests[0]!.value.duplicate, ingests[19]!.value.duplicate].sort()).toEqual([false, true]);
      expect(new Set(ingests.map((r) => r.value.id)).size).toBe(19);

      // Nothing lost: every new article is listed and answerable.
      const listed = new Set((await footnote.list(LIB)).map((a) => a.id));
      expect(listed.size).toBe(39);
      for (const [i, r] of ingests.entries()) {
        expect(listed.has(r.value.id)).toBe(true);
        if (i === 19) continue;
        const answer = await footnote.ask(LIB, incoming[i]!.question);
        expect(answer.citations.map((c) => c.articleId)).toContain(r.value.id);
      }
      const library = embeddedLibrary(footnote.storage, LIB)!;
      const report = checkLibrary(library);
      const chunks = (await footnote.list(LIB)).reduce((sum, a) => sum + a.chunks, 0);
      expect(report).toMatchObject({
        articles: 39,
        passages: chunks,
        halfArticles: [],
        orphanPassages: 0,
        ftsOrphans: 0,
        ftsMissing: 0,
        notInIndex: [],
        indexSize: chunks,
      });

      figures(
        "api: all 220 operations",
        results.map((r) => r.ms),
        wall,
      );
      figures(
        "api: questions",
        answers.map((r) => r.ms),
        wall,
      );
      figures(
        "api: ingests",
        ingests.map((r) => r.ms),
        wall,
      );

      // For comparison, the same questions one at a time.
      const t1 = performance.now();
      const alone: number[] = [];
      for (const { q } of questions) alone.push((await timed(() => footnote.ask(LIB, q))).ms);
      figures("api: questions one at a time", alone, performance.now() - t1);
    } finally {
      await footnote.close();
    }
  });
});

describe("the bot", () => {
  it("answers 200 questions from 20 users in 20 chats and 20 ingests, all at once, each in its own chat", async () => {
    const dataDir = await tempDir();
    const env = { DATA_DIR: dataDir, ALLOWED_USER_IDS: "*", LOG_LEVEL: "warn" };
    const footnote = await createFootnote({ config: testConfig(env) });
    const h = makeTestBot({ env, footnote });
    const CHATS = 20;
    const users = Array.from({ length: CHATS }, (_, i) => 1000 + i);
    try {
      // One article per chat before the rush; another arrives by /ingest during it.
      const before = new Map<number, { a: GeneratedArticle; id: string }>();
      for (const [i, u] of users.entries()) {
        const a = makeArticle(30_000 + i);
        before.set(u, {
          a,
          id: (await footnote.ingest(`chat:${u}`, { kind: "text", text: a.text, title: a.title })).id,
        });
      }
      const during = new Map(users.map((u, i) => [u, makeArticle(40_000 + i)]));

      const t0 = performance.now();
      const updates: Array<Promise<{ value: unknown; ms: number }>> = [];
      for (let round = 0; round < 10; round++) {
        for (const u of users) {
          if (round === 3) {
            const a = during.get(u)!;
            updates.push(timed(() => h.send({ userId: u, text: `/ingest ${a.title}\n\n${a.text}` })));
          }
          updates.push(timed(() => h.send({ userId: u, text: wordings(before.get(u)!.a)[round % 2]! })));
        }
      }
      const results = await Promise.all(updates);
      const wall = performance.now() - t0;
      expect(results).toHaveLength(220);

      for (const u of users) {
        const { a, id } = before.get(u)!;
        const replies = h.to(u);
        // One message per update: none lost, none doubled.
        expect(replies, `chat ${u}`).toHaveLength(11);
        const added = replies.filter((m) => m.plain.startsWith("Added "));
        expect(added, `chat ${u}: the ingest reply`).toHaveLength(1);
        expect(added[0]!.plain).toMatch(new RegExp(`^Added ${during.get(u)!.title}: \\d+ passages \\(id `));
        const answers = replies.filter((m) => !m.plain.startsWith("Added "));
        for (const m of answers) {
          expect(m.plain, `chat ${u}`).toContain(a.answer);
          expect(m.plain).toContain(a.title);
        }
        // Nothing crossed over from another chat.
        const mentioned = new Set(
          [
            ...replies
              .map((m) => m.plain)
              .join("\n")
              .matchAll(/Dispatch (\d+)/g),
          ].map((m) => Number(m[1])),
        );
        expect(
          [...mentioned].filter((n) => n !== a.n && n !== during.get(u)!.n),
          `chat ${u}: other chats' articles`,
        ).toEqual([]);
        const library = embeddedLibrary(footnote.storage, `chat:${u}`)!;
        expect((await footnote.list(`chat:${u}`)).map((x) => x.id)).toContain(id);
        expect(await footnote.list(`chat:${u}`)).toHaveLength(2);
        const report = checkLibrary(library);
        expect(report).toMatchObject({
          articles: 2,
          halfArticles: [],
          orphanPassages: 0,
          ftsOrphans: 0,
          ftsMissing: 0,
          notInIndex: [],
        });
        expect(report.indexSize).toBe(report.passages);
      }
      figures(
        "bot: all 220 updates",
        results.map((r) => r.ms),
        wall,
      );
    } finally {
      await footnote.close();
    }
  });
});

/**
 * Why `npm run bench` misses the questions it misses: on a library the bench kept
 * (`npm run bench -- --passages N --keep --data-dir DIR`), the same questions again (the same
 * seed regenerates the corpus and its sample without storing it), and for each the gold
 * passage's (the one holding the question's source sentence) place on every step of
 * retrieval:
 *
 *   - BM25: its full rank in FTS5's ranking of the question's lexical words (the OR of the
 *     rarest few, as retrieval asks it), not only whether it is in the first 40;
 *   - the vector side: its rank in the index's nearest 1,000;
 *   - fused (0.7·bm25/best + 0.5·cosine) among the candidates, and after the sentence rerank;
 *   - whether the question can tell it apart at all: how many other passages hold every one of
 *     the question's content stems, and how many hold them all in one sentence (those match
 *     the question as well as the gold passage does on every signal the retriever has). A
 *     question with five or more of those is one no retriever can answer in the top five:
 *     the corpus's ceiling.
 *
 *   npx tsx bench/diagnose-misses.ts --data-dir /tmp/footnote-bench-300000-XXXX [--questions 500] [--warmup 50]
 *        [--add-articles 5] [--variants "c40r20k,auto,c80r20w4"] [--new-words] [--json out.json]
 *
 * `--add-articles`: the articles the kept run added after its questions were sampled (5 for a
 * full run, 0 for `--load-only`). The ranks are those of retrieval before session 13 (a word no
 * passage holds may take one of BM25's places); `--new-words`: as retrieval now chooses them.
 * `--variants` also runs hit@5 and query time (embedding included) with other settings on the
 * same library and questions: cN rM [wW] [dD] [k] — N candidates a side, M reranked, BM25 on at
 * most W words of at most D passages each, k: absent words kept as before; `auto`: the defaults.
 */
import fs from "node:fs";
import { loadConfig } from "../src/config.ts";
import { createFootnote } from "../src/footnote.ts";
import { DEFAULT_HNSW } from "../src/library/embedded/vector-index.ts";
import { embeddedLibrary } from "../src/library/embedded/storage.ts";
import { ftsMatch } from "../src/library/embedded/sqlite-store.ts";
import { analyseQuery, lexicalWords } from "../src/retrieve/query.ts";
import { DEFAULT_WEIGHTS, retrieveWithVector, type RetrieveWeights } from "../src/retrieve/hybrid.ts";
import { scoreSentences } from "../src/retrieve/sentence-match.ts";
import { Corpus, paraphrase, Rng } from "./corpus.ts";

const LIB = "bench";
const args = process.argv.slice(2);
const arg = (name: string, dflt?: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dataDir = arg("--data-dir");
if (!dataDir) throw new Error("--data-dir DIR (a library kept by npm run bench -- --keep)");
const nQuestions = Number(arg("--questions", "500"));
const nWarmup = Number(arg("--warmup", "50"));
const seed = Number(arg("--seed", "20240601"));
const addArticles = Number(arg("--add-articles", "5"));
const kind = (arg("--vector-index", "hnsw") as "hnsw" | "flat") ?? "hnsw";
const variants = (arg("--variants", "") ?? "").split(",").filter(Boolean);
const jsonOut = arg("--json");
const skipDiagnosis = args.includes("--no-diagnosis");

const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const footnote = await createFootnote({ config, hnsw: { ...DEFAULT_HNSW, kind } });
const library = embeddedLibrary(footnote.storage, LIB);
if (!library) throw new Error(`no library ${LIB} in ${dataDir}`);
const { store, index } = library;
const passages = store.passageCount();
const articles = (store.db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;

// ---- The bench's questions again: the corpus regenerated (not stored) up to the articles ingested.
const t0 = performance.now();
const corpus = new Corpus({ seed });
corpus.startSampling(nQuestions + nWarmup);
for (let i = 0; i < articles - addArticles; i++) corpus.article();
const qrng = new Rng(seed + 7);
const all = corpus.sampledSentences().map((s) => ({ q: paraphrase(s, qrng), source: s }));
const questions = all.slice(nWarmup);
const warmup = all.slice(0, nWarmup);
process.stderr.write(
  `${passages.toLocaleString("en")} passages, ${articles} articles; ${questions.length} questions regenerated in ${Math.round(performance.now() - t0)} ms\n`,
);

const ftsIds = (match: string, limit: number) =>
  store.db
    .prepare<[string, number], { id: number; score: number }>(
      "SELECT rowid AS id, bm25(passages_fts, 0.3, 1.0) AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY score LIMIT ?",
    )
    .all(match, limit);
const andMatch = (words: string[]) =>
  words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"`).join(" AND ") : null;

interface Row {
  q: string;
  source: string;
  lexicalWords: string[];
  stems: string[];
  gold: number[];
  hit: boolean;
  bm25Rank: number | null;
  bm25Matches: number;
  vectorRank: number | null;
  fusedRank: number | null;
  rerankRank: number | null;
  /** Other passages with every content stem of the question, anywhere in the passage. */
  othersAllStems: number;
  /** Other passages with a sentence matching the question as well as the gold's best does. */
  othersSameSentence: number;
  /** Fused rank of the gold if BM25 had given every candidate (all lexical matches). */
  fusedRankAllLexical: number | null;
  /** The gold's BM25 rank with every content stem of the question looked up (OR), not only the rarest. */
  bm25RankAllStems: number | null;
  /** Passages holding each content stem. */
  df: number[];
  /** Lexical words the gold passage does not hold (a paraphrase's "896" for "89.6", "tell"). */
  wordsNotInGold: string[];
}

const rankOf = (ids: number[], gold: Set<number>) => {
  const i = ids.findIndex((id) => gold.has(id));
  return i >= 0 ? i + 1 : null;
};

const rows: Row[] = [];
if (!skipDiagnosis) {
  let done = 0;
  for (const { q, source } of questions) {
    const qt = await analyseQuery(q, library);
    const words = lexicalWords(qt, { keepAbsent: !args.includes("--new-words") });
    // The gold passages: every one holding the whole source sentence (found through the
    // question's stems, all of which the sentence holds, then checked on the text).
    // (Stems no passage holds, such as "tell" of "Tell me about", left out: the source sentence
    // does not hold them either.)
    const { df: dfs } = await library.termStats(qt.stems);
    const present = qt.stems.filter((st) => (dfs.get(st) ?? 0) > 0);
    const allMatch = andMatch(present.flatMap((s) => s.split(/['’]/)).filter((w) => w.length > 1));
    const withAll = allMatch ? ftsIds(allMatch, 100_000).map((r) => r.id) : [];
    const texts = await library.passages(withAll);
    const gold = new Set(texts.filter((p) => p.text.includes(source)).map((p) => p.id));
    // A question word the sentence does not hold ("896" of "89.6 million"): the gold found
    // through its rarest stems one at a time.
    for (const st of [...present].sort((a, b) => (dfs.get(a) ?? 0) - (dfs.get(b) ?? 0)).slice(0, 4)) {
      if (gold.size > 0) break;
      const ids = ftsIds(ftsMatch([st])!, 1_000_000).map((r) => r.id);
      for (let i = 0; i < ids.length && gold.size === 0; i += 2000)
        for (const p of await library.passages(ids.slice(i, i + 2000)))
          if (p.text.includes(source)) gold.add(p.id);
    }

    const goldBest = Math.max(
      0,
      ...texts
        .filter((p) => gold.has(p.id))
        .flatMap((p) => scoreSentences(p.text, qt, p.start, p.sentences).map((s) => s.coverage)),
    );
    let othersSameSentence = 0;
    for (const p of texts) {
      if (gold.has(p.id)) continue;
      const best = Math.max(0, ...scoreSentences(p.text, qt, p.start, p.sentences).map((s) => s.coverage));
      if (best >= goldBest - 1e-9) othersSameSentence++;
    }
    // BM25's full ranking of the lexical words, as retrieval asks them (OR).
    const match = ftsMatch(words);
    const lex = match ? ftsIds(match, 1_000_000) : [];
    // The lexical words the gold passage does not hold (it cannot rank by them).
    const wordsNotInGold = gold.size
      ? words.filter((w) => !ftsIds(`"${w}"`, 1_000_000).some((r) => gold.has(r.id)))
      : [];
    const bm25Rank = rankOf(
      lex.map((r) => r.id),
      gold,
    );
    const allOr = ftsMatch(qt.stems.flatMap((s) => s.split(/['’]/)).filter((w) => w.length > 1));
    const bm25RankAllStems = allOr
      ? rankOf(
          ftsIds(allOr, 1_000_000).map((r) => r.id),
          gold,
        )
      : null;
    const qv = await footnote.embedder.embedQuery(q);
    const near = index.search(qv, 1000).map((r) => r.id);
    const vectorRank = rankOf(near, gold);
    // Fused, as hybrid.ts fuses its 40 + 40.
    const fuse = (lexical: Array<{ id: number; score: number }>, vec: number[]) => {
      const best = lexical.length ? -lexical[0]!.score : 0;
      const bm = new Map(lexical.map((r) => [r.id, best > 0 ? -r.score / best : 0]));
      const ids = [...new Set([...vec, ...lexical.map((r) => r.id)])];
      const cos = index.similarities(qv, ids);
      return ids
        .map((id) => ({
          id,
          base: DEFAULT_WEIGHTS.bm25 * (bm.get(id) ?? 0) + DEFAULT_WEIGHTS.vector * (cos.get(id) ?? 0),
        }))
        .sort((a, b) => b.base - a.base || a.id - b.id)
        .map((r) => r.id);
    };
    const c = DEFAULT_WEIGHTS.candidates;
    const fusedRank = rankOf(fuse(lex.slice(0, c), near.slice(0, c)), gold);
    const fusedRankAllLexical = rankOf(fuse(lex.slice(0, 5000), near.slice(0, c)), gold);
    const got = (
      await retrieveWithVector(library, qv, q, 20, {
        ...DEFAULT_WEIGHTS,
        lexical: { keepAbsent: !args.includes("--new-words") },
      })
    ).passages.map((p) => p.id);
    const rerankRank = rankOf(got, gold);
    rows.push({
      q,
      source,
      lexicalWords: words,
      stems: qt.stems,
      gold: [...gold],
      hit: rerankRank !== null && rerankRank <= 5,
      bm25Rank,
      bm25Matches: lex.length,
      vectorRank,
      fusedRank,
      rerankRank,
      othersAllStems: withAll.length - gold.size,
      othersSameSentence,
      fusedRankAllLexical,
      bm25RankAllStems,
      wordsNotInGold,
      df: qt.stems.map((st) => dfs.get(st) ?? 0),
    });
    if (++done % 100 === 0) process.stderr.write(`  ${done} / ${questions.length}\n`);
  }

  const misses = rows.filter((r) => !r.hit);
  const bucket = (v: number | null) =>
    v === null
      ? "none"
      : v <= 5
        ? "1-5"
        : v <= 20
          ? "6-20"
          : v <= 40
            ? "21-40"
            : v <= 100
              ? "41-100"
              : v <= 1000
                ? "101-1000"
                : ">1000";
  const hist = (f: (r: Row) => number | null, of: Row[], b: (v: number | null) => string = bucket) => {
    const h: Record<string, number> = {};
    for (const r of of) h[b(f(r))] = (h[b(f(r))] ?? 0) + 1;
    return h;
  };
  const hopeless = rows.filter((r) => r.othersSameSentence >= 5);
  const summary = {
    passages,
    questions: rows.length,
    hit_at_5: rows.filter((r) => r.hit).length / rows.length,
    misses: misses.length,
    no_gold_found: rows.filter((r) => r.gold.length === 0).length,
    // The ceiling: questions with fewer than 5 other passages that match them as well as the gold.
    ceiling_same_sentence: 1 - hopeless.length / rows.length,
    ceiling_all_stems: 1 - rows.filter((r) => r.othersAllStems >= 5).length / rows.length,
    misses_with_5plus_same_sentence: misses.filter((r) => r.othersSameSentence >= 5).length,
    misses_with_any_same_sentence: misses.filter((r) => r.othersSameSentence >= 1).length,
    misses_bm25_rank: hist((r) => r.bm25Rank, misses),
    misses_vector_rank: hist((r) => r.vectorRank, misses),
    misses_fused_rank: hist((r) => r.fusedRank, misses),
    misses_fused_rank_all_lexical: hist((r) => r.fusedRankAllLexical, misses),
    misses_rerank_rank: hist((r) => r.rerankRank, misses),
    misses_bm25_rank_all_stems: hist((r) => r.bm25RankAllStems, misses),
    misses_lexical_words: hist((r) => r.lexicalWords.length, misses, String),
    // Lexical words that no passage holds (df 0): a slot of the rarest few spent on nothing.
    misses_absent_lexical_word: misses.filter((r) =>
      r.lexicalWords.some((w) => r.df[r.stems.indexOf(w)] === 0),
    ).length,
    misses_lexical_word_not_in_gold: misses.filter((r) => r.wordsNotInGold.length > 0).length,
    all_lexical_word_not_in_gold: rows.filter((r) => r.wordsNotInGold.length > 0).length,
    all_absent_lexical_word: rows.filter((r) => r.lexicalWords.some((w) => r.df[r.stems.indexOf(w)] === 0))
      .length,
    all_lexical_words: hist((r) => r.lexicalWords.length, rows, String),
    all_bm25_rank: hist((r) => r.bm25Rank, rows),
  };
  console.log(JSON.stringify(summary, null, 1));
  console.log(
    "\nmisses (bm25 / bm25 all stems / vector / fused / fused-all-lex / rerank rank; others with all stems / same sentence; lexical words (those not in the gold) of matches; df of each stem):",
  );
  for (const r of misses)
    console.log(
      `  ${r.bm25Rank ?? "-"} / ${r.bm25RankAllStems ?? "-"} / ${r.vectorRank ?? "-"} / ${r.fusedRank ?? "-"} / ${r.fusedRankAllLexical ?? "-"} / ${r.rerankRank ?? "-"}; ${r.othersAllStems} / ${r.othersSameSentence}; [${r.lexicalWords.join(" ")}] (${r.wordsNotInGold.join(" ")}) of ${r.bm25Matches}; df ${r.df.join(",")}  ${r.q}`,
    );
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ summary, rows }, null, 1));
}

// ---- Other candidate and rerank depths on the same library and questions.
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
for (const v of variants) {
  // cNrM[wW][dD]: N candidates a side, M reranked, BM25 on at most W words of at most D passages each.
  // A trailing k: a word no passage holds may take a place among them, as before session 13.
  const m = /^c(\d+)r(\d+)(?:w(\d+))?(?:d(\d+))?(k)?$/.exec(v);
  const weights: RetrieveWeights | undefined =
    v === "auto"
      ? undefined
      : m
        ? ({
            ...DEFAULT_WEIGHTS,
            candidates: Number(m[1]),
            rerank: Number(m[2]),
            lexical: {
              ...(m[3] ? { maxWords: Number(m[3]) } : {}),
              ...(m[4] ? { maxDf: Number(m[4]) } : {}),
              keepAbsent: Boolean(m[5]),
            },
          } satisfies RetrieveWeights)
        : undefined;
  if (v !== "auto" && !weights) throw new Error(`variant ${v}: cNrM[wW][dD][k] or auto`);
  for (const { q } of warmup)
    await retrieveWithVector(library, await footnote.embedder.embedQuery(q), q, 5, weights);
  let hits = 0;
  const times: number[] = [];
  for (const { q, source } of questions) {
    const t = performance.now();
    const qv = await footnote.embedder.embedQuery(q);
    const found = (await retrieveWithVector(library, qv, q, 5, weights)).passages;
    times.push(performance.now() - t);
    if (found.some((p) => p.text.includes(source))) hits++;
  }
  console.log(
    `variant ${v}: hit@5 ${(hits / questions.length).toFixed(3)}, p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`,
  );
}
await footnote.close();

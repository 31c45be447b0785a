/**
 * The HNSW parameter sweep behind docs/performance.md, without the store: the same corpus,
 * cleaned, chunked and embedded exactly as the ingest path does it, then for each M and
 * efConstruction one graph is built (timed per insert), and each efSearch is measured on it
 * against exact brute force over the same vectors.
 *
 *   npx tsx bench/hnsw-sweep.ts --passages 100000 --m 16,24,32 --ef-construction 100,200 --ef-search 64,96,128,200,400
 */
import hnswlib from "hnswlib-node";
import { cleanArticle } from "../src/ingest/clean.ts";
import { chunkText } from "../src/ingest/chunk.ts";
import { localEmbedder } from "../src/embeddings/embedder.ts";
import { Corpus, paraphrase, Rng } from "./corpus.ts";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const list = (k: string, d: string) => (args.get(k) ?? d).split(",").map(Number);
const target = Number(args.get("passages") ?? 100_000);
const ms = list("m", "16,24,32");
const efcs = list("ef-construction", "100,200");
const efss = list("ef-search", "64,96,128,200,400");
const nq = Number(args.get("questions") ?? 500);
const seed = Number(args.get("seed") ?? 20240601);

const embedder = localEmbedder();
const dims = embedder.identity.dimensions;
const corpus = new Corpus({ seed });
corpus.startSampling(nq + 50);
const vectors: number[][] = [];
while (vectors.length < target) {
  const a = corpus.article();
  const chunks = chunkText(cleanArticle(a.text, { title: a.title }).text);
  for (const v of await embedder.embedDocuments(chunks.map((c) => c.text))) vectors.push(Array.from(v));
}
const rng = new Rng(seed + 7);
const questions = corpus
  .sampledSentences()
  .slice(50)
  .map((s) => paraphrase(s, rng));
const qvs = await Promise.all(questions.map(async (q) => Array.from(await embedder.embedQuery(q))));

const bf = new hnswlib.BruteforceSearch("cosine", dims);
bf.initIndex(vectors.length);
vectors.forEach((v, i) => bf.addPoint(v, i));
const exactTimes: number[] = [];
const exact = qvs.map((q) => {
  const t = performance.now();
  const r = bf.searchKnn(q, 10);
  exactTimes.push(performance.now() - t);
  return { ids: new Set(r.neighbors), kth: r.distances[r.distances.length - 1]! };
});
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
process.stderr.write(
  `${vectors.length} passages, ${qvs.length} questions; exact p50 ${pct(exactTimes, 50).toFixed(2)} ms\n`,
);
// How far apart the ranks are: when the 10th neighbour is barely nearer than the 100th, the
// graph has to look at most of the crowd to tell them apart.
{
  const ranks = [1, 2, 5, 10, 100, 1000];
  const at = ranks.map(() => [] as number[]);
  for (const q of qvs.slice(0, 100)) {
    const r = bf.searchKnn(q, 1000);
    ranks.forEach((k, j) => at[j]!.push(r.distances[k - 1]!));
  }
  process.stderr.write(
    `median cosine distance at rank ${ranks.map((k, j) => `${k}: ${pct(at[j]!, 50).toFixed(3)}`).join(", ")}\n`,
  );
}
console.log("M\tefC\tbuild_us_per_insert\tefS\trecall@10\trecall@10_eps\tsearch_ms_p50\tsearch_ms_p95");

for (const m of ms) {
  for (const efc of efcs) {
    const index = new hnswlib.HierarchicalNSW("cosine", dims);
    index.initIndex({ maxElements: vectors.length, m, efConstruction: efc, randomSeed: 100 });
    const t0 = performance.now();
    vectors.forEach((v, i) => index.addPoint(v, i));
    const build = ((performance.now() - t0) * 1000) / vectors.length;
    for (const efs of efss) {
      index.setEf(efs);
      let recall = 0;
      let recallEps = 0;
      const times: number[] = [];
      qvs.forEach((q, i) => {
        const t = performance.now();
        const r = index.searchKnn(q, 10);
        times.push(performance.now() - t);
        recall += r.neighbors.filter((id) => exact[i]!.ids.has(id)).length / 10;
        // ann-benchmarks' definition: a result counts when it is no farther than the true 10th (+1e-3).
        recallEps += r.distances.filter((d) => d <= exact[i]!.kth + 1e-3).length / 10;
      });
      console.log(
        [
          m,
          efc,
          build.toFixed(0),
          efs,
          (recall / qvs.length).toFixed(4),
          (recallEps / qvs.length).toFixed(4),
          pct(times, 50).toFixed(3),
          pct(times, 95).toFixed(3),
        ].join("\t"),
      );
    }
  }
}

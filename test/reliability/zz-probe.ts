import { createFootnote } from "../../src/footnote.ts";
import { loadConfig } from "../../src/config.ts";
import { makeArticle } from "./articles.ts";
import { checkLibrary } from "./consistency.ts";
import { chunkText } from "../../src/ingest/chunk.ts";
const f = await createFootnote({ config: loadConfig({ DATA_DIR: "/tmp/fnt/data2" }) });
const ids = new Map<number, string>();
const counts: number[] = [];
for (let n = 0; n < 300; n++) {
  const a = makeArticle(n);
  const r = await f.ingest("lib", { kind: "text", text: a.text, title: a.title });
  ids.set(n, r.id); counts.push(r.chunks);
}
console.log("chunks hist", counts.reduce((m, c) => (m[c] = (m[c] ?? 0) + 1, m), {} as Record<number, number>));
let bad = 0;
const t = Date.now();
for (let n = 0; n < 300; n++) {
  const a = makeArticle(n);
  const ans = await f.ask("lib", a.question);
  const ok = ans.citations.length > 0 && ans.citations[0]!.articleId === ids.get(n);
  if (!ok) { bad++; if (bad < 4) console.log(a.question, JSON.stringify(ans).slice(0, 400)); }
}
console.log("bad", bad, "asks ms", Date.now() - t);
console.log(makeArticle(5).text.slice(0, 700));
const rep = checkLibrary(f.library("lib")!);
console.log({ ...rep, notInIndex: rep.notInIndex.length });
await f.close();

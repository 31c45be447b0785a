import { createFootnote } from "../../src/footnote.ts";
import { loadConfig } from "../../src/config.ts";
import { makeArticle } from "./articles.ts";
import { checkLibrary } from "./consistency.ts";
const dir = "/tmp/fnt/data3";
const T = (l: string, t: number) => console.log(l, Date.now() - t);
let t = Date.now();
let f = await createFootnote({ config: loadConfig({ DATA_DIR: dir }) });
const have = f.list("lib").length;
for (let n = have; n < 1200; n++) { const a = makeArticle(n); await f.ingest("lib", { kind: "text", text: a.text, title: a.title }); }
T("seed", t);
t = Date.now(); for (let n = 5000; n < 5100; n++) { const a = makeArticle(n); await f.ingest("lib", { kind: "text", text: a.text, title: a.title }); } T("100 more ingests", t);
t = Date.now(); await f.close(); T("close", t);
t = Date.now(); f = await createFootnote({ config: loadConfig({ DATA_DIR: dir }) }); const lib = f.library("lib")!; T("open", t);
t = Date.now(); f.list("lib"); T("list", t);
const db = lib.store.db;
for (const q of ["SELECT count(*) AS n FROM passages_fts WHERE rowid NOT IN (SELECT id FROM passages)", "SELECT count(*) AS n FROM passages WHERE id NOT IN (SELECT rowid FROM passages_fts)", "SELECT a.id AS id, a.chunks AS chunks, count(p.id) AS passages FROM articles a LEFT JOIN passages p ON p.article_id = a.id GROUP BY a.id HAVING count(p.id) <> a.chunks", "SELECT count(*) AS n FROM passages WHERE article_id NOT IN (SELECT id FROM articles)"]) { t = Date.now(); db.prepare(q).all(); T(q.slice(0, 60), t); }
t = Date.now(); checkLibrary(lib, { searchIds: [1,2,3] }); T("check", t);
t = Date.now(); for (let n = 0; n < 12; n++) await f.ask("lib", makeArticle(n).question); T("12 asks", t);
t = Date.now(); await f.close(); T("close", t);

/**
 * A child process for the crash tests: opens a footnote at DATA_DIR and works on one library
 * until it is killed, printing a line after each step has *returned* (so the test knows what
 * the product had promised before the kill):
 *
 *   LOADED                    modules loaded; waiting for "GO" on stdin before opening
 *   READY                     the library is open
 *   OK <articleId> <title>    ingest resolved
 *   FORGOT <articleId>        forget resolved true
 *   SNAP                      a snapshot (compaction) was written
 *
 * Usage: node --import tsx ingest-worker.ts <ingest|forget|compact> <dataDir> <libraryId> <firstArticleNumber>
 *   ingest   ingests articles n, n+1, … one after another
 *   forget   ingests one new article, then forgets the oldest, in a loop (the library keeps its size)
 *   compact  like forget, and after each step writes a snapshot (alternating snapshot() and
 *            maybeSnapshot(store, true)), so kills land inside compaction
 */
import fs from "node:fs";
import { createFootnote } from "../../src/footnote.ts";
import { reliabilityConfig } from "./config.ts";
import { makeArticle } from "./articles.ts";
import { embeddedLibrary } from "../../src/library/embedded/storage.ts";

const [mode, dataDir, libraryId, first] = process.argv.slice(2);
if (!mode || !dataDir || !libraryId || first === undefined) {
  process.stderr.write(
    "usage: ingest-worker.ts <ingest|forget|compact> <dataDir> <libraryId> <firstArticleNumber>\n",
  );
  process.exit(2);
}

// Synchronous writes: a line is in the pipe before the next step starts, so a SIGKILL can
// only lose work the line was not yet written for, never a line for finished work.
const say = (line: string) => fs.writeSync(1, `${line}\n`);

// The test starts the next child while it checks the last one: loading modules overlaps the
// checks, and the library is opened only once the test says GO.
say("LOADED");
await new Promise<void>((resolve) => {
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (d: string) => {
    input += d;
    if (input.includes("GO\n")) {
      process.stdin.pause();
      resolve();
    }
  });
  // The test went away without saying GO: nothing to do.
  process.stdin.on("end", () => process.exit(0));
});

const footnote = await createFootnote({ config: reliabilityConfig(dataDir) });
// Compaction is the embedded index's; the other modes run on either storage.
const library = mode === "compact" ? embeddedLibrary(footnote.storage, libraryId, true) : undefined;
await footnote.storage.withLibrary(libraryId, true, async () => undefined);
say("READY");

async function ingest(n: number): Promise<void> {
  const a = makeArticle(n);
  const r = await footnote.ingest(libraryId!, { kind: "text", text: a.text, title: a.title });
  say(`OK ${r.id} ${r.title}`);
}

async function forgetOldest(): Promise<void> {
  const oldest = (await footnote.list(libraryId!))[0];
  if (!oldest) return;
  if (await footnote.forget(libraryId!, oldest.id)) say(`FORGOT ${oldest.id}`);
}

let n = Number(first);
let step = 0;
for (;;) {
  await ingest(n++);
  if (mode === "forget" || mode === "compact") await forgetOldest();
  if (library) {
    if (step % 2 === 0) library.index.snapshot(library.store);
    else library.index.maybeSnapshot(library.store, { force: true });
    say("SNAP");
  }
  step++;
}

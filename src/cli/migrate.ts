/** `footnote migrate --to postgres://…`: every library in DATA_DIR copied into PostgreSQL. */
import type { Config } from "../config.ts";
import { FootnoteError } from "../errors.ts";
import { createEmbedder } from "../embeddings/embedder.ts";
import { EmbeddedStorage } from "../library/embedded/storage.ts";
import { openStorage } from "../library/open-storage.ts";
import { formatProgress, migrateLibraries } from "../library/migrate.ts";
import type { CliIO } from "./io.ts";
import { count } from "./plural.ts";

/** Copies and verifies every library; resolves to the exit code (1 when one is not whole). */
export async function runMigrate(
  config: Config,
  opts: { to?: string; json?: boolean },
  io: CliIO,
): Promise<number> {
  const url = opts.to ?? config.DATABASE_URL;
  if (!url || !/^postgres(?:ql)?:\/\//.test(url))
    throw new FootnoteError(
      "BAD_INPUT",
      'Say where to copy the libraries: footnote migrate --to "postgres://user:password@host:5432/db" (or set DATABASE_URL).',
    );
  // Vectors are copied as they are: the target must take the embeddings that built them.
  const embedder = await createEmbedder(config);
  const from = new EmbeddedStorage({
    dataDir: config.DATA_DIR,
    identity: () => embedder.identity,
    vectorIndex: { graphBuild: "skip" },
  });
  const to = await openStorage({ config, identity: () => embedder.identity, databaseUrl: url }, "postgres");
  let last = 0;
  try {
    const report = await migrateLibraries(from, to, {
      onProgress: (p) => {
        if (!io.stderrIsTTY || opts.json) return;
        const t = performance.now();
        if (t - last < 200 && p.done < p.total) return;
        last = t;
        io.stderr(`\r\x1b[2K${formatProgress(p)}`);
      },
      onIndexBuild: () => {
        if (io.stderrIsTTY && !opts.json)
          io.stderr("\nBuilding the vector index (once, at the end of the copy)…");
      },
    });
    if (io.stderrIsTTY && !opts.json) io.stderr("\n");
    const bad = report.filter((r) => r.missing.length > 0);
    if (opts.json) io.stdout(`${JSON.stringify({ libraries: report, verified: bad.length === 0 })}\n`);
    else {
      if (report.length === 0) io.stdout(`No libraries in ${config.DATA_DIR} to copy.\n`);
      for (const r of report)
        io.stdout(
          `${r.library}: ${count(r.articles, "article")}, ${count(r.passages, "passage")}; copied ${r.copied}, already there ${r.present + r.duplicates}` +
            (r.missing.length ? `; MISSING in the target: ${r.missing.join(", ")}\n` : "; verified.\n"),
        );
    }
    if (bad.length > 0) {
      io.stderr("Some articles are not in the target whole. Run footnote migrate again to resume.\n");
      return 1;
    }
    return 0;
  } finally {
    await from.close();
    await to.close();
  }
}

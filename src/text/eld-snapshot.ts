/**
 * ELD's n-gram database, loaded from a JSON snapshot rather than from the package's JavaScript.
 *
 * The package ships its database as one 950 KB object literal. V8 parses, compiles and keeps
 * that as code: 82 MB of RSS and about 0.2 s on the first text to identify. The same data
 * through `JSON.parse` costs 28 MB and 40 ms, with the same detector and the same answers. The
 * snapshot is written by `npm run build` (so by `npm ci`) into `node_modules/.cache/footnote/`,
 * named by the package's version so that an upgrade of `eld` is never read with old data; when
 * it is missing or unreadable, the package's own module is loaded instead, as before.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { eld as Eld } from "eld/extrasmall";

/** The detector ELD builds (the type of the package's preloaded instances). */
export type LanguageDetector = typeof Eld;

/** ELD's smallest database: see identify.ts for why it is enough. */
const DATABASE = "extrasmall";

interface EldFiles {
  /** The package's preloaded entry (`eld/extrasmall`). */
  entry: string;
  /** The module with `createEld`, which builds a detector over any database. */
  detector: string;
  /** The database as the package ships it. */
  data: string;
  /** Where the build keeps the database as JSON. */
  snapshot: string;
}

let files: EldFiles | undefined;

/** The package's files, found from its entry point (the `exports` map names only the entries). */
function eldFiles(): EldFiles {
  if (files) return files;
  const entry = fileURLToPath(import.meta.resolve(`eld/${DATABASE}`));
  const src = path.resolve(path.dirname(entry), "..");
  const pkg = path.dirname(src);
  const { version } = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")) as {
    version: string;
  };
  const cache = path.join(path.dirname(pkg), ".cache", "footnote");
  return (files = {
    entry,
    detector: path.join(src, "languageDetector.js"),
    data: path.join(src, "ngrams", `${DATABASE}.js`),
    snapshot: path.join(cache, `eld-${version}-${DATABASE}.json`),
  });
}

/**
 * A detector over ELD's database: from the JSON snapshot when there is one, else from the
 * package's module. Synchronous (the package is ESM; it is required as ESM, Node 20.19+).
 */
export function loadLanguageDetector(snapshot = eldFiles().snapshot): LanguageDetector {
  const require = createRequire(import.meta.url);
  try {
    const data: unknown = JSON.parse(fs.readFileSync(snapshot, "utf8"));
    const { createEld } = require(eldFiles().detector) as {
      createEld: () => { instance: LanguageDetector; loadData: (data: unknown) => string };
    };
    const { instance, loadData } = createEld();
    if (loadData(data)) return instance;
  } catch {
    // No snapshot (a run before the build), or a package laid out otherwise: its own entry.
  }
  return (require(eldFiles().entry) as { eld: LanguageDetector }).eld;
}

/**
 * Write the snapshot (by the build): the package's database module evaluated once and saved as
 * JSON, through a temporary file so that a build killed half way leaves none. Returns its path.
 */
export async function writeLanguageSnapshot(snapshot = eldFiles().snapshot): Promise<string> {
  const { ngramsData } = (await import(pathToFileURL(eldFiles().data).href)) as { ngramsData: unknown };
  fs.mkdirSync(path.dirname(snapshot), { recursive: true });
  const partial = `${snapshot}.${process.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify(ngramsData));
  fs.renameSync(partial, snapshot);
  return snapshot;
}

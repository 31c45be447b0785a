// `npm run build`, run by `prepare` (so by `npm ci`): src/ compiled to plain JavaScript in build/,
// at the same depth as src/ so that paths relative to a module (../../prompts, ../../locales)
// still hold, with the files that are not TypeScript (the int8 kernel, the graph-build worker,
// the fitted decision table) copied beside their modules. bin/footnote.js runs build/ only while
// it is newer than every file in src/, so an edit after the build is never run stale: it falls
// back to the sources through tsx. The type check is CI's and the editor's job, not the build's.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");
const out = path.join(root, "build");

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  // An install without devDependencies: bin/footnote.js runs the sources through tsx instead.
  console.error(
    "footnote: TypeScript is not installed, so no build; the CLI runs the sources (slower to start).",
  );
  process.exit(0);
}

fs.rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json"), "--noCheck"], {
  stdio: "inherit",
});
for (const file of walk(src)) {
  if (file.endsWith(".ts") || file.endsWith(".wat")) continue;
  const target = path.join(out, path.relative(src, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
// ELD's n-grams as JSON (src/text/eld-snapshot.ts): a third of the memory and a fifth of the time
// of loading the package's own module, for every command that identifies a language.
const { writeLanguageSnapshot } = await import(pathToFileURL(path.join(out, "text", "eld-snapshot.js")).href);
await writeLanguageSnapshot();
// Written last: a build that stopped half way has no stamp, and is not used.
fs.writeFileSync(path.join(out, "BUILT"), `${new Date().toISOString()}\n`);

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else yield p;
  }
}

// Whether build/ (the compiled JavaScript `npm ci` makes) may be run: it exists, its build
// finished, and no file in src/ has changed since. Shared by bin/footnote.js and the start-up
// benchmark, which says which of the two it measured.
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Whether any file under `dir` was modified after `limit` (stops at the first). */
function changedSince(dir, limit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? changedSince(p, limit) : fs.statSync(p).mtimeMs > limit) return true;
  }
  return false;
}

/** True when build/ is complete and newer than every file in src/. */
export function freshBuild() {
  try {
    const built = fs.statSync(`${root}build/BUILT`).mtimeMs;
    return !changedSince(`${root}src`, built);
  } catch {
    return false;
  }
}

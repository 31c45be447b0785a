#!/usr/bin/env node
// Runs the compiled JavaScript in build/ (made by `npm ci` through `prepare`), which starts in a
// fraction of the time; while any file in src/ is newer than that build (an edit, a checkout),
// it runs the TypeScript sources through tsx instead, so it never runs stale code.
import { freshBuild } from "./fresh-build.js";

let main;
if (freshBuild()) ({ main } = await import("../build/cli/main.js"));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a fresh clone works after `npm ci`
// with no build step and the CLI can never run stale compiled code.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));

// Compiles the WebAssembly text under src/ to the binaries committed beside it (wabt, a dev
// dependency: running footnote needs only the .wasm). `--check` fails when a binary is stale.
import fs from "node:fs";
import wabt from "wabt";

export async function compile(watFile) {
  const w = await wabt();
  const module = w.parseWat(watFile, fs.readFileSync(watFile, "utf8"), { simd: true });
  module.validate();
  return Buffer.from(module.toBinary({}).buffer);
}

const SOURCES = ["src/library/embedded/int8-scan.wat"];

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const wat of SOURCES) {
    const out = wat.replace(/\.wat$/, ".wasm");
    const bytes = await compile(wat);
    if (check) {
      if (!fs.existsSync(out) || !bytes.equals(fs.readFileSync(out))) {
        console.error(`${out} is not ${wat} compiled: run npm run build:wasm`);
        stale++;
      }
    } else {
      fs.writeFileSync(out, bytes);
      console.log(`${out}: ${bytes.length} bytes`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

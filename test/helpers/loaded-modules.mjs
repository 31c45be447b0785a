// Preloaded (--import) into a process under test: records every module it loads, by import (a
// loader hook) or by require (Module._load, which also sees ESM loaded with require), and at exit
// writes the packages among them (one name a line) to FOOTNOTE_TEST_LOADED_FILE.
import fs from "node:fs";
import Module, { register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const { port1, port2 } = new MessageChannel();
const packages = new Set();
const note = (where) => {
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(String(where));
  if (m) packages.add(m[1]);
};
port1.on("message", note);
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    note(Module._resolveFilename(request, parent, isMain));
  } catch {
    // Not resolvable from here (a builtin, or resolved another way): load says what it is.
  }
  return load.apply(this, arguments);
};
port1.unref();
register(
  "data:text/javascript," +
    encodeURIComponent(
      "let port; export function initialize(d) { port = d.port; }" +
        "export async function load(url, context, next) { port.postMessage(url); return next(url, context); }",
    ),
  { data: { port: port2 }, transferList: [port2] },
);
process.on("exit", () => {
  const file = process.env.FOOTNOTE_TEST_LOADED_FILE;
  if (file) fs.writeFileSync(file, [...packages].sort().join("\n"));
});

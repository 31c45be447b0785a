/**
 * Libraries on disk: `DATA_DIR/libraries/<name>/` holds one library's SQLite store and its
 * vector index snapshot. One folder per library keeps chats apart by construction: a query
 * can only ever reach the files of the library it was asked in.
 */
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { FootnoteError } from "../../errors.ts";
import { describeIdentity, sameIdentity, type EmbeddingIdentity } from "../../embeddings/identity.ts";
import { validateLibraryId } from "../storage.ts";
import { SqliteStore } from "./sqlite-store.ts";
import { VectorIndex, type VectorIndexParams } from "./vector-index.ts";
import { EmbeddedLibrary } from "./library.ts";

/** A folder name that is safe on every file system and still readable. */
export function libraryFolder(libraryId: string): string {
  const readable = libraryId.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 60);
  const hash = createHash("sha256").update(libraryId).digest("hex").slice(0, 8);
  return `${readable}-${hash}`;
}

/** The libraries held open (least recently used closed past `maxOpen`), and their folders. */
export class OpenLibraries {
  private readonly open = new Map<string, EmbeddedLibrary>();
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly identity: () => EmbeddingIdentity,
    private readonly vectorIndex: Partial<VectorIndexParams> = {},
    private readonly maxOpen = 64,
  ) {
    this.root = path.join(dataDir, "libraries");
  }

  private dir(libraryId: string): string {
    return path.join(this.root, libraryFolder(libraryId));
  }

  exists(libraryId: string): boolean {
    return this.open.has(libraryId) || fs.existsSync(path.join(this.dir(libraryId), "library.db"));
  }

  /** Opens a library; with `create` false, a library that does not exist yet gives undefined. */
  get(libraryId: string, create: boolean): EmbeddedLibrary | undefined {
    const id = validateLibraryId(libraryId);
    const cached = this.open.get(id);
    if (cached) {
      // Most recently used goes last, so the first entry is the one to close.
      this.open.delete(id);
      this.open.set(id, cached);
      return cached;
    }
    if (!create && !this.exists(id)) return undefined;
    const dir = this.dir(id);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new FootnoteError(
        "STORE_ERROR",
        `Could not create ${dir}: ${(error as Error).message}. Check that DATA_DIR points to a writable folder.`,
        { cause: error },
      );
    }
    const store = new SqliteStore(path.join(dir, "library.db"), id);
    try {
      const wanted = this.identity();
      const built = store.identity();
      if (!built || store.passageCount() === 0) {
        store.setIdentity(wanted);
        store.setMeta("library_id", id);
      } else if (!sameIdentity(built, wanted)) {
        throw new FootnoteError(
          "INDEX_MISMATCH",
          `The library "${id}" was built with ${describeIdentity(built)}, but the settings now ask for ${describeIdentity(wanted)}. ` +
            `Run \`footnote reindex\` to re-embed every library with the new settings, or set EMBEDDINGS_PROVIDER/EMBEDDINGS_MODEL/EMBEDDINGS_DIMENSIONS back.`,
        );
      }
      const index = VectorIndex.open(dir, wanted.dimensions, store, this.vectorIndex);
      const library = new EmbeddedLibrary(id, store, index);
      this.open.set(id, library);
      this.evict(id);
      return library;
    } catch (error) {
      store.close();
      throw error;
    }
  }

  /** Every library on disk, by its id (as stored in its own meta table). */
  listIds(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return [];
    }
    const ids: string[] = [];
    for (const name of names) {
      const file = path.join(this.root, name, "library.db");
      if (!fs.existsSync(file)) continue;
      const store = new SqliteStore(file, name);
      try {
        ids.push(store.getMeta("library_id") ?? name);
      } finally {
        store.close();
      }
    }
    return ids;
  }

  /** Opens a library's store alone, skipping the identity check (for reindex). */
  openStoreOnly(libraryId: string): { store: SqliteStore; dir: string } {
    const dir = this.dir(libraryId);
    return { store: new SqliteStore(path.join(dir, "library.db"), libraryId), dir };
  }

  closeOne(libraryId: string): void {
    const lib = this.open.get(libraryId);
    if (!lib) return;
    this.open.delete(libraryId);
    lib.index.maybeSnapshot(lib.store, { closing: true });
    lib.index.close();
    lib.store.close();
  }

  /** Libraries in use by an operation (awaiting between its reads): never evicted meanwhile. */
  private readonly busy = new Map<string, number>();

  pin(libraryId: string): void {
    this.busy.set(libraryId, (this.busy.get(libraryId) ?? 0) + 1);
  }

  unpin(libraryId: string): void {
    const n = (this.busy.get(libraryId) ?? 1) - 1;
    if (n > 0) this.busy.set(libraryId, n);
    else this.busy.delete(libraryId);
    this.evict();
  }

  /** Closes the least recently used libraries past maxOpen, except those in use and `keep`. */
  private evict(keep?: string): void {
    for (const id of [...this.open.keys()]) {
      if (this.open.size <= this.maxOpen) return;
      if (!this.busy.has(id) && id !== keep) this.closeOne(id);
    }
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.closeOne(id);
  }
}

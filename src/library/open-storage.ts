/**
 * Which storage backend holds the libraries: a table of backends, picked by one setting
 * (DATABASE_URL set: PostgreSQL; unset: the embedded one under DATA_DIR).
 */
import type { Config } from "../config.ts";
import type { EmbeddingIdentity } from "../embeddings/identity.ts";
import type { VectorIndexParams } from "./embedded/vector-index.ts";
import type { Storage, StorageKind } from "./storage.ts";

/** What opening a backend takes. */
export interface StorageDeps {
  config: Config;
  /** The embeddings that build new vectors (a library built with others is refused). */
  identity: () => EmbeddingIdentity;
  /** Embedded only: vector index settings. */
  vectorIndex?: Partial<VectorIndexParams>;
  /** Embedded only: libraries kept open at once. */
  maxOpenLibraries?: number;
  /** Postgres only: the server's address, when not the config's DATABASE_URL (migrate --to). */
  databaseUrl?: string;
}

const BACKENDS: Record<StorageKind, (deps: StorageDeps) => Promise<Storage>> = {
  embedded: async (deps) => {
    const { EmbeddedStorage } = await import("./embedded/storage.ts");
    return new EmbeddedStorage({
      dataDir: deps.config.DATA_DIR,
      identity: deps.identity,
      vectorIndex: deps.vectorIndex,
      maxOpen: deps.maxOpenLibraries,
    });
  },
  postgres: async (deps) => {
    // Loaded only when used: the embedded default never loads a database driver.
    const { PostgresStorage } = await import("./postgres/storage.ts");
    const url = deps.databaseUrl ?? deps.config.DATABASE_URL;
    if (!url) throw new Error("postgres storage needs DATABASE_URL");
    return PostgresStorage.connect({
      url,
      identity: deps.identity,
      poolSize: deps.config.DATABASE_POOL_SIZE,
      efSearch: deps.config.HNSW_EF_SEARCH,
    });
  },
};

/** The backend the config names: PostgreSQL with DATABASE_URL, else the embedded one. */
export function storageKind(config: Config): StorageKind {
  return config.DATABASE_URL ? "postgres" : "embedded";
}

/** Opens the backend the config names (or `kind`). */
export function openStorage(
  deps: StorageDeps,
  kind: StorageKind = storageKind(deps.config),
): Promise<Storage> {
  return BACKENDS[kind](deps);
}

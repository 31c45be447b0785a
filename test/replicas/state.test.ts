/**
 * Replica state, one suite over both implementations: an update is claimed once, and a rate
 * limit holds across replicas (for Postgres: two storages, as two processes would have; on
 * PGlite, and on the native server when FOOTNOTE_TEST_PG_ADMIN_URL is set).
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryReplicaState, type ReplicaState } from "../../src/replicas/state.ts";
import { PostgresStorage } from "../../src/library/postgres/storage.ts";
import { PostgresReplicaState } from "../../src/library/postgres/replica-state.ts";
import { localEmbedder } from "../../src/embeddings/embedder.ts";
import { PG_SERVERS, usePgServer, type PgServerKind, type TestPostgres } from "../helpers/postgres-server.ts";

const embedder = localEmbedder();
let clock = 1_000_000;
const now = () => clock;

/** Memory, and Postgres on each server. */
const kinds: Array<[string, PgServerKind | undefined]> = [
  ["memory", undefined],
  ...PG_SERVERS.map((s): [string, PgServerKind] => [`postgres (${s.name})`, s]),
];

describe.each(kinds)("replica state in %s", (_name, pgServer) => {
  let server: TestPostgres | undefined;
  const storages: PostgresStorage[] = [];
  if (pgServer) {
    usePgServer(pgServer, (s) => {
      server = s;
    });
    // Before usePgServer stops the server.
    afterAll(async () => {
      for (const s of storages) await s.close();
    });
  }

  /** Two replicas' views of the shared state (the same object in memory: one process). */
  const make = async (): Promise<[ReplicaState, ReplicaState]> => {
    if (!pgServer) {
      const s = new MemoryReplicaState(now);
      return [s, s];
    }
    if (!server) throw new Error(`no ${pgServer.name} server: it did not start`);
    const url = server.url;
    const [a, b] = await Promise.all(
      [0, 1].map(() => PostgresStorage.connect({ url, identity: () => embedder.identity })),
    );
    storages.push(a!, b!);
    return [new PostgresReplicaState(a!, now), new PostgresReplicaState(b!, now)];
  };

  let a: ReplicaState;
  let b: ReplicaState;
  beforeEach(async () => {
    clock = 1_000_000;
    [a, b] = await make();
  });

  it("lets one replica claim an update, and never again", async () => {
    const id = Math.floor(Math.random() * 1e9);
    const claims = await Promise.all([a.claimUpdate(id), b.claimUpdate(id), a.claimUpdate(id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await b.claimUpdate(id)).toBe(false);
    expect(await b.claimUpdate(id + 1)).toBe(true);
  });

  it("holds a rate limit across replicas, and frees it as the window slides", async () => {
    const key = `user${Math.random()}`;
    const [la, lb] = [a.limiter("questions", 3, 60_000), b.limiter("questions", 3, 60_000)];
    const first = await Promise.all([la.take(key), lb.take(key), la.take(key), lb.take(key), la.take(key)]);
    expect(first.filter((t) => t.ok)).toHaveLength(3);
    const refused = first.find((t) => !t.ok)!;
    expect(refused).toEqual({ ok: false, retryAfterMs: 60_000 });
    // Another key, and another limiter name, have their own windows.
    expect((await la.take(`${key}-other`)).ok).toBe(true);
    expect((await a.limiter("ingests", 3).take(key)).ok).toBe(true);
    clock += 30_000;
    expect(await lb.take(key)).toEqual({ ok: false, retryAfterMs: 30_000 });
    clock += 30_001;
    expect((await lb.take(key)).ok).toBe(true);
  });
});

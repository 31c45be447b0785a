/**
 * Replica state, one suite over both implementations: an update is claimed once, and a rate
 * limit holds across replicas (for Postgres: two storages, as two processes would have).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryReplicaState, type ReplicaState } from "../../src/replicas/state.ts";
import { PostgresStorage } from "../../src/library/postgres/storage.ts";
import { PostgresReplicaState } from "../../src/library/postgres/replica-state.ts";
import { localEmbedder } from "../../src/embeddings/embedder.ts";
import { PGLITE_START_MS, startPglite, type PgliteServer } from "../helpers/pglite.ts";

let server: PgliteServer;
const storages: PostgresStorage[] = [];
beforeAll(async () => {
  server = await startPglite();
}, PGLITE_START_MS);
afterAll(async () => {
  for (const s of storages) await s.close();
  await server?.stop();
});

const embedder = localEmbedder();
let clock = 1_000_000;
const now = () => clock;

/** Two replicas' views of the shared state (the same object in memory: one process). */
const kinds: Array<[string, () => Promise<[ReplicaState, ReplicaState]>]> = [
  [
    "memory",
    async () => {
      const s = new MemoryReplicaState(now);
      return [s, s];
    },
  ],
  [
    "postgres",
    async () => {
      const [a, b] = await Promise.all(
        [0, 1].map(() => PostgresStorage.connect({ url: server.url, identity: () => embedder.identity })),
      );
      storages.push(a!, b!);
      return [new PostgresReplicaState(a!, now), new PostgresReplicaState(b!, now)];
    },
  ],
];

describe.each(kinds)("replica state in %s", (_name, make) => {
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

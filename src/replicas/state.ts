/**
 * What bot replicas must share, behind one interface: which Telegram updates have been taken
 * (Telegram delivers an update again when a reply is slow, and a load balancer may hand the
 * retry to another replica), and rate-limit windows. The embedded storage keeps them in
 * memory (one process); the Postgres storage in tables, shared by every replica.
 */
import { SlidingWindowLimiter, type Take } from "./sliding-window.ts";

export type { Take };

export interface RateLimiter {
  readonly limit: number;
  take(key: string | number): Promise<Take>;
}

export interface ReplicaState {
  /** True the first time any replica claims this update id; false for a re-delivery. */
  claimUpdate(updateId: number): Promise<boolean>;
  /** A limiter of `limit` events per `windowMs` per key, shared by every replica; `name` keeps limiters apart. */
  limiter(name: string, limit: number, windowMs?: number): RateLimiter;
}

/** One process's state: updates and windows in memory. */
export class MemoryReplicaState implements ReplicaState {
  private readonly seen = new Set<number>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Update ids remembered (Telegram re-delivers within minutes, not thousands of updates later). */
    private readonly remember = 10_000,
  ) {}

  async claimUpdate(updateId: number): Promise<boolean> {
    if (this.seen.has(updateId)) return false;
    this.seen.add(updateId);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.seen.size > this.remember) this.seen.delete(this.seen.values().next().value!);
    return true;
  }

  private readonly windows = new Map<string, SlidingWindowLimiter>();

  limiter(name: string, limit: number, windowMs = 60_000): RateLimiter {
    // One window per name, as the database keeps one row per name and key.
    const id = `${name}/${limit}/${windowMs}`;
    let inner = this.windows.get(id);
    if (!inner) this.windows.set(id, (inner = new SlidingWindowLimiter(limit, windowMs, this.now)));
    const window = inner;
    return { limit, take: async (key) => window.take(key) };
  }
}

/**
 * A sliding-window limiter keyed by user: at most `limit` events in any `windowMs`. One process's
 * windows, in memory: the replica state's memory limiter, and the bot's own refusal notices.
 */
/** Whether an event may go ahead now, or in how many milliseconds it may. */
export type Take = { ok: true } | { ok: false; retryAfterMs: number };

/** At most `limit` events per key in any `windowMs`, by the clock `now`. */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string | number): Take {
    const now = this.now();
    const k = String(key);
    const recent = (this.events.get(k) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(k, recent);
      return { ok: false, retryAfterMs: recent[0]! + this.windowMs - now };
    }
    recent.push(now);
    this.events.set(k, recent);
    if (this.events.size > 10_000) this.sweep(now);
    return { ok: true };
  }

  /** Drops users with no recent events, so the map cannot grow without bound. */
  private sweep(now: number): void {
    for (const [k, times] of this.events)
      if (!times.some((t) => t > now - this.windowMs)) this.events.delete(k);
  }
}

/**
 * Replica state in Postgres (see replicas/state.ts): an update id is claimed by inserting it
 * (the primary key lets one replica win), and a rate-limit window is one row per key holding
 * the times of its recent events, updated in one statement so two replicas cannot both take
 * the last slot.
 */
import type { RateLimiter, ReplicaState } from "../../replicas/state.ts";
import type pg from "pg";

interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Claimed update ids older than this are dropped (Telegram keeps re-delivering for at most a day). */
const KEEP_UPDATES = "2 days";
const PRUNE_EVERY = 1_000;

export class PostgresReplicaState implements ReplicaState {
  private claims = 0;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number = Date.now,
  ) {}

  async claimUpdate(updateId: number): Promise<boolean> {
    if (++this.claims % PRUNE_EVERY === 0)
      await this.db.query(`DELETE FROM footnote_updates WHERE taken_at < now() - interval '${KEEP_UPDATES}'`);
    const { rowCount } = await this.db.query(
      "INSERT INTO footnote_updates (update_id) VALUES ($1) ON CONFLICT (update_id) DO NOTHING",
      [updateId],
    );
    return (rowCount ?? 0) === 1;
  }

  limiter(name: string, limit: number, windowMs = 60_000): RateLimiter {
    return {
      limit,
      take: async (key) => {
        const now = this.now();
        // The row's events within the window, plus this one if there is room; `ok` says which.
        const { rows } = await this.db.query<{ hits: number[]; ok: boolean }>(
          `INSERT INTO footnote_rate_limits AS r (key, hits, ok) VALUES ($1, ARRAY[$2::int8], $4 > 0)
           ON CONFLICT (key) DO UPDATE SET
             hits = (SELECT CASE WHEN count(*) >= $4 THEN coalesce(array_agg(h ORDER BY h), '{}')
                                 ELSE coalesce(array_agg(h ORDER BY h), '{}') || $2::int8 END
                     FROM unnest(r.hits) AS h WHERE h > $2::int8 - $3),
             ok = (SELECT count(*) < $4 FROM unnest(r.hits) AS h WHERE h > $2::int8 - $3)
           RETURNING hits, ok`,
          [`${name}:${key}`, now, windowMs, limit],
        );
        const row = rows[0]!;
        if (row.ok) return { ok: true };
        return { ok: false, retryAfterMs: Math.max(1, Number(row.hits[0]) + windowMs - now) };
      },
    };
  }
}

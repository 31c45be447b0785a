import type { Context, MiddlewareFn } from "grammy";

/** Counts updates being handled, so shutdown can wait for them to finish. */
export class Inflight {
  private count = 0;
  private waiters: Array<() => void> = [];

  readonly middleware: MiddlewareFn<Context> = async (_ctx, next) => {
    this.count++;
    try {
      await next();
    } finally {
      this.count--;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    }
  };

  get size(): number {
    return this.count;
  }

  /** Resolves true when nothing is in flight, or false if `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }
}

/**
 * The logistic regression the fitting scripts share (fit-confidence.ts, fit-choice.ts): weighted,
 * L2-regularised (not the bias), by Newton's method: a few features, thousands of rows.
 */

export interface LogisticRow {
  x: number[];
  y: 0 | 1;
  w: number;
}

export interface Logistic {
  weights: number[];
  bias: number;
}

export function fitLogistic(rows: LogisticRow[], l2: number): Logistic {
  const d = (rows[0]?.x.length ?? 0) + 1; // the bias last
  const beta = new Array<number>(d).fill(0);
  const total = rows.reduce((a, r) => a + r.w, 0);
  const xs = rows.map((r) => [...r.x, 1]);
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    rows.forEach((r, n) => {
      const x = xs[n]!;
      const z = x.reduce((a, xj, j) => a + xj * beta[j]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let j = 0; j < d; j++) {
        g[j]! += ((p - r.y) * r.w * x[j]!) / total;
        for (let k = 0; k < d; k++) h[j]![k]! += (p * (1 - p) * r.w * x[j]! * x[k]!) / total;
      }
    });
    for (let j = 0; j < d - 1; j++) {
      g[j]! += l2 * beta[j]!;
      h[j]![j]! += l2;
    }
    const step = solve(h, g);
    for (let j = 0; j < d; j++) beta[j] = beta[j]! - step[j]!;
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { weights: beta.slice(0, -1), bias: beta[d - 1]! };
}

/** Gaussian elimination with partial pivoting: a x = b. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

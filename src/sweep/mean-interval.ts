import { studentTQuantile } from './student-t.js';

/** A figure over the seeds of one grid point: its mean and a 95% confidence interval for the mean. */
export interface MeanInterval {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); null for one run. */
  sd: number | null;
  /** t(0.975, n-1) * sd / sqrt(n); null for one run, where there is no interval. */
  halfWidth: number | null;
  low: number | null;
  high: number | null;
  min: number;
  max: number;
}

/**
 * Mean and 95% interval over seeds, Student t (right for few seeds, close to the normal 1.96 for many):
 *   mean = sum(x) / n,  s = sqrt(sum((x - mean)^2) / (n - 1)),  mean ± t(0.975, n - 1) * s / sqrt(n).
 * Figures are rounded to 6 decimals so files read cleanly; sums run in seed order, so the same runs
 * always give the same bytes.
 */
export function meanInterval(values: number[]): MeanInterval {
  const n = values.length;
  if (n === 0) throw new RangeError('meanInterval: no values');
  const mean = values.reduce((sum, x) => sum + x, 0) / n;
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (n === 1) return { n, mean: round6(mean), sd: null, halfWidth: null, low: null, high: null, min, max };
  const sd = Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1));
  const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { n, mean: round6(mean), sd: round6(sd), halfWidth: round6(halfWidth), low: round6(mean - halfWidth), high: round6(mean + halfWidth), min, max };
}

export function round6(x: number): number {
  const rounded = Math.round(x * 1e6) / 1e6;
  return Object.is(rounded, -0) ? 0 : rounded;
}

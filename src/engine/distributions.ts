import type { RandomStream } from './random.js';

/**
 * What a scenario can say about a random quantity (a duration in ms, a count, ...).
 * `min`/`max` on normal and lognormal truncate the distribution: draws outside are redrawn, up to
 * MAX_REDRAWS times, then clamped, so a run always terminates.
 */
export type Distribution =
  | { dist: 'constant'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'normal'; mean: number; stddev: number; min?: number; max?: number }
  | { dist: 'lognormal'; mean: number; stddev: number; min?: number; max?: number }
  | { dist: 'empirical'; values: number[]; weights?: number[] };

export const MAX_REDRAWS = 100;

export function constant(value: number): Distribution {
  return { dist: 'constant', value };
}

/** One draw. Pure apart from the stream it advances. */
export function sample(d: Distribution, random: RandomStream): number {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'uniform':
      return d.min + random.uniform() * (d.max - d.min);
    case 'exponential':
      return random.exponential(d.mean);
    case 'normal':
    case 'lognormal': {
      // Redrawn while outside [min, max], at most MAX_REDRAWS times, then clamped.
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      let x = normalDraw(d, random);
      for (let i = 0; i < MAX_REDRAWS && (x < lo || x > hi); i++) x = normalDraw(d, random);
      return Math.min(hi, Math.max(lo, x));
    }
    case 'empirical':
      return d.values[pickIndex(d.weights, d.values.length, random)];
  }
}

/** The mean of a distribution (ignoring truncation), for summaries and checks. */
export function meanOf(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
    case 'normal':
    case 'lognormal':
      return d.mean;
    case 'empirical': {
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return d.values.reduce((sum, v, i) => sum + (v * weights[i]) / total, 0);
    }
  }
}

/** One untruncated draw of a normal or lognormal distribution. */
function normalDraw(d: Extract<Distribution, { dist: 'normal' | 'lognormal' }>, random: RandomStream): number {
  if (d.dist === 'normal') return d.mean + d.stddev * random.standardNormal();
  // Parameters of the underlying normal from the mean m and standard deviation s of the variable:
  // sigma^2 = ln(1 + s^2/m^2), mu = ln(m) - sigma^2/2.
  const sigma2 = Math.log(1 + (d.stddev * d.stddev) / (d.mean * d.mean));
  const mu = Math.log(d.mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * random.standardNormal());
}

function pickIndex(weights: number[] | undefined, n: number, random: RandomStream): number {
  if (!weights) return random.int(n);
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random.uniform() * total;
  for (let i = 0; i < n; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return n - 1;
}

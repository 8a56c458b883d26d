/**
 * CloudWatch statistics of one period's samples (CloudWatch concepts: statistics and percentiles).
 * `null` where the period has no samples: the datapoint is missing, not zero.
 */

export type Statistic = 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount' | `p${number}`;

const PERCENTILE = /^p(100(\.0+)?|\d{1,2}(\.\d+)?)$/;

/** Is this a statistic CloudWatch knows: the five, or a percentile p0.0 to p100? */
export function isStatistic(name: string): name is Statistic {
  return ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'].includes(name) || PERCENTILE.test(name);
}

export function statistic(samples: readonly number[], name: Statistic): number | null {
  if (name === 'SampleCount') return samples.length;
  if (samples.length === 0) return null;
  switch (name) {
    case 'Sum':
      return sum(samples);
    case 'Average':
      return sum(samples) / samples.length;
    case 'Minimum':
      return Math.min(...samples);
    case 'Maximum':
      return Math.max(...samples);
    default:
      return percentile(samples, Number(name.slice(1)));
  }
}

/**
 * The p-th percentile by nearest rank: the smallest sample with at least p% of the samples at or below
 * it. ASSUMPTION: CloudWatch does not publish its interpolation; nearest rank returns a real sample.
 */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function sum(samples: readonly number[]): number {
  let total = 0;
  for (const s of samples) total += s;
  return total;
}

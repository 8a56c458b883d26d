import type { Distribution } from '../engine/distributions.js';
import { array, doc, duration, either, number, object, optional, refine, tagged, type Schema } from './schema/index.js';

const ms = duration();
const positiveMs = duration({ positive: true });
const strict = { unknownKeys: 'error' } as const;

const distributions = tagged('dist', {
  constant: object({ value: ms }, strict),
  uniform: refine(object({ min: ms, max: ms }, strict), (d, path, ctx) =>
    d.min <= d.max ? d : ctx.error(path, `expected min <= max, got min ${d.min} ms > max ${d.max} ms`),
  ),
  exponential: object({ mean: positiveMs }, strict),
  normal: object({ mean: ms, stddev: ms, min: optional(ms), max: optional(ms) }, strict),
  lognormal: object({ mean: positiveMs, stddev: ms, min: optional(ms), max: optional(ms) }, strict),
  empirical: refine(object({ values: array(ms, { min: 1 }), weights: optional(array(number({ min: 0 }))) }, strict), (d, path, ctx) =>
    d.weights && d.weights.length !== d.values.length
      ? ctx.error(`${path}.weights`, `expected ${d.values.length} weights (one per value), got ${d.weights.length}`)
      : d,
  ),
});

/**
 * A random duration: a bare duration (`30s`, a constant) or `{ dist: ..., ... }` whose parameters are
 * durations. Parsed to a Distribution over milliseconds.
 */
export function durationDistribution(): Schema<Distribution> {
  const constant = refine(ms, (value): Distribution => ({ dist: 'constant', value }));
  return doc(
    either<Distribution, Distribution>(
      constant,
      distributions as Schema<Distribution>,
      'a duration such as "30s", or an object with dist: "constant" | "uniform" | "exponential" | "normal" | "lognormal" | "empirical"',
    ),
    'A duration (constant) or a distribution of durations: {dist: exponential, mean: 15m}, {dist: uniform, min: 1m, max: 5m}, {dist: normal | lognormal, mean, stddev, min?, max?}, {dist: empirical, values: [...], weights?: [...]}.',
  );
}

import type { Statistic } from './statistics.js';

/**
 * A CloudWatch-like metric store at 1-minute resolution. Each metric is named by its namespace, name
 * and dimensions (CloudWatch concepts: a metric is unique by those three) and holds one statistic set
 * per minute, as PutMetricData's StatisticValues carry it: SampleCount, Sum, Minimum, Maximum.
 *
 * Only the latest `retentionMinutes` minutes are kept (a ring per metric), enough for every alarm of
 * the run, so a week of a large cluster stays flat in memory. The Results keep their own series.
 */
export interface MetricKey {
  namespace: string;
  metricName: string;
  dimensions: Readonly<Record<string, string>>;
}

/** One minute's statistic set (a missing minute has none). */
export interface StatisticSet {
  sampleCount: number;
  sum: number;
  minimum: number;
  maximum: number;
}

/** A metric's place in one store, found once (null: the store does not keep it). */
export type MetricHandle = MetricSeries | null;

interface MetricSeries {
  key: MetricKey;
  /** Minutes published so far: the latest is minute `published - 1` (minute 0 ends at 1 min). */
  published: number;
  sampleCount: Float64Array;
  sum: Float64Array;
  minimum: Float64Array;
  maximum: Float64Array;
}

export interface MetricStore {
  retentionMinutes: number;
  series: Map<string, MetricSeries>;
  /**
   * The metrics kept, by id, when only some are read (the alarms' metrics): a datapoint of any other
   * is never read, so it is not stored. Undefined: keep every metric.
   */
  kept?: ReadonlySet<string>;
  /** Each key object's series (null: not kept), looked up once (callers that keep their keys skip building the id every minute). */
  byKey: WeakMap<MetricKey, MetricSeries | null>;
}

export function newMetricStore(retentionMinutes: number, kept?: Iterable<MetricKey>): MetricStore {
  return { retentionMinutes: Math.max(1, retentionMinutes), series: new Map(), kept: kept && new Set([...kept].map(metricId)), byKey: new WeakMap() };
}

/** The metric's series (made when first asked for), or null when the store does not keep it. */
export function metricHandle(store: MetricStore, key: MetricKey): MetricHandle {
  return seriesOf(store, key);
}

function seriesOf(store: MetricStore, key: MetricKey): MetricSeries | null {
  let series = store.byKey.get(key);
  if (series !== undefined) return series;
  const id = metricId(key);
  if (store.kept && !store.kept.has(id)) series = null;
  else {
    series = store.series.get(id);
    if (!series) {
      const n = store.retentionMinutes;
      series = { key, published: 0, sampleCount: new Float64Array(n), sum: new Float64Array(n), minimum: new Float64Array(n), maximum: new Float64Array(n) };
      store.series.set(id, series);
    }
  }
  store.byKey.set(key, series);
  return series;
}

/** The store's id of a metric: namespace, name and dimensions sorted by name (their order does not matter in CloudWatch). */
export function metricId(key: MetricKey): string {
  const dims = Object.keys(key.dimensions)
    .sort()
    .map((name) => `${name}=${key.dimensions[name]}`)
    .join(',');
  return `${key.namespace}|${key.metricName}|${dims}`;
}

/** A statistic set of `count` equal samples (every task of a service sends the same value: see docs/fidelity.md). */
export function equalSamples(value: number, count: number): StatisticSet {
  return { sampleCount: count, sum: value * count, minimum: value, maximum: value };
}

/**
 * Publishes `minute`'s datapoint of a metric (minutes in order; a minute skipped stays missing).
 * `undefined` publishes nothing for the minute: the metric has no datapoint then.
 */
export function putMinute(store: MetricStore, key: MetricKey, minute: number, set: StatisticSet | undefined): void {
  if (!set) putSamples(store, key, minute, null, 0);
  else write(store, seriesOf(store, key), minute, set.sampleCount, set.sum, set.minimum, set.maximum);
}

/**
 * Publishes `minute`'s datapoint as `count` samples of `value` (every task of a service sends the same
 * value: see docs/fidelity.md); null or no samples publishes nothing for the minute. putMinute with
 * equalSamples, without the statistic set.
 */
export function putSamples(store: MetricStore, key: MetricKey, minute: number, value: number | null, count: number): void {
  putSamplesTo(store, seriesOf(store, key), minute, value, count);
}

/** putSamples to a metric found once with metricHandle. */
export function putSamplesTo(store: MetricStore, handle: MetricHandle, minute: number, value: number | null, count: number): void {
  if (value === null) write(store, handle, minute, 0, 0, 0, 0);
  else write(store, handle, minute, count, value * count, value, value);
}

function write(store: MetricStore, series: MetricHandle, minute: number, sampleCount: number, sum: number, minimum: number, maximum: number): void {
  if (!series) return;
  for (let m = series.published; m <= minute; m++) series.sampleCount[m % store.retentionMinutes] = 0;
  series.published = Math.max(series.published, minute + 1);
  if (sampleCount === 0) return;
  const slot = minute % store.retentionMinutes;
  series.sampleCount[slot] = sampleCount;
  series.sum[slot] = sum;
  series.minimum[slot] = minimum;
  series.maximum[slot] = maximum;
}

/**
 * The datapoints of a metric for the latest `count` whole periods of `periodMinutes` that ended by
 * `minutesElapsed` minutes into the run, periods aligned to time 0, oldest first (null: no datapoint).
 * Periods before the run starts are left out, so early on there are fewer than `count`.
 * Percentiles need raw samples; a statistic set gives them only when its Minimum equals its Maximum
 * (CloudWatch: "the Min and Max are equal, and Sum is equal to Min multiplied by SampleCount"), which
 * holds for everything ecsim publishes.
 */
export function periodDatapoints(store: MetricStore, key: MetricKey, statistic: Statistic, periodMinutes: number, count: number, minutesElapsed: number): (number | null)[] {
  return periodDatapointsOf(store, seriesOf(store, key), statistic, periodMinutes, count, minutesElapsed);
}

/** periodDatapoints of a metric found once with metricHandle. */
export function periodDatapointsOf(store: MetricStore, series: MetricHandle, statistic: Statistic, periodMinutes: number, count: number, minutesElapsed: number): (number | null)[] {
  const complete = Math.floor(minutesElapsed / periodMinutes);
  const first = Math.max(0, complete - count);
  if (series && first * periodMinutes < series.published - store.retentionMinutes) {
    throw new Error(`metric store keeps ${store.retentionMinutes} minutes; minute ${first * periodMinutes} is gone`);
  }
  const out: (number | null)[] = [];
  for (let p = first; p < complete; p++) out.push(series ? periodValue(series, store.retentionMinutes, p * periodMinutes, periodMinutes, statistic) : null);
  return out;
}

function periodValue(series: MetricSeries, retention: number, from: number, minutes: number, statistic: Statistic): number | null {
  let sampleCount = 0;
  let sum = 0;
  let minimum = Infinity;
  let maximum = -Infinity;
  const percentile = statistic.startsWith('p');
  const weighted: { value: number; count: number }[] = [];
  for (let m = from; m < from + minutes && m < series.published; m++) {
    const slot = m % retention;
    const n = series.sampleCount[slot];
    if (n === 0) continue;
    sampleCount += n;
    sum += series.sum[slot];
    minimum = Math.min(minimum, series.minimum[slot]);
    maximum = Math.max(maximum, series.maximum[slot]);
    if (percentile) weighted.push({ value: series.minimum[slot], count: n });
  }
  if (statistic === 'SampleCount') return sampleCount === 0 ? null : sampleCount;
  if (sampleCount === 0) return null;
  switch (statistic) {
    case 'Sum':
      return sum;
    case 'Average':
      return sum / sampleCount;
    case 'Minimum':
      return minimum;
    case 'Maximum':
      return maximum;
    default:
      return weightedPercentile(weighted, Number(statistic.slice(1)));
  }
}

/** The nearest-rank percentile (as `percentile` in statistics.ts) of samples given as (value, how many times). */
function weightedPercentile(samples: { value: number; count: number }[], p: number): number {
  const total = samples.reduce((n, s) => n + s.count, 0);
  const sorted = [...samples].sort((a, b) => a.value - b.value);
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const s of sorted) {
    seen += s.count;
    if (seen >= rank) return s.value;
  }
  return sorted[sorted.length - 1].value;
}

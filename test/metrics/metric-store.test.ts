import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalSamples, metricId, newMetricStore, periodDatapoints, putMinute, type MetricKey } from '../../src/metrics/metric-store.js';
import { statistic, type Statistic } from '../../src/metrics/statistics.js';

const cpu: MetricKey = { namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: { ClusterName: 'c', ServiceName: 'web' } };

/** A store holding one metric's minutes: [value, samples] or null for a minute without a datapoint. */
function storeOf(minutes: ([number, number] | null)[], retention = 100) {
  const store = newMetricStore(retention);
  minutes.forEach((m, i) => putMinute(store, cpu, i, m === null ? undefined : equalSamples(m[0], m[1])));
  return store;
}

describe('the metric store', () => {
  const store = storeOf([[10, 2], [30, 2], null, [50, 4], [70, 1]]);
  const datapoints = (stat: Statistic, period: number, count = 10, elapsed = 5) => periodDatapoints(store, cpu, stat, period, count, elapsed);

  it('aggregates whole periods aligned to time 0, complete ones only, oldest first', () => {
    expect(datapoints('Average', 2)).toEqual([20, 50]);
    expect(datapoints('Maximum', 2)).toEqual([30, 50]);
    expect(datapoints('Minimum', 2)).toEqual([10, 50]);
    expect(datapoints('SampleCount', 2)).toEqual([4, 4]);
    expect(datapoints('Sum', 2)).toEqual([80, 200]);
    expect(datapoints('Average', 1)).toEqual([10, 30, null, 50, 70]);
    expect(datapoints('Average', 5)).toEqual([(20 + 60 + 200 + 70) / 9]);
  });

  it('a minute without samples has no datapoint, not zero (SampleCount too)', () => {
    expect(datapoints('SampleCount', 1)).toEqual([2, 2, null, 4, 1]);
  });

  it('returns the latest `count` periods that ended by the time asked', () => {
    expect(datapoints('Average', 1, 2)).toEqual([50, 70]);
    expect(datapoints('Average', 1, 2, 3)).toEqual([30, null]);
    expect(datapoints('Average', 1, 10, 0)).toEqual([]);
  });

  it('percentiles from equal-sample statistic sets, by nearest rank', () => {
    // Samples: 10,10,30,30,50,50,50,50,70 -> p50 is the 5th: 50; p20 the 2nd: 10; p100 the 9th: 70.
    expect(datapoints('p50', 5)).toEqual([50]);
    expect(datapoints('p20', 5)).toEqual([10]);
    expect(datapoints('p100', 5)).toEqual([70]);
  });

  it('a metric never published has no datapoints; dimensions name metrics in any order', () => {
    expect(periodDatapoints(store, { ...cpu, metricName: 'MemoryUtilization' }, 'Average', 1, 3, 5)).toEqual([null, null, null]);
    expect(metricId({ ...cpu, dimensions: { ServiceName: 'web', ClusterName: 'c' } })).toBe(metricId(cpu));
    expect(metricId({ ...cpu, dimensions: { ServiceName: 'api', ClusterName: 'c' } })).not.toBe(metricId(cpu));
  });

  it('keeps only its retention window, and says so when asked for more', () => {
    const small = storeOf([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]], 3);
    expect(periodDatapoints(small, cpu, 'Average', 1, 3, 5)).toEqual([3, 4, 5]);
    expect(() => periodDatapoints(small, cpu, 'Average', 1, 4, 5)).toThrow(/keeps 3 minutes; minute 1 is gone/);
  });

  it('law: a period\'s datapoint is the statistic of every sample of its minutes', () => {
    const minute = fc.option(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 5 })), { nil: null });
    const stat = fc.constantFrom<Statistic>('Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p10', 'p50', 'p90', 'p99');
    fc.assert(
      fc.property(fc.array(minute, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 5 }), stat, (minutes, period, name) => {
        const got = periodDatapoints(storeOf(minutes), cpu, name, period, 100, minutes.length);
        const expected = [];
        for (let start = 0; start + period <= minutes.length; start += period) {
          const samples = minutes.slice(start, start + period).flatMap((m) => (m === null ? [] : Array<number>(m[1]).fill(m[0])));
          expected.push(samples.length === 0 ? null : statistic(samples, name));
        }
        expect(got.map((v) => (v === null ? null : Math.round(v * 1e6) / 1e6))).toEqual(expected.map((v) => (v === null ? null : Math.round(v * 1e6) / 1e6)));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isStatistic, statistic } from '../../src/metrics/statistics.js';
import { serviceUtilization } from '../../src/metrics/service-utilization.js';

describe('CloudWatch statistics of a period', () => {
  const samples = [10, 40, 20, 30];
  it.each([
    ['Average', 25],
    ['Sum', 100],
    ['Minimum', 10],
    ['Maximum', 40],
    ['SampleCount', 4],
    ['p50', 20],
    ['p75', 30],
    ['p100', 40],
    ['p0', 10],
  ] as const)('%s of 10, 40, 20, 30 is %d', (name, expected) => {
    expect(statistic(samples, name)).toBe(expected);
  });

  it('a period without samples has no datapoint (SampleCount 0)', () => {
    expect(statistic([], 'Average')).toBeNull();
    expect(statistic([], 'p99')).toBeNull();
    expect(statistic([], 'SampleCount')).toBe(0);
  });

  it('knows the five statistics and percentiles p0.0 to p100', () => {
    expect(['Average', 'SampleCount', 'p99', 'p99.9', 'p0.0', 'p100'].every(isStatistic)).toBe(true);
    expect(['average', 'p101', 'p', 'p-1', 'Median'].some(isStatistic)).toBe(false);
  });
});

describe('service CPU and memory utilization, as ECS defines them', () => {
  // DG example: a 512-unit / 1024 MiB task definition alone on a c4.large (2048 units).
  it('a fully busy task reports 400% CPU; at 512 MiB used, 50% memory', () => {
    expect(serviceUtilization(2048, 512, 1)).toBe(400);
    expect(serviceUtilization(512, 1024, 1)).toBe(50);
  });

  it('an idle task at 128 units and 128 MiB: 25% and 12.5%', () => {
    expect(serviceUtilization(128, 512, 1)).toBe(25);
    expect(serviceUtilization(128, 1024, 1)).toBe(12.5);
  });

  it('is the average over the running tasks; none running, no datapoint', () => {
    expect(serviceUtilization(512 + 256, 512, 2)).toBe(75);
    expect(serviceUtilization(0, 512, 0)).toBeNull();
  });
});

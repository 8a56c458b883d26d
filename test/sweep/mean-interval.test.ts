import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/sweep/mean-interval.js';
import { studentTQuantile } from '../../src/sweep/student-t.js';

describe('Student t quantile t(0.975, df)', () => {
  // Two-sided 95% critical values from any t table.
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [5, 2.571],
    [9, 2.262],
    [19, 2.093],
    [29, 2.045],
    [49, 2.01],
    [120, 1.98],
  ])('df %i: %d', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it('tends to the normal 1.960 as df grows', () => {
    expect(studentTQuantile(0.975, 100_000)).toBeCloseTo(1.96, 3);
  });
});

describe('mean and 95% interval over seeds', () => {
  it('1, 2, 3: mean 2, s = 1, interval 2 ± 4.303 * 1 / sqrt(3)', () => {
    const m = meanInterval([1, 2, 3]);
    const halfWidth = (4.302653 * 1) / Math.sqrt(3); // 2.484138
    expect(m.n).toBe(3);
    expect(m.mean).toBe(2);
    expect(m.sd).toBe(1);
    expect(m.halfWidth).toBeCloseTo(halfWidth, 5);
    expect(m.low).toBeCloseTo(2 - halfWidth, 5);
    expect(m.high).toBeCloseTo(2 + halfWidth, 5);
    expect([m.min, m.max]).toEqual([1, 3]);
  });

  it('10, 12: mean 11, s = sqrt(2), interval 11 ± 12.706 * sqrt(2) / sqrt(2)', () => {
    const m = meanInterval([10, 12]);
    expect(m.mean).toBe(11);
    expect(m.halfWidth).toBeCloseTo(12.7062, 4);
  });

  it('one run has a mean and no interval', () => {
    expect(meanInterval([7.5])).toEqual({ n: 1, mean: 7.5, sd: null, halfWidth: null, low: null, high: null, min: 7.5, max: 7.5 });
  });

  it('equal values give an interval of zero width', () => {
    const m = meanInterval([4, 4, 4, 4]);
    expect([m.low, m.mean, m.high, m.halfWidth]).toEqual([4, 4, 4, 0]);
  });

  it('rounds to 6 decimals', () => {
    expect(meanInterval([1, 2, 2]).mean).toBe(1.666667);
  });
});

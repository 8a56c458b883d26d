import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByStrategy, type StrategyItem } from '../../src/capacity/strategy-split.js';

const item = (capacityProvider: string, base: number, weight: number): StrategyItem => ({ capacityProvider, base, weight });

describe('capacity provider strategy: base then weights', () => {
  it("AWS's example: base 2 with weight 1, weight 3 on the other, 10 tasks -> 4 and 6", () => {
    expect(splitByStrategy([item('od', 2, 1), item('spot', 0, 3)], 10)).toEqual([4, 6]);
  });

  it('the ecspresso service: FARGATE base 1 weight 1, FARGATE_SPOT weight 2, 10 tasks -> 4 and 6', () => {
    expect(splitByStrategy([item('FARGATE', 1, 1), item('FARGATE_SPOT', 0, 2)], 10)).toEqual([4, 6]);
  });

  it('35 tasks over three equal weights -> 12, 12, 11', () => {
    expect(splitByStrategy([item('a', 0, 1), item('b', 0, 1), item('c', 0, 1)], 35)).toEqual([12, 12, 11]);
  });

  it('weight 0 providers get nothing beyond a base', () => {
    expect(splitByStrategy([item('a', 2, 0), item('b', 0, 1)], 5)).toEqual([2, 3]);
  });

  it('fewer tasks than the base all go to the base provider', () => {
    expect(splitByStrategy([item('a', 5, 1), item('b', 0, 1)], 3)).toEqual([3, 0]);
  });

  it('the split always adds up, and beyond the base no task could move to a provider further below its weight (Sainte-Lague)', () => {
    const strategy = fc.array(fc.record({ base: fc.integer({ min: 0, max: 5 }), weight: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(strategy, fc.integer({ min: 0, max: 60 }), (raw, n) => {
        const items = raw.map((r, i) => item(`p${i}`, i === 0 ? r.base : 0, r.weight));
        if (items.every((x) => x.weight === 0)) return;
        const batch = splitByStrategy(items, n);
        expect(batch.reduce((a, b) => a + b, 0)).toBe(n);
        // Beyond the base the split is a Sainte-Lague (Webster) apportionment: for any two providers, the
        // one that got a task last deserved it at least as much as the other deserved one more:
        // (n_i - 1/2) / w_i <= (n_j + 1/2) / w_j. (Webster can miss the exact proportion by more than one
        // task, e.g. 3 tasks over weights 5:1:1:1 all go to the first, whose proportion is 1.875.)
        const beyond = batch.map((c, i) => c - Math.min(c, items[i].base));
        for (const [i, a] of items.entries()) {
          if (beyond[i] === 0) continue;
          expect(a.weight).toBeGreaterThan(0);
          for (const [j, b] of items.entries()) {
            if (b.weight === 0 || i === j) continue;
            expect((beyond[i] - 0.5) / a.weight).toBeLessThanOrEqual((beyond[j] + 0.5) / b.weight + 1e-9);
          }
        }
      }),
    );
  });
});

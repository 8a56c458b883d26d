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

  it('the split always adds up, and beyond the base follows the weights to within one task', () => {
    const strategy = fc.array(fc.record({ base: fc.integer({ min: 0, max: 5 }), weight: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(strategy, fc.integer({ min: 0, max: 60 }), (raw, n) => {
        const items = raw.map((r, i) => item(`p${i}`, i === 0 ? r.base : 0, r.weight));
        if (items.every((x) => x.weight === 0)) return;
        const batch = splitByStrategy(items, n);
        expect(batch.reduce((a, b) => a + b, 0)).toBe(n);
        // Beyond the base, each provider's share is within one task of its weight's proportion.
        const beyond = batch.map((c, i) => c - Math.min(c, items[i].base));
        const rest = beyond.reduce((a, b) => a + b, 0);
        const totalWeight = items.reduce((a, x) => a + x.weight, 0);
        beyond.forEach((c, i) => expect(Math.abs(c - (rest * items[i].weight) / totalWeight)).toBeLessThanOrEqual(1));
      }),
    );
  });
});

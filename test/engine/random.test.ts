import seedrandom from 'seedrandom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanOf, sample, type Distribution } from '../../src/engine/distributions.js';
import { RandomStream } from '../../src/engine/random.js';

const draws = (stream: RandomStream, n: number) => Array.from({ length: n }, () => stream.uniform());

describe('RandomStream', () => {
  it('is reproducible from its seed', () => {
    expect(draws(new RandomStream(7), 5)).toEqual(draws(new RandomStream(7), 5));
    expect(draws(new RandomStream(7), 5)).not.toEqual(draws(new RandomStream(8), 5));
  });

  it('forks do not depend on how much the parent has drawn', () => {
    const a = new RandomStream(1);
    const b = new RandomStream(1);
    draws(b, 100);
    expect(draws(a.fork('placement'), 5)).toEqual(draws(b.fork('placement'), 5));
    expect(draws(a.fork('placement'), 5)).not.toEqual(draws(a.fork('arrivals'), 5));
  });

  it('draws uniforms in [0, 1)', () => {
    fc.assert(fc.property(fc.integer(), (seed) => draws(new RandomStream(seed), 50).every((u) => u >= 0 && u < 1)));
  });
});

describe('distributions', () => {
  const cases: [string, Distribution][] = [
    ['constant', { dist: 'constant', value: 42 }],
    ['uniform', { dist: 'uniform', min: 10, max: 30 }],
    ['exponential', { dist: 'exponential', mean: 15 }],
    ['normal', { dist: 'normal', mean: 100, stddev: 10 }],
    ['lognormal', { dist: 'lognormal', mean: 100, stddev: 50 }],
    ['empirical', { dist: 'empirical', values: [1, 2, 10], weights: [1, 1, 2] }],
  ];
  it.each(cases)('%s: the sample mean of 40,000 draws is within 2%% of the mean', (_, d) => {
    const stream = new RandomStream('dist');
    let sum = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) sum += sample(d, stream);
    expect(Math.abs(sum / n - meanOf(d)) / meanOf(d)).toBeLessThan(0.02);
  });

  it('bounded normal and lognormal never leave [min, max]', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom<'normal' | 'lognormal'>('normal', 'lognormal'), (seed, dist) => {
        const stream = new RandomStream(seed);
        const d: Distribution = { dist, mean: 60, stddev: 40, min: 50, max: 70 };
        for (let i = 0; i < 100; i++) {
          const x = sample(d, stream);
          expect(x).toBeGreaterThanOrEqual(50);
          expect(x).toBeLessThanOrEqual(70);
        }
      }),
    );
  });

  it('uniform stays within [min, max] and empirical only yields listed values', () => {
    const stream = new RandomStream(3);
    for (let i = 0; i < 1000; i++) {
      const u = sample({ dist: 'uniform', min: 5, max: 6 }, stream);
      expect(u >= 5 && u <= 6).toBe(true);
      expect([1, 2, 3]).toContain(sample({ dist: 'empirical', values: [1, 2, 3] }, stream));
    }
  });
});

describe('RandomStream is seedrandom Alea', () => {
  it("draws seedrandom.alea's numbers, in order, for any seed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer().map(String)), (seed) => {
        const reference = seedrandom.alea(seed);
        const stream = new RandomStream(seed);
        for (let i = 0; i < 200; i++) expect(stream.uniform()).toBe(reference());
      }),
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestRate, type RequestRateSpec } from '../../src/workload/request-rate.js';
import { azureTraceTimes, perMinuteRate } from '../../src/workload/trace-rate.js';

const MIN = 60_000;
const HOUR = 3_600_000;

describe('request rate shapes', () => {
  it('constant, step and ramp', () => {
    expect(requestRate({ shape: 'constant', rps: 40 }, 5 * HOUR)).toBe(40);
    const step: RequestRateSpec = { shape: 'step', rps: 10, steps: [{ at: 10 * MIN, rps: 50 }, { at: 20 * MIN, rps: 20 }] };
    expect([0, 10 * MIN - 1, 10 * MIN, 19 * MIN, 20 * MIN].map((t) => requestRate(step, t))).toEqual([10, 10, 50, 50, 20]);
    const ramp: RequestRateSpec = { shape: 'ramp', from: 0, to: 100, startAt: 10 * MIN, endAt: 20 * MIN };
    expect([0, 10 * MIN, 15 * MIN, 20 * MIN, HOUR].map((t) => requestRate(ramp, t))).toEqual([0, 0, 50, 100, 100]);
  });

  it('a 5x spike: base, a linear rise, the hold at the peak, a linear fall, base again', () => {
    const s: RequestRateSpec = { shape: 'spike', base: 100, peak: 500, at: 30 * MIN, rampMs: 2 * MIN, holdMs: 10 * MIN };
    const at = (m: number) => requestRate(s, m * MIN);
    expect([0, 29, 30, 31, 32, 38, 42, 43, 44, 60].map(at)).toEqual([100, 100, 100, 300, 500, 500, 500, 300, 100, 100]);
  });

  it('a diurnal day peaks at peakAt, bottoms twelve hours later, and averages its mean', () => {
    const d: RequestRateSpec = { shape: 'diurnal', mean: 100, amplitude: 60, peakAt: 14 * HOUR, periodMs: 24 * HOUR };
    expect(requestRate(d, 14 * HOUR)).toBeCloseTo(160, 9);
    expect(requestRate(d, 2 * HOUR)).toBeCloseTo(40, 9);
    const minutes = Array.from({ length: 1440 }, (_, m) => requestRate(d, m * MIN));
    expect(minutes.reduce((a, b) => a + b, 0) / 1440).toBeCloseTo(100, 6);
  });

  it('rates are never negative', () => {
    const spec = fc.oneof(
      fc.record({ shape: fc.constant('diurnal' as const), mean: fc.nat(1000), amplitude: fc.nat(2000), peakAt: fc.nat(HOUR), periodMs: fc.integer({ min: MIN, max: 48 * HOUR }) }),
      fc.record({ shape: fc.constant('spike' as const), base: fc.nat(1000), peak: fc.nat(5000), at: fc.nat(HOUR), rampMs: fc.nat(10 * MIN), holdMs: fc.nat(HOUR) }),
      fc.record({ shape: fc.constant('ramp' as const), from: fc.nat(1000), to: fc.nat(1000), startAt: fc.nat(HOUR), endAt: fc.integer({ min: HOUR + 1, max: 2 * HOUR }) }),
    );
    fc.assert(fc.property(spec, fc.nat(4 * HOUR), (s, t) => {
      expect(requestRate(s, t)).toBeGreaterThanOrEqual(0);
    }));
  });
});

describe('replaying a request trace', () => {
  it('counts requests per minute from the first request\'s minute, as requests per second', () => {
    expect(perMinuteRate([61_000, 62_000, 119_999, 180_000, 181_000, 182_000])).toEqual([3 / 60, 0, 3 / 60]);
    expect(perMinuteRate([])).toEqual([]);
  });

  it('reads the Azure LLM inference traces whole: every request lands in some minute', () => {
    for (const [file, rows] of [['azure-llm-inference-2023-code.csv', 8819], ['azure-llm-inference-2023-conv.csv', 19366]] as const) {
      const times = azureTraceTimes(readFileSync(join(__dirname, '../../../shared/data/traces', file), 'utf8'));
      if (!Array.isArray(times)) throw new Error(`${file}:${times.line}: ${times.problem}`);
      expect(times).toHaveLength(rows);
      const rate = perMinuteRate(times);
      expect(rate.reduce((a, b) => a + b, 0) * 60).toBeCloseTo(rows, 6);
      expect(requestRate({ shape: 'trace', perMinute: rate }, rate.length * MIN)).toBe(0);
    }
  });

  it('a row that does not parse is named by its line', () => {
    expect(azureTraceTimes('TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.97,1,2\nyesterday,1,2')).toEqual({
      line: 3,
      problem: 'expected "YYYY-MM-DD hh:mm:ss.fffffff,..." got "yesterday,1,2"',
    });
    expect(azureTraceTimes('2023-11-16 18:17:03.97,1,2')).toEqual({ line: 1, problem: 'expected a header starting with TIMESTAMP' });
  });
});

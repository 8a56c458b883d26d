import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/engine/time.js';

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['6h', 21_600_000],
    ['2d', 172_800_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1500],
    ['1200', 1200],
    [1200, 1200],
  ] as const)('parses %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'soon', '-5s', '5 minutes', '5x', 'h', -1, Number.NaN])('rejects %s', (text) => {
    expect(parseDuration(text as string)).toBeUndefined();
  });

  it('formatDuration and parseDuration round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e10 }), (ms) => {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaches, evaluateAlarm, type AlarmRule, type AlarmState, type ComparisonOperator, type TreatMissingData } from '../../src/metrics/alarm.js';

/** Compact datapoints, oldest first: `X` breaches the test threshold (50), `0` does not, `-` is missing, numbers as written. */
const series = (text: string) => text.split(/\s+/).map((t) => (t === '-' ? null : t === 'X' ? 100 : Number(t)));
const rule = (treatMissingData: TreatMissingData, n = 3, m = n): AlarmRule => ({
  threshold: 50,
  comparisonOperator: 'GreaterThanThreshold',
  evaluationPeriods: n,
  datapointsToAlarm: m,
  treatMissingData,
});
const SETTINGS: TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];
const KEEP = 'keep';

describe('CloudWatch alarm evaluation', () => {
  // The user guide's table: N = M = 3, an evaluation range of 5, newest on the right.
  it.each([
    ['0 - X - X', ['OK', 'OK', 'OK', 'OK']],
    ['- - - - 0', ['OK', 'OK', 'OK', 'OK']],
    ['- - - - -', ['INSUFFICIENT_DATA', KEEP, 'ALARM', 'OK']],
    ['0 X X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['- - X - -', ['ALARM', KEEP, 'ALARM', 'OK']],
  ])('%s -> missing / ignore / breaching / notBreaching: %j', (points, expected) => {
    SETTINGS.forEach((setting, k) => {
      for (const current of ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as AlarmState[]) {
        expect(evaluateAlarm(series(points), rule(setting), current), `${setting} from ${current}`).toBe(expected[k] === KEEP ? current : expected[k]);
      }
    });
  });

  it('does not alarm prematurely on one fresh breaching point with missing data before it', () => {
    expect(evaluateAlarm(series('- - - - X'), rule('missing'), 'OK')).toBe('OK');
    expect(evaluateAlarm(series('- - - X -'), rule('missing'), 'OK')).toBe('OK');
    expect(evaluateAlarm(series('- - X - -'), rule('missing'), 'OK')).toBe('ALARM');
  });

  it('M out of N: breaching points need not be consecutive but must be among the last N', () => {
    expect(evaluateAlarm(series('X X 0 X X'), rule('missing', 5, 4), 'OK')).toBe('ALARM');
    expect(evaluateAlarm(series('X 0 0 X X'), rule('missing', 5, 4), 'OK')).toBe('OK');
    // Only the most recent N real points count: old breaches fall out of the window.
    expect(evaluateAlarm(series('X X X 0 0 0'), rule('missing', 3), 'ALARM')).toBe('OK');
  });

  it.each([
    ['GreaterThanOrEqualToThreshold', [false, true, true]],
    ['GreaterThanThreshold', [false, false, true]],
    ['LessThanThreshold', [true, false, false]],
    ['LessThanOrEqualToThreshold', [true, true, false]],
  ] as [ComparisonOperator, boolean[]][])('%s: 49, 50, 51 against 50 -> %j', (comparisonOperator, expected) => {
    expect([49, 50, 51].map((v) => breaches(v, { threshold: 50, comparisonOperator }))).toEqual(expected);
  });
});

describe('alarm laws', () => {
  const point = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }));
  const arbitrary = fc.record({
    points: fc.array(point, { minLength: 0, maxLength: 12 }),
    n: fc.integer({ min: 1, max: 6 }),
    m: fc.integer({ min: 1, max: 6 }),
    setting: fc.constantFrom(...SETTINGS),
    current: fc.constantFrom<AlarmState>('OK', 'ALARM', 'INSUFFICIENT_DATA'),
  }).map((a) => ({ ...a, m: Math.min(a.m, a.n) }));

  it('every datapoint breaching, and at least N of them: ALARM whatever the settings', () => {
    fc.assert(fc.property(arbitrary, fc.integer({ min: 51, max: 1000 }), ({ n, m, setting, current }, v) => {
      expect(evaluateAlarm(Array(n).fill(v), rule(setting, n, m), current)).toBe('ALARM');
    }));
  });

  it('with N real datapoints in the range, how missing data is treated does not matter', () => {
    fc.assert(fc.property(arbitrary, ({ points, n, m, current }) => {
      const range = points.slice(-(n + 2));
      fc.pre(range.filter((p) => p !== null).length >= n);
      const states = SETTINGS.map((s) => evaluateAlarm(points, rule(s, n, m), current));
      expect(new Set(states).size).toBe(1);
    }));
  });

  it('one more breaching datapoint never takes an alarm out of ALARM', () => {
    fc.assert(fc.property(arbitrary, fc.nat(), ({ points, n, m, setting, current }, k) => {
      fc.pre(points.length > 0);
      const before = evaluateAlarm(points, rule(setting, n, m), current);
      const worse = points.map((p, i) => (i === k % points.length ? 100 : p));
      if (before === 'ALARM') expect(evaluateAlarm(worse, rule(setting, n, m), current)).toBe('ALARM');
    }));
  });
});

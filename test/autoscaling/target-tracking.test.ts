import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineWishes, targetTrackingAlarms, targetTrackingCapacity } from '../../src/autoscaling/target-tracking.js';
import { evaluateAlarm } from '../../src/metrics/alarm.js';

describe('target tracking', () => {
  it('4 tasks at 90% CPU with a target of 60 -> 6 tasks', () => {
    expect(targetTrackingCapacity(4, 90, 60)).toBe(6);
  });

  it('the capacity it asks for brings the metric to the target or below, and no lower than it needs', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.1, max: 400, noNaN: true }), fc.integer({ min: 5, max: 95 }), (running, metric, target) => {
      const capacity = targetTrackingCapacity(running, metric, target);
      const load = running * metric; // utilization-percent x tasks
      expect(load / capacity).toBeLessThanOrEqual(target * (1 + 1e-9));
      if (capacity > 1) expect(load / (capacity - 1)).toBeGreaterThan(target * (1 - 1e-9));
    }));
  });

  it('AlarmHigh: above the target for 3 minutes; AlarmLow: below 90% of it for 15 (target 30 -> 27)', () => {
    const { high, low } = targetTrackingAlarms(30);
    expect(evaluateAlarm([31, 31], high, 'OK')).toBe('OK');
    expect(evaluateAlarm([31, 31, 31], high, 'OK')).toBe('ALARM');
    expect(low.threshold).toBe(27);
    expect(evaluateAlarm(Array(14).fill(20), low, 'OK')).toBe('OK');
    expect(evaluateAlarm(Array(15).fill(20), low, 'OK')).toBe('ALARM');
    expect(evaluateAlarm([...Array(14).fill(20), 28], low, 'ALARM')).toBe('OK');
  });

  it('several policies: out if any wants out, in only if all want in, the largest capacity wins', () => {
    expect(combineWishes(10, [{ capacity: 12, direction: 'out' }, { capacity: 8, direction: 'in' }])).toBe(12);
    expect(combineWishes(10, [{ capacity: 12, direction: 'out' }, { capacity: 30, direction: 'out' }])).toBe(30);
    expect(combineWishes(10, [{ capacity: 7, direction: 'in' }, { capacity: 8, direction: 'in' }])).toBe(8);
    expect(combineWishes(10, [{ capacity: 7, direction: 'in' }, { capacity: 10, direction: 'none' }])).toBeUndefined();
    expect(combineWishes(10, [])).toBeUndefined();
  });
});

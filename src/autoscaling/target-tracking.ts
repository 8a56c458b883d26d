import type { AlarmRule } from '../metrics/alarm.js';

/**
 * Application Auto Scaling target tracking, the pure part (AAS user guide, "Target tracking scaling
 * policies"; the ECS developer guide's service auto scaling pages).
 */

/**
 * The two alarms a target tracking policy creates for an ECS service, as observed (AlarmHigh: 3
 * datapoints of 1 minute above the target; AlarmLow: 15 below 90% of it). ASSUMPTION: AWS documents
 * only that scale-in waits until the metric is "far enough below the target value (usually more than
 * 10% lower)"; these shapes come from observed alarms.
 */
export function targetTrackingAlarms(targetValue: number): { high: AlarmRule; low: AlarmRule } {
  return {
    high: { threshold: targetValue, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: 'missing' },
    low: { threshold: targetValue * 0.9, comparisonOperator: 'LessThanThreshold', evaluationPeriods: 15, datapointsToAlarm: 15, treatMissingData: 'missing' },
  };
}

/**
 * The capacity that brings the metric to the target: running x metric / target, rounded up so the
 * metric ends at or below the target (4 tasks at 90% CPU with a target of 60 -> 6). ASSUMPTION: AWS
 * publishes no formula, only that it scales "proportional to the metric" and rounds conservatively;
 * scale-in rounds up too, so it never overshoots below what the load needs.
 */
export function targetTrackingCapacity(running: number, metric: number, targetValue: number): number {
  return Math.ceil((running * metric) / targetValue - 1e-9);
}

/** What one policy wants this minute: a capacity, and whether that is a scale-out or a scale-in. */
export interface PolicyWish {
  capacity: number;
  direction: 'out' | 'in' | 'none';
}

/**
 * Several policies on one service: scale out if any wants out; scale in only if every policy (that may
 * scale in) wants in; the largest capacity wins. Undefined: leave the service alone.
 */
export function combineWishes(current: number, wishes: readonly PolicyWish[]): number | undefined {
  const out = wishes.filter((w) => w.direction === 'out');
  if (out.length > 0) return Math.max(...out.map((w) => w.capacity));
  if (wishes.length > 0 && wishes.every((w) => w.direction === 'in')) {
    const capacity = Math.max(...wishes.map((w) => w.capacity));
    return capacity < current ? capacity : undefined;
  }
  return undefined;
}

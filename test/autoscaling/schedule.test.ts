import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseSchedule, type Schedule } from '../../src/autoscaling/schedule.js';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

const T = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;
const parsed = (expression: string) => {
  const s = parseSchedule(expression);
  if (typeof s === 'string') throw new Error(s);
  return s;
};
/** The next `n` occurrences after `from`. */
const occurrences = (s: Schedule, from: string, n: number, start = from) => {
  const out: string[] = [];
  let at = T(from);
  for (let i = 0; i < n; i++) {
    const next = nextOccurrence(s, at, T(from) + 400 * DAY, T(start));
    if (next === undefined) break;
    out.push(new Date(next).toISOString());
    at = next;
  }
  return out;
};

describe('scheduled scaling expressions', () => {
  it('at(): once, in UTC', () => {
    expect(occurrences(parsed('at(2026-01-01T06:30:00)'), '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-01T06:30:00.000Z']);
    expect(occurrences(parsed('at(2025-12-31T06:30:00)'), '2026-01-01T00:00:00Z', 3)).toEqual([]);
  });

  it('rate(): every so long from the start', () => {
    expect(occurrences(parsed('rate(90 minutes)'), '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-01T01:30:00.000Z', '2026-01-01T03:00:00.000Z', '2026-01-01T04:30:00.000Z']);
    expect(occurrences(parsed('rate(1 day)'), '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']);
  });

  it('cron(): 6 fields, ? for one of the day fields, names, ranges, lists and steps', () => {
    // Weekdays at 08:00 and 20:00 UTC; 2026-01-01 is a Thursday.
    expect(occurrences(parsed('cron(0 8,20 ? * MON-FRI *)'), '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-01T08:00:00.000Z', '2026-01-01T20:00:00.000Z', '2026-01-02T08:00:00.000Z', '2026-01-02T20:00:00.000Z', '2026-01-05T08:00:00.000Z',
    ]);
    expect(occurrences(parsed('cron(*/15 9 1 * ? *)'), '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-01T09:00:00.000Z', '2026-01-01T09:15:00.000Z', '2026-01-01T09:30:00.000Z', '2026-01-01T09:45:00.000Z', '2026-02-01T09:00:00.000Z',
    ]);
    expect(occurrences(parsed('cron(0 0 1 JAN ? 2027)'), '2026-01-01T00:00:00Z', 2)).toEqual(['2027-01-01T00:00:00.000Z']);
  });

  it('says why an expression is not one', () => {
    expect(parseSchedule('every day')).toBe('expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year)');
    expect(parseSchedule('rate(1 hours)')).toBe('expected "1 hour"');
    expect(parseSchedule('rate(5 minute)')).toBe('expected "5 minutes"');
    expect(parseSchedule('cron(0 8 * * *)')).toBe('a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), got 5');
    expect(parseSchedule('cron(0 8 * * * *)')).toBe('one of day-of-month and day-of-week must be ?, and only one');
    expect(parseSchedule('cron(61 8 * * ? *)')).toBe('cron minutes: "61" is not a value, range or step from 0 to 59');
  });
});

describe('scheduled actions in a run', () => {
  const scenario = (scheduledActions: object[]) => ({
    name: 'scheduled',
    duration: '24h',
    cluster: { containerInstances: [{ instanceType: 'm5.xlarge', count: 4 }] },
    taskDefinitions: [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'web', cpu: 256, memory: 512 }] }],
    services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }],
    serviceAutoScaling: [{ service: 'web', minCapacity: 2, maxCapacity: 20, scheduledActions }],
  });

  it('raises the minimum before the working day and lowers the maximum at night; desired counts follow at once', () => {
    const r = simulate(spec(scenario([
      { ScheduledActionName: 'morning', Schedule: 'at(2026-01-01T06:00:00)', ScalableTargetAction: { MinCapacity: 10 } },
      { ScheduledActionName: 'evening', Schedule: 'cron(0 20 * * ? *)', ScalableTargetAction: { MinCapacity: 2, MaxCapacity: 3 } },
    ])), { check: true });
    expect(r.serviceScalingActivities.map((a) => [a.at / 3_600_000, a.from, a.to, a.cause])).toEqual([
      [6, 2, 10, 'scheduled action morning set min capacity to 10 and max capacity to 20'],
      [20, 10, 3, 'scheduled action evening set min capacity to 2 and max capacity to 3'],
    ]);
    expect(r.services[0].runningCount).toBe(3);
  });

  it('rejects a schedule it cannot read and a minimum above the maximum', () => {
    expect(problems(scenario([{ Schedule: 'every morning', ScalableTargetAction: { MinCapacity: 1 } }]))).toEqual([
      'serviceAutoScaling[0].scheduledActions[0].Schedule: expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year)',
    ]);
    expect(problems(scenario([{ Schedule: 'rate(1 hour)', ScalableTargetAction: { MinCapacity: 5, MaxCapacity: 4 } }]))).toEqual([
      'serviceAutoScaling[0].scheduledActions[0].ScalableTargetAction: Minimum capacity cannot be greater than maximum capacity (5 > 4)',
    ]);
  });
});

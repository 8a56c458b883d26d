import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

/** A web service (256 CPU units a task; 2.5 units per request per second, 20 idle) and its step scaling policies. */
function web(load: object, stepScalingPolicies: object[], options: { min?: number; max?: number; desired?: number } = {}) {
  return {
    name: 'step scaling',
    duration: '2h',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], containerInstances: [{ instanceType: 'm5.large', count: 4 }] },
    taskDefinitions: [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'web', cpu: 256, memory: 512 }] }],
    services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: options.desired ?? 2 }],
    workload: { serviceLoad: [{ service: 'web', rate: load, cpuUnitsPerRps: 2.5, baseCpuUnits: 20 }] },
    serviceAutoScaling: [{ service: 'web', minCapacity: options.min ?? 2, maxCapacity: options.max ?? 3, stepScalingPolicies }],
  };
}

// ecs-refarch's website service: +1 when Maximum CPU > 90 for 3 minutes, -1 when < 70 for 10, Cooldown 1800, bounds [2, 3].
const REFARCH = [
  {
    PolicyName: 'scale-up',
    StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', Cooldown: 1800, MetricAggregationType: 'Maximum', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] },
    alarm: { MetricName: 'CPUUtilization', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 3, Threshold: 90, ComparisonOperator: 'GreaterThanThreshold' },
  },
  {
    PolicyName: 'scale-down',
    StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', Cooldown: 1800, MetricAggregationType: 'Average', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }] },
    alarm: { MetricName: 'CPUUtilization', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 10, Threshold: 70, ComparisonOperator: 'LessThanThreshold' },
  },
];

describe('step scaling in a run', () => {
  it('ecs-refarch: sustained CPU above 90% reaches 3 tasks 3 minutes into the breach, then stops; it scales in after its 10 quiet minutes', () => {
    // 200 rps over 2 tasks saturates them (100%); over 3 tasks each is at (20 + 66.7 x 2.5) / 256 = 73%; from 1h, 60 rps: 2 tasks at 37%.
    const r = simulate(spec(web({ shape: 'step', rps: 200, steps: [{ at: '1h', rps: 60 }] }, REFARCH)), { check: true });
    expect(r.serviceScalingActivities.map((a) => [a.at / 60_000, a.from, a.to])).toEqual([
      [3, 2, 3],
      [70, 3, 2],
    ]);
    expect(r.serviceScalingActivities[0].cause).toBe('monitor alarm CPUUtilization-scale-up in state ALARM triggered policy scale-up');
  });

  it('does not scale in within the cooldown of the last scaling activity', () => {
    // The load drops at 10 minutes: 10 quiet minutes are over at 20, but the 1800 s cooldown from 0h03m holds scale-in until 0h33m.
    const r = simulate(spec(web({ shape: 'step', rps: 200, steps: [{ at: '10m', rps: 60 }] }, REFARCH)), { check: true });
    expect(r.serviceScalingActivities.map((a) => [a.at / 60_000, a.from, a.to])).toEqual([
      [3, 2, 3],
      [33, 3, 2],
    ]);
  });
});

describe('step scaling input, checked as PutScalingPolicy and PutMetricAlarm check it', () => {
  const with_ = (policy: Record<string, unknown>, config: Record<string, unknown> = {}, alarm: Record<string, unknown> = {}) =>
    web({ shape: 'constant', rps: 10 }, [{
      ...policy,
      StepScalingPolicyConfiguration: { ...REFARCH[0].StepScalingPolicyConfiguration, ...config },
      alarm: { ...REFARCH[0].alarm, ...alarm },
    }]);
  const at = 'serviceAutoScaling[0].stepScalingPolicies[0]';

  it('rejects overlapping or gapped steps, and two unbounded ends', () => {
    expect(problems(with_({}, { StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 5, ScalingAdjustment: 2 }] }))).toEqual([
      `${at}.StepScalingPolicyConfiguration.StepAdjustments: step adjustment intervals overlap`,
    ]);
    expect(problems(with_({}, { StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 15, ScalingAdjustment: 2 }] }))).toEqual([
      `${at}.StepScalingPolicyConfiguration.StepAdjustments: step adjustment intervals leave a gap`,
    ]);
    expect(problems(with_({}, { StepAdjustments: [{ ScalingAdjustment: 1 }] }))).toEqual([
      `${at}.StepScalingPolicyConfiguration.StepAdjustments: a step adjustment needs a lower or an upper bound`,
    ]);
    expect(problems(with_({}, { AdjustmentType: 'ChangeInCapacity', MinAdjustmentMagnitude: 2 }))).toEqual([
      `${at}.StepScalingPolicyConfiguration.MinAdjustmentMagnitude: MinAdjustmentMagnitude may only be specified when AdjustmentType is PercentChangeInCapacity`,
    ]);
  });

  it('rejects DatapointsToAlarm above EvaluationPeriods, sub-minute periods and windows over a day', () => {
    expect(problems(with_({}, {}, { DatapointsToAlarm: 4 }))).toEqual([`${at}.alarm.DatapointsToAlarm: DatapointsToAlarm (4) must be less than or equal to EvaluationPeriods (3)`]);
    expect(problems(with_({}, {}, { Period: 90 }))).toEqual([`${at}.alarm.Period: expected a multiple of 60 seconds (ecsim's metrics come once a minute; high-resolution periods of 10 and 30 s are not simulated), got 90`]);
    expect(problems(with_({}, {}, { Period: 10 }))).toHaveLength(1);
    expect(problems(with_({}, {}, { Statistic: 'Average', ExtendedStatistic: 'p90' }))).toEqual([`${at}.alarm: specify either Statistic or ExtendedStatistic, not both`]);
    expect(problems(with_({}, {}, { Statistic: undefined, ExtendedStatistic: 'p101' }))).toEqual([`${at}.alarm.ExtendedStatistic: expected a percentile p0.0 to p100 (e.g. p90, p99.9), got "p101"`]);
    expect(problems(with_({}, {}, { MetricName: 'DiskUtilization' }))[0]).toMatch(
      new RegExp(`^${at.replace(/[[\]]/g, '\\$&')}.alarm: ecsim publishes no metric AWS/ECS DiskUtilization \\{ClusterName=default, ServiceName=web\\}`),
    );
    expect(problems(with_({}, {}, { Period: 3600, EvaluationPeriods: 25 }))).toEqual([`${at}.alarm.EvaluationPeriods: Period x EvaluationPeriods must be at most 86400 seconds, got 90000`]);
  });
});

describe('step scaling starts from the running count', () => {
  it('tasks that cannot be placed do not make scaling run away', () => {
    // One m5.large (2048 CPU units) holds 8 tasks of 256; desired 10 leaves 2 unplaced. CPU stays saturated,
    // but +1 from the 8 running is 9, below the desired 10: nothing changes.
    const file = {
      ...web({ shape: 'constant', rps: 2000 }, [REFARCH[0]], { desired: 10, min: 1, max: 30 }),
      cluster: { availabilityZones: ['us-east-1a'], containerInstances: [{ instanceType: 'm5.large', count: 1 }] },
    };
    const r = simulate(spec(file), { check: true });
    expect(r.series.byService.web.running.at(-1)).toBe(8);
    expect(r.series.serviceMetrics.web.cpuUtilization.at(-1)).toBe(100);
    expect(r.serviceScalingActivities).toEqual([]);
  });
});

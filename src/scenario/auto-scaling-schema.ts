import { parseSchedule } from '../autoscaling/schedule.js';
import { isStatistic, type Statistic } from '../metrics/statistics.js';
import { fileReferable } from './file-reference-schema.js';
import { isoTime } from './iso-time-schema.js';
import { array, boolean, integer, number, object, oneOf, optional, refine, string, withDefault, type Infer } from './schema/index.js';

const strict = { unknownKeys: 'error' } as const;
const aws = { unknownKeys: 'note' } as const;

const PREDEFINED = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization', 'ALBRequestCountPerTarget'] as const;

const dimensions = array(object({ Name: string({ minLength: 1, maxLength: 255 }), Value: string({ minLength: 1, maxLength: 1024 }) }, aws), { max: 30 });

/** A CloudWatch metric of a custom target tracking policy (CustomizedMetricSpecification; metric math is not simulated). */
const customizedMetric = object(
  {
    MetricName: string({ minLength: 1, maxLength: 255 }),
    Namespace: string({ minLength: 1, maxLength: 255 }),
    Dimensions: withDefault(dimensions, []),
    Statistic: oneOf(['Average', 'Minimum', 'Maximum', 'SampleCount', 'Sum'] as const),
    Unit: optional(string()),
  },
  aws,
);

/** TargetTrackingScalingPolicyConfiguration, as the AWS CLI takes it (ECS service defaults: 300 s cooldowns). */
export const targetTrackingSchema = refine(
  object(
    {
      PolicyName: optional(string({ minLength: 1, maxLength: 256 })),
      TargetValue: number({ min: 8.515920e-109, max: 6.174977e108 }),
      PredefinedMetricSpecification: optional(object({ PredefinedMetricType: oneOf(PREDEFINED), ResourceLabel: optional(string({ minLength: 1, maxLength: 1023 })) }, aws)),
      CustomizedMetricSpecification: optional(customizedMetric),
      ScaleOutCooldown: withDefault(integer({ min: 0, max: 86_400 }), 300),
      ScaleInCooldown: withDefault(integer({ min: 0, max: 86_400 }), 300),
      DisableScaleIn: withDefault(boolean(), false),
    },
    aws,
  ),
  (p, path, ctx) =>
    (p.PredefinedMetricSpecification === undefined) === (p.CustomizedMetricSpecification === undefined)
      ? ctx.error(path, 'expected exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification')
      : p,
);
export type TargetTrackingFile = Infer<typeof targetTrackingSchema>;

const stepAdjustment = object(
  { MetricIntervalLowerBound: optional(number()), MetricIntervalUpperBound: optional(number()), ScalingAdjustment: integer() },
  aws,
);

/** StepScalingPolicyConfiguration, checked as PutScalingPolicy checks it: steps with no gaps or overlaps. */
const stepConfiguration = refine(
  object(
    {
      AdjustmentType: oneOf(['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'] as const),
      StepAdjustments: array(stepAdjustment, { min: 1, max: 20 }),
      MinAdjustmentMagnitude: optional(integer({ min: 1 })),
      Cooldown: withDefault(integer({ min: 0, max: 86_400 }), 300),
      MetricAggregationType: withDefault(oneOf(['Average', 'Minimum', 'Maximum'] as const), 'Average'),
    },
    aws,
  ),
  (c, path, ctx) => {
    if (c.MinAdjustmentMagnitude !== undefined && c.AdjustmentType !== 'PercentChangeInCapacity') {
      return ctx.error(`${path}.MinAdjustmentMagnitude`, 'MinAdjustmentMagnitude may only be specified when AdjustmentType is PercentChangeInCapacity');
    }
    const problem = stepProblem(c.StepAdjustments);
    return problem ? ctx.error(`${path}.StepAdjustments`, problem) : c;
  },
);

/** Why step intervals would be rejected: overlapping, gaps, an unbounded step without one open end, or more than one per end. */
export function stepProblem(steps: readonly { MetricIntervalLowerBound?: number; MetricIntervalUpperBound?: number }[]): string | undefined {
  const lower = (s: (typeof steps)[number]) => s.MetricIntervalLowerBound ?? -Infinity;
  const upper = (s: (typeof steps)[number]) => s.MetricIntervalUpperBound ?? Infinity;
  if (steps.some((s) => s.MetricIntervalLowerBound === undefined && s.MetricIntervalUpperBound === undefined)) {
    return 'a step adjustment needs a lower or an upper bound';
  }
  if (steps.some((s) => lower(s) >= upper(s))) return 'each step\'s lower bound must be below its upper bound';
  const sorted = [...steps].sort((a, b) => lower(a) - lower(b));
  for (let i = 1; i < sorted.length; i++) {
    if (upper(sorted[i - 1]) > lower(sorted[i])) return 'step adjustment intervals overlap';
    if (upper(sorted[i - 1]) < lower(sorted[i])) return 'step adjustment intervals leave a gap';
  }
  if (steps.filter((s) => s.MetricIntervalLowerBound === undefined).length > 1) return 'only one step may have no lower bound';
  if (steps.filter((s) => s.MetricIntervalUpperBound === undefined).length > 1) return 'only one step may have no upper bound';
  return undefined;
}

/**
 * The alarm whose action is the policy (PutMetricAlarm), on a metric ecsim publishes (by default the
 * service's AWS/ECS metric: Namespace AWS/ECS with its ClusterName and ServiceName). Periods are
 * whole minutes (ECS sends 1-minute datapoints); Period x EvaluationPeriods at most a day.
 */
const metricAlarm = refine(
  object(
    {
      Namespace: withDefault(string({ minLength: 1, maxLength: 255 }), 'AWS/ECS'),
      MetricName: string({ minLength: 1, maxLength: 255 }),
      Dimensions: optional(dimensions),
      Statistic: optional(oneOf(['Average', 'Minimum', 'Maximum', 'Sum', 'SampleCount'] as const)),
      ExtendedStatistic: optional(string({ minLength: 2 })),
      Period: withDefault(integer({ min: 60 }), 60),
      EvaluationPeriods: integer({ min: 1 }),
      DatapointsToAlarm: optional(integer({ min: 1 })),
      Threshold: number(),
      ComparisonOperator: oneOf(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const),
      TreatMissingData: withDefault(oneOf(['missing', 'notBreaching', 'breaching', 'ignore'] as const), 'missing'),
    },
    { ...aws, ignoredKeys: ['AlarmName', 'AlarmDescription', 'AlarmActions', 'OKActions', 'InsufficientDataActions', 'ActionsEnabled', 'Unit'] },
  ),
  (a, path, ctx) => {
    if (a.Statistic !== undefined && a.ExtendedStatistic !== undefined) return ctx.error(path, 'specify either Statistic or ExtendedStatistic, not both');
    if (a.ExtendedStatistic !== undefined && !(isStatistic(a.ExtendedStatistic) && a.ExtendedStatistic.startsWith('p'))) {
      return ctx.error(`${path}.ExtendedStatistic`, `expected a percentile p0.0 to p100 (e.g. p90, p99.9), got "${a.ExtendedStatistic}"`);
    }
    if (a.Period % 60 !== 0) return ctx.error(`${path}.Period`, `expected a multiple of 60 seconds (ecsim's metrics come once a minute; high-resolution periods of 10 and 30 s are not simulated), got ${a.Period}`);
    if (a.DatapointsToAlarm !== undefined && a.DatapointsToAlarm > a.EvaluationPeriods) {
      return ctx.error(`${path}.DatapointsToAlarm`, `DatapointsToAlarm (${a.DatapointsToAlarm}) must be less than or equal to EvaluationPeriods (${a.EvaluationPeriods})`);
    }
    if (a.Period * a.EvaluationPeriods > 86_400) return ctx.error(`${path}.EvaluationPeriods`, `Period x EvaluationPeriods must be at most 86400 seconds, got ${a.Period * a.EvaluationPeriods}`);
    return { ...a, statistic: (a.ExtendedStatistic ?? a.Statistic ?? 'Average') as Statistic };
  },
);

/** A step scaling policy and the CloudWatch alarm that invokes it. */
export const stepScalingSchema = object({ PolicyName: optional(string({ minLength: 1, maxLength: 256 })), StepScalingPolicyConfiguration: stepConfiguration, alarm: metricAlarm }, aws);
export type StepScalingFile = Infer<typeof stepScalingSchema>;

/** PutScheduledAction: at a schedule (UTC), new minimum and/or maximum capacity. */
const scheduledAction = refine(
  object(
    {
      ScheduledActionName: optional(string({ minLength: 1, maxLength: 256 })),
      Schedule: string({ minLength: 1 }),
      ScalableTargetAction: object({ MinCapacity: optional(integer({ min: 0 })), MaxCapacity: optional(integer({ min: 0 })) }, aws),
      StartTime: optional(isoTime),
      EndTime: optional(isoTime),
      Timezone: optional(oneOf(['UTC', 'Etc/UTC'] as const)),
    },
    aws,
  ),
  (a, path, ctx) => {
    const schedule = parseSchedule(a.Schedule);
    if (typeof schedule === 'string') return ctx.error(`${path}.Schedule`, schedule);
    const { MinCapacity: min, MaxCapacity: max } = a.ScalableTargetAction;
    if (min === undefined && max === undefined) return ctx.error(`${path}.ScalableTargetAction`, 'expected MinCapacity, MaxCapacity or both');
    if (min !== undefined && max !== undefined && min > max) return ctx.error(`${path}.ScalableTargetAction`, `Minimum capacity cannot be greater than maximum capacity (${min} > ${max})`);
    return { ...a, schedule };
  },
);
export type ScheduledActionSpec = Infer<typeof scheduledAction>;

/** RegisterScalableTarget's SuspendedState: which scaling activities are paused (all false by default). */
export const suspendedStateSchema = object(
  {
    DynamicScalingInSuspended: optional(boolean()),
    DynamicScalingOutSuspended: optional(boolean()),
    ScheduledScalingSuspended: optional(boolean()),
  },
  aws,
);

/** A later RegisterScalableTarget call on a service's scalable target (a timeline action): new bounds and/or suspended state. */
export const registerScalableTargetSchema = refine(
  object({ service: string({ minLength: 1 }), minCapacity: optional(integer({ min: 0 })), maxCapacity: optional(integer({ min: 0 })), suspendedState: optional(suspendedStateSchema) }, strict),
  (r, path, ctx) => {
    if (r.minCapacity !== undefined && r.maxCapacity !== undefined && r.minCapacity > r.maxCapacity) {
      return ctx.error(`${path}.minCapacity`, `Minimum capacity cannot be greater than maximum capacity (${r.minCapacity} > ${r.maxCapacity})`);
    }
    return r.minCapacity === undefined && r.maxCapacity === undefined && r.suspendedState === undefined ? ctx.error(path, 'expected minCapacity, maxCapacity or suspendedState') : r;
  },
);
export type RegisterScalableTargetFile = Infer<typeof registerScalableTargetSchema>;

/** RegisterScalableTarget for an ECS service's DesiredCount, with its target tracking policies. */
export const serviceAutoScalingSchema = refine(
  object(
    {
      service: string({ minLength: 1 }),
      minCapacity: integer({ min: 0 }),
      maxCapacity: integer({ min: 0 }),
      suspendedState: withDefault(suspendedStateSchema, { DynamicScalingInSuspended: undefined, DynamicScalingOutSuspended: undefined, ScheduledScalingSuspended: undefined }),
      targetTrackingPolicies: withDefault(array(fileReferable(targetTrackingSchema, 'targetTrackingPolicy')), []),
      stepScalingPolicies: withDefault(array(fileReferable(stepScalingSchema, 'stepScalingPolicy')), []),
      scheduledActions: withDefault(array(scheduledAction), []),
    },
    strict,
  ),
  (t, path, ctx) => (t.minCapacity <= t.maxCapacity ? t : ctx.error(`${path}.minCapacity`, `Minimum capacity cannot be greater than maximum capacity (${t.minCapacity} > ${t.maxCapacity})`)),
);
export type ServiceAutoScalingFile = Infer<typeof serviceAutoScalingSchema>;

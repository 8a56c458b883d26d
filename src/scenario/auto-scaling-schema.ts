import { parseSchedule } from '../autoscaling/schedule.js';
import type { RequestRateSpec } from '../workload/request-rate.js';
import { isoTime } from './iso-time-schema.js';
import { array, boolean, doc, duration, integer, number, object, oneOf, optional, refine, string, tagged, withDefault, type Infer, type Schema } from './schema/index.js';

const strict = { unknownKeys: 'error' } as const;
const aws = { unknownKeys: 'note' } as const;
const rps = number({ min: 0 });

/** A service's offered load over time (simulation only): requests per second by shape. */
const rateSchema = doc(
  tagged('shape', {
    constant: object({ rps }, strict),
    step: object({ rps, steps: array(object({ at: duration(), rps }, strict), { min: 1 }) }, strict),
    ramp: refine(object({ from: rps, to: rps, startAt: duration(), endAt: duration() }, strict), (r, path, ctx) =>
      r.startAt < r.endAt ? r : ctx.error(`${path}.endAt`, `expected endAt after startAt, got ${r.endAt} ms <= ${r.startAt} ms`),
    ),
    diurnal: object({ mean: rps, amplitude: rps, peakAt: withDefault(duration(), 14 * 3_600_000), period: withDefault(duration({ positive: true }), 24 * 3_600_000) }, strict),
    spike: object({ base: rps, peak: rps, at: duration(), ramp: withDefault(duration(), 60_000), hold: duration() }, strict),
    trace: object({ file: string({ minLength: 1 }), format: withDefault(oneOf(['azure-llm'] as const), 'azure-llm'), scale: withDefault(number({ min: 0, exclusiveMin: true }), 1) }, strict),
  }),
  'Requests per second over time: {shape: constant, rps} | {shape: step, rps, steps: [{at, rps}]} | {shape: ramp, from, to, startAt, endAt} | {shape: diurnal, mean, amplitude, peakAt?, period?} | {shape: spike, base, peak, at, ramp?, hold} | {shape: trace, file, format?: azure-llm, scale?} (a request trace replayed per minute from its first request, the file relative to the scenario).',
) as Schema<RateFile>;

type RateFile =
  | { shape: 'constant'; rps: number }
  | { shape: 'step'; rps: number; steps: { at: number; rps: number }[] }
  | { shape: 'ramp'; from: number; to: number; startAt: number; endAt: number }
  | { shape: 'diurnal'; mean: number; amplitude: number; peakAt: number; period: number }
  | { shape: 'spike'; base: number; peak: number; at: number; ramp: number; hold: number }
  | { shape: 'trace'; file: string; format: 'azure-llm'; scale: number };

/** The rate file form as the workload module takes it (durations in ms, AWS-free names); a trace comes already read, per minute. */
export function toRequestRate(rate: RateFile, tracePerMinute: () => number[]): RequestRateSpec {
  if (rate.shape === 'trace') return { shape: 'trace', perMinute: tracePerMinute().map((r) => r * rate.scale) };
  if (rate.shape === 'diurnal') return { shape: 'diurnal', mean: rate.mean, amplitude: rate.amplitude, peakAt: rate.peakAt, periodMs: rate.period };
  if (rate.shape === 'spike') return { shape: 'spike', base: rate.base, peak: rate.peak, at: rate.at, rampMs: rate.ramp, holdMs: rate.hold };
  return rate;
}

/**
 * What a service's tasks use for the load they serve (simulation only): per task, a base plus so much
 * per request per second it serves. Requests spread evenly over the running tasks.
 */
export const serviceLoadSchema = object(
  {
    service: string({ minLength: 1 }),
    rate: rateSchema,
    cpuUnitsPerRps: withDefault(number({ min: 0 }), 0),
    baseCpuUnits: withDefault(number({ min: 0 }), 0),
    memoryMiBPerRps: withDefault(number({ min: 0 }), 0),
    baseMemoryMiB: withDefault(number({ min: 0 }), 0),
    baseLatencyMs: withDefault(number({ min: 0 }), 50),
  },
  strict,
);
export type ServiceLoadFile = Infer<typeof serviceLoadSchema>;

const PREDEFINED = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization', 'ALBRequestCountPerTarget'] as const;

/** TargetTrackingScalingPolicyConfiguration, as the AWS CLI takes it (ECS service defaults: 300 s cooldowns). */
export const targetTrackingSchema = object(
  {
    PolicyName: optional(string({ minLength: 1, maxLength: 256 })),
    TargetValue: number({ min: 8.515920e-109, max: 6.174977e108 }),
    PredefinedMetricSpecification: object({ PredefinedMetricType: oneOf(PREDEFINED), ResourceLabel: optional(string()) }, aws),
    ScaleOutCooldown: withDefault(integer({ min: 0, max: 86_400 }), 300),
    ScaleInCooldown: withDefault(integer({ min: 0, max: 86_400 }), 300),
    DisableScaleIn: withDefault(boolean(), false),
  },
  aws,
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
 * The alarm whose action is the policy (PutMetricAlarm), on the service's AWS/ECS metric. Periods are
 * whole minutes (ECS sends 1-minute datapoints); Period x EvaluationPeriods at most a day.
 */
const metricAlarm = refine(
  object(
    {
      MetricName: oneOf(['CPUUtilization', 'MemoryUtilization'] as const),
      Statistic: withDefault(oneOf(['Average', 'Minimum', 'Maximum', 'Sum', 'SampleCount'] as const), 'Average'),
      Period: withDefault(integer({ min: 60 }), 60),
      EvaluationPeriods: integer({ min: 1 }),
      DatapointsToAlarm: optional(integer({ min: 1 })),
      Threshold: number(),
      ComparisonOperator: oneOf(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const),
      TreatMissingData: withDefault(oneOf(['missing', 'notBreaching', 'breaching', 'ignore'] as const), 'missing'),
    },
    aws,
  ),
  (a, path, ctx) => {
    if (a.Period % 60 !== 0) return ctx.error(`${path}.Period`, `expected a multiple of 60 seconds (ECS metrics come once a minute), got ${a.Period}`);
    if (a.DatapointsToAlarm !== undefined && a.DatapointsToAlarm > a.EvaluationPeriods) {
      return ctx.error(`${path}.DatapointsToAlarm`, `DatapointsToAlarm (${a.DatapointsToAlarm}) must be less than or equal to EvaluationPeriods (${a.EvaluationPeriods})`);
    }
    if (a.Period * a.EvaluationPeriods > 86_400) return ctx.error(`${path}.EvaluationPeriods`, `Period x EvaluationPeriods must be at most 86400 seconds, got ${a.Period * a.EvaluationPeriods}`);
    return a;
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

/** RegisterScalableTarget for an ECS service's DesiredCount, with its target tracking policies. */
export const serviceAutoScalingSchema = refine(
  object(
    {
      service: string({ minLength: 1 }),
      minCapacity: integer({ min: 0 }),
      maxCapacity: integer({ min: 0 }),
      targetTrackingPolicies: withDefault(array(targetTrackingSchema), []),
      stepScalingPolicies: withDefault(array(stepScalingSchema), []),
      scheduledActions: withDefault(array(scheduledAction), []),
    },
    strict,
  ),
  (t, path, ctx) => (t.minCapacity <= t.maxCapacity ? t : ctx.error(`${path}.minCapacity`, `Minimum capacity cannot be greater than maximum capacity (${t.minCapacity} > ${t.maxCapacity})`)),
);
export type ServiceAutoScalingFile = Infer<typeof serviceAutoScalingSchema>;

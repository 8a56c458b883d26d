import type { RequestRateSpec } from '../workload/request-rate.js';
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
  }),
  'Requests per second over time: {shape: constant, rps} | {shape: step, rps, steps: [{at, rps}]} | {shape: ramp, from, to, startAt, endAt} | {shape: diurnal, mean, amplitude, peakAt?, period?} | {shape: spike, base, peak, at, ramp?, hold}.',
) as Schema<RateFile>;

type RateFile =
  | { shape: 'constant'; rps: number }
  | { shape: 'step'; rps: number; steps: { at: number; rps: number }[] }
  | { shape: 'ramp'; from: number; to: number; startAt: number; endAt: number }
  | { shape: 'diurnal'; mean: number; amplitude: number; peakAt: number; period: number }
  | { shape: 'spike'; base: number; peak: number; at: number; ramp: number; hold: number };

/** The rate file form as the workload module takes it (durations in ms, AWS-free names). */
export function toRequestRate(rate: RateFile): RequestRateSpec {
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

/** RegisterScalableTarget for an ECS service's DesiredCount, with its target tracking policies. */
export const serviceAutoScalingSchema = refine(
  object(
    {
      service: string({ minLength: 1 }),
      minCapacity: integer({ min: 0 }),
      maxCapacity: integer({ min: 0 }),
      targetTrackingPolicies: withDefault(array(targetTrackingSchema), []),
    },
    strict,
  ),
  (t, path, ctx) => (t.minCapacity <= t.maxCapacity ? t : ctx.error(`${path}.minCapacity`, `Minimum capacity cannot be greater than maximum capacity (${t.minCapacity} > ${t.maxCapacity})`)),
);
export type ServiceAutoScalingFile = Infer<typeof serviceAutoScalingSchema>;

import type { RequestRateSpec } from '../workload/request-rate.js';
import { array, doc, duration, integer, number, object, oneOf, optional, refine, string, tagged, withDefault, type Infer, type Schema } from './schema/index.js';

/** The offered load of a scenario's workload: request rates over time, where they arrive, what serving them costs. */

const strict = { unknownKeys: 'error' } as const;
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
 * per request per second it serves. `rate` offers requests to the service directly; a service behind a
 * load balancer gets the requests `loadBalancerRequests` route to its target groups as well.
 */
export const serviceLoadSchema = object(
  {
    service: string({ minLength: 1 }),
    rate: optional(rateSchema),
    cpuUnitsPerRps: withDefault(number({ min: 0 }), 0),
    baseCpuUnits: withDefault(number({ min: 0 }), 0),
    memoryMiBPerRps: withDefault(number({ min: 0 }), 0),
    baseMemoryMiB: withDefault(number({ min: 0 }), 0),
    baseLatencyMs: withDefault(number({ min: 0 }), 50),
  },
  strict,
);
export type ServiceLoadFile = Infer<typeof serviceLoadSchema>;

/**
 * Requests arriving at a load balancer's listener (simulation only): a rate, and the mix of requests by
 * host header and path that the listener's rules route to target groups (ELBv2 listener rules).
 */
export const loadBalancerRequestsSchema = doc(
  object(
    {
      loadBalancer: string({ minLength: 1 }),
      port: optional(integer({ min: 1, max: 65535 })),
      rate: rateSchema,
      mix: withDefault(
        array(object({ host: optional(string({ minLength: 1 })), path: withDefault(string({ minLength: 1 }), '/'), weight: withDefault(number({ min: 0, exclusiveMin: true }), 1) }, strict), { min: 1 }),
        [{ host: undefined, path: '/', weight: 1 }],
      ),
    },
    strict,
  ),
  'Requests arriving at a load balancer listener (port: the listener\'s, default its first): a rate (as serviceLoad\'s) and a mix of {host?, path, weight} requests its rules route to target groups; each group spreads its share over its healthy targets.',
);
export type LoadBalancerRequestsFile = Infer<typeof loadBalancerRequestsSchema>;

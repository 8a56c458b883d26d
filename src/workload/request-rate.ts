import type { Millis } from '../engine/time.js';

/**
 * A service's offered load over simulated time, in requests per second. Shapes, not randomness: the
 * same spec gives the same rate at the same time.
 */
export type RequestRateSpec =
  | { shape: 'constant'; rps: number }
  /** `rps` until the first step, then each step's rate from its time on. */
  | { shape: 'step'; rps: number; steps: { at: Millis; rps: number }[] }
  /** `from` until `startAt`, linear to `to` at `endAt`, `to` after. */
  | { shape: 'ramp'; from: number; to: number; startAt: Millis; endAt: Millis }
  /** A sine day: `mean` +/- `amplitude`, highest at `peakAt` (mod the period, default 24 h). */
  | { shape: 'diurnal'; mean: number; amplitude: number; peakAt: Millis; periodMs: Millis }
  /** `base`, rising linearly over `rampMs` from `at` to `peak`, held for `holdMs`, falling back over `rampMs`. */
  | { shape: 'spike'; base: number; peak: number; at: Millis; rampMs: Millis; holdMs: Millis }
  /** Replay: the rate of each minute from a trace (minute 0 first), held at 0 after its end. */
  | { shape: 'trace'; perMinute: readonly number[] };

export function requestRate(spec: RequestRateSpec, t: Millis): number {
  switch (spec.shape) {
    case 'constant':
      return spec.rps;
    case 'step': {
      let rps = spec.rps;
      for (const s of spec.steps) if (t >= s.at) rps = s.rps;
      return rps;
    }
    case 'ramp':
      return t <= spec.startAt ? spec.from : t >= spec.endAt ? spec.to : spec.from + ((spec.to - spec.from) * (t - spec.startAt)) / (spec.endAt - spec.startAt);
    case 'diurnal':
      return Math.max(0, spec.mean + spec.amplitude * Math.cos((2 * Math.PI * (t - spec.peakAt)) / spec.periodMs));
    case 'spike':
      return spike(spec, t);
    case 'trace':
      return spec.perMinute[Math.floor(t / 60_000)] ?? 0;
  }
}

function spike(s: Extract<RequestRateSpec, { shape: 'spike' }>, t: Millis): number {
  const rise = t - s.at;
  const fall = t - (s.at + s.rampMs + s.holdMs);
  if (rise < 0 || fall >= s.rampMs) return s.base;
  const up = s.rampMs === 0 ? 1 : Math.min(1, rise / s.rampMs);
  const down = fall <= 0 ? 1 : 1 - fall / s.rampMs;
  return s.base + (s.peak - s.base) * Math.min(up, down);
}

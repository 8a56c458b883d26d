import type { RandomStream } from '../engine/random.js';
import type { Millis } from '../engine/time.js';
import type { ArrivalsSpec } from '../scenario/scenario-schema.js';
import type { TraceCall } from './trace-replay.js';

/** A RunTask source's arrivals at run time: the scenario's processes, or a trace already turned into calls. */
export type RunTaskArrivals = Exclude<ArrivalsSpec, { process: 'trace' }> | { process: 'trace'; calls: readonly TraceCall[] };

/**
 * When a RunTask source calls next: the time of call number `callsMade` (0-based), given the time of
 * the previous call, or undefined when the source is done. Pure apart from the stream it draws from.
 * Poisson gaps are exponential, rounded to whole milliseconds; a trace's calls come in file order; the
 * window is [startAt, stopAt].
 */
export function nextArrival(
  arrivals: RunTaskArrivals,
  window: { startAt: Millis; stopAt: Millis },
  callsMade: number,
  previousAt: Millis | undefined,
  random: RandomStream,
): Millis | undefined {
  let at: Millis | undefined;
  switch (arrivals.process) {
    case 'poisson':
      at = (previousAt ?? window.startAt) + Math.round(random.exponential(arrivals.meanGapMs));
      break;
    case 'fixed':
      at = window.startAt + callsMade * arrivals.every;
      break;
    case 'explicit': {
      const times = arrivals.at.filter((t) => t >= window.startAt).sort((a, b) => a - b);
      at = times[callsMade];
      break;
    }
    case 'trace':
      at = arrivals.calls[callsMade]?.at;
      break;
  }
  return at !== undefined && at <= window.stopAt ? at : undefined;
}

import type { Statistic } from './statistics.js';

/** One minute of a service metric: the average over its running tasks, and how many there were. */
export interface MinuteSample {
  value: number | null;
  tasks: number;
}

/**
 * An alarm's datapoints for a Period of `minutes` minutes from the service's minute averages, periods
 * aligned to time 0, only complete ones. ASSUMPTION: requests spread evenly, so every task's sample in
 * a minute equals the service average: Minimum, Maximum and Average of a period are those of its minute
 * averages (Average weighted by tasks), Sum adds every task's sample, SampleCount counts them.
 */
export function periodDatapoints(samples: readonly MinuteSample[], minutes: number, statistic: Exclude<Statistic, `p${number}`>): (number | null)[] {
  const out: (number | null)[] = [];
  for (let start = 0; start + minutes <= samples.length; start += minutes) {
    const period = samples.slice(start, start + minutes).filter((s) => s.value !== null && s.tasks > 0);
    const tasks = period.reduce((n, s) => n + s.tasks, 0);
    if (statistic === 'SampleCount') {
      out.push(tasks);
      continue;
    }
    if (period.length === 0) {
      out.push(null);
      continue;
    }
    const values = period.map((s) => s.value!);
    const sum = period.reduce((total, s) => total + s.value! * s.tasks, 0);
    out.push(statistic === 'Maximum' ? Math.max(...values) : statistic === 'Minimum' ? Math.min(...values) : statistic === 'Sum' ? sum : sum / tasks);
  }
  return out;
}

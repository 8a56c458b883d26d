import type { Results } from '../results/results.js';
import { round6 } from './mean-interval.js';

/** A headline figure of one run, which a sweep averages over seeds. */
export interface Figure {
  name: string;
  unit: string;
  description: string;
  of: (results: Results) => number;
}

const HOUR_MS = 3_600_000;

/**
 * The figures a sweep reports, in the order they appear in sweep.json, sweep.csv and the page. This
 * list is the one place to add one: each reads the Results of a finished run.
 */
export const FIGURES: Figure[] = [
  { name: 'peakInstances', unit: 'instances', description: 'most container instances registered at a sample', of: (r) => r.summary.peakInstances },
  { name: 'averageInstances', unit: 'instances', description: 'container instances registered, mean over the per-minute samples', of: (r) => round6(average(r.series.instances)) },
  { name: 'peakRunningTasks', unit: 'tasks', description: 'most tasks RUNNING at a sample', of: (r) => r.summary.peakRunningTasks },
  { name: 'tasksRequested', unit: 'tasks', description: 'tasks asked for by RunTask calls (services start theirs without one)', of: (r) => r.summary.tasksRequested },
  { name: 'tasksPlaced', unit: 'tasks', description: 'tasks placed on capacity', of: (r) => r.summary.tasksPlaced },
  { name: 'runTaskFailures', unit: 'failures', description: 'RunTask placement failures (RESOURCE:CPU, RESOURCE:MEMORY, ...)', of: (r) => r.summary.runTaskFailures },
  { name: 'tasksLost', unit: 'tasks', description: 'tasks stopped by Spot interruptions and their host going away', of: (r) => r.summary.tasksLost },
  { name: 'waitForCapacityP50Ms', unit: 'ms', description: 'time placed tasks waited for capacity, median', of: (r) => r.summary.waitForCapacityMs.p50 },
  { name: 'waitForCapacityP95Ms', unit: 'ms', description: 'time placed tasks waited for capacity, 95th percentile', of: (r) => r.summary.waitForCapacityMs.p95 },
  { name: 'waitForCapacityMaxMs', unit: 'ms', description: 'time placed tasks waited for capacity, longest', of: (r) => r.summary.waitForCapacityMs.max },
  { name: 'cpuReservationMeanPercent', unit: '%', description: 'cluster CPUReservation, mean over the samples', of: (r) => r.summary.cpuReservation.mean },
  { name: 'memoryReservationMeanPercent', unit: '%', description: 'cluster MemoryReservation, mean over the samples', of: (r) => r.summary.memoryReservation.mean },
  { name: 'requestsOverCapacity', unit: 'requests', description: 'requests the running tasks of all services could not serve', of: requestsOverCapacity },
  { name: 'totalCostUsd', unit: 'USD', description: 'what the run cost: EC2 instances and Fargate tasks', of: (r) => r.summary.totalCostUsd },
  { name: 'costPerHourUsd', unit: 'USD/h', description: 'total cost divided by the simulated hours', of: (r) => round6(r.summary.totalCostUsd / (r.scenario.durationMs / HOUR_MS)) },
];

/** The figures of one run, keyed by name in FIGURES order. */
export function runFigures(results: Results): Record<string, number> {
  return Object.fromEntries(FIGURES.map((figure) => [figure.name, figure.of(results)]));
}

/** Per-minute datapoints are requests per second over the minute, so each counts periodMs / 1000 seconds. */
function requestsOverCapacity(results: Results): number {
  const seconds = results.series.periodMs / 1000;
  let total = 0;
  for (const metrics of Object.values(results.series.serviceMetrics)) {
    for (const rate of metrics.requestsOverCapacity) total += (rate ?? 0) * seconds;
  }
  return round6(total);
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, x) => sum + x, 0) / values.length;
}

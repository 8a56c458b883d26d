import { isPending, type Task } from './task.js';

/**
 * A service's tasks counted by what the metrics and series ask of them, kept as tasks change (their
 * status, health or desired status), so a once-a-minute metric does not look at every task:
 * RUNNING, RUNNING and healthy, serving (RUNNING, healthy and meant to run: a load balancer sends it
 * requests), not yet RUNNING, and the same on container instances with what those reserve; and for the
 * scheduler, those asked to stop and those healthy and meant to run (whatever their status).
 */
export interface ServiceTaskCounts {
  stopping: number;
  /** Tasks meant to run, by the capacity provider they were launched on (the base of the strategy split). */
  liveOnProvider: Map<string, number>;
  healthyMeantToRun: number;
  running: number;
  healthy: number;
  serving: number;
  pending: number;
  runningOnInstances: number;
  servingOnInstances: number;
  reservedCpuOnInstances: number;
  reservedMemoryOnInstances: number;
}

export function emptyServiceTaskCounts(): ServiceTaskCounts {
  return { stopping: 0, liveOnProvider: new Map(), healthyMeantToRun: 0, running: 0, healthy: 0, serving: 0, pending: 0, runningOnInstances: 0, servingOnInstances: 0, reservedCpuOnInstances: 0, reservedMemoryOnInstances: 0 };
}

/** Adds (sign 1) or removes (sign -1) what one task contributes to its service's counts. */
export function countServiceTask(counts: ServiceTaskCounts, task: Task, sign: 1 | -1): void {
  if (task.desiredStatus === 'STOPPED') counts.stopping += sign;
  else {
    if (task.healthStatus === 'HEALTHY') counts.healthyMeantToRun += sign;
    const provider = task.capacityProvider;
    if (provider !== undefined) counts.liveOnProvider.set(provider, (counts.liveOnProvider.get(provider) ?? 0) + sign);
  }
  if (isPending(task.lastStatus)) counts.pending += sign;
  if (task.lastStatus !== 'RUNNING') return;
  const healthy = task.healthStatus === 'HEALTHY';
  const serving = healthy && task.desiredStatus === 'RUNNING';
  counts.running += sign;
  if (healthy) counts.healthy += sign;
  if (serving) counts.serving += sign;
  if (task.containerInstanceId === undefined) return;
  counts.runningOnInstances += sign;
  if (serving) counts.servingOnInstances += sign;
  counts.reservedCpuOnInstances += sign * task.reservation.cpuUnits;
  counts.reservedMemoryOnInstances += sign * task.reservation.memoryMiB;
}

/** The counts as text, to compare two of them (providers in name order, those at zero left out). */
export function describeCounts(counts: ServiceTaskCounts): string {
  const liveOnProvider = [...counts.liveOnProvider].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ ...counts, liveOnProvider });
}

import { isPending, type Task } from './task.js';

/**
 * A service's tasks counted by what the metrics and series ask of them, kept as tasks change (their
 * status, health or desired status), so a once-a-minute metric does not look at every task:
 * RUNNING, RUNNING and healthy, serving (RUNNING, healthy and meant to run: a load balancer sends it
 * requests), not yet RUNNING, and the same on container instances with what those reserve.
 */
export interface ServiceTaskCounts {
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
  return { running: 0, healthy: 0, serving: 0, pending: 0, runningOnInstances: 0, servingOnInstances: 0, reservedCpuOnInstances: 0, reservedMemoryOnInstances: 0 };
}

/** Adds (sign 1) or removes (sign -1) what one task contributes to its service's counts. */
export function countServiceTask(counts: ServiceTaskCounts, task: Task, sign: 1 | -1): void {
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

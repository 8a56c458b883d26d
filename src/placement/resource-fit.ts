import type { ContainerInstance } from '../model/container-instance.js';
import type { Resources } from '../model/resources.js';

/** Why an instance cannot take a task, in RunTask's `failures[].reason` words. */
export interface Rejection {
  reason: 'RESOURCE:CPU' | 'RESOURCE:MEMORY';
  /** How far short the instance is, as a share of what the task asks (for "closest instance"). */
  shortfall: number;
  detail: string;
}

/**
 * The resource filter of ECS placement: enough CPU units and memory remaining. Returns every
 * rejection (CPU first, then memory), empty when the task fits.
 */
export function resourceFit(need: Resources, instance: ContainerInstance): Rejection[] {
  const rejections: Rejection[] = [];
  const { remaining } = instance;
  if (need.cpuUnits > remaining.cpuUnits) {
    rejections.push({
      reason: 'RESOURCE:CPU',
      shortfall: (need.cpuUnits - remaining.cpuUnits) / need.cpuUnits,
      detail: `needs ${need.cpuUnits} CPU units, ${remaining.cpuUnits} remaining`,
    });
  }
  if (need.memoryMiB > remaining.memoryMiB) {
    rejections.push({
      reason: 'RESOURCE:MEMORY',
      shortfall: (need.memoryMiB - remaining.memoryMiB) / need.memoryMiB,
      detail: `needs ${need.memoryMiB} MiB, ${remaining.memoryMiB} remaining`,
    });
  }
  return rejections;
}

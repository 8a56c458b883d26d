import type { InstanceType } from '../model/instance-types.js';
import { registeredMemoryMiB } from '../model/registered-resources.js';

/**
 * What managed scaling estimates with when an Auto Scaling group has several instance types (DG managed
 * scaling behavior): the types are sorted by each parameter (vCPU, memory, ENIs) and the smallest and
 * largest of each taken. The largest bounds the instances the waiting tasks need; the smallest is the
 * guard (a task that does not fit it is left out). One type: both are that type.
 */
export interface InstanceTypeBounds {
  smallest: InstanceType;
  largest: InstanceType;
}

export function instanceTypeBounds(types: readonly InstanceType[]): InstanceTypeBounds {
  if (types.length === 1) return { smallest: types[0], largest: types[0] };
  return { smallest: extreme(types, Math.min, 'smallest'), largest: extreme(types, Math.max, 'largest') };
}

/** A type with every parameter at its minimum (or maximum) over the group; named after the group's extreme by vCPU then memory. */
function extreme(types: readonly InstanceType[], pick: (...values: number[]) => number, which: 'smallest' | 'largest'): InstanceType {
  const of = (f: (t: InstanceType) => number) => pick(...types.map(f));
  const byCapacity = [...types].sort((a, b) => a.vcpu - b.vcpu || a.memoryMiB - b.memoryMiB);
  const named = which === 'smallest' ? byCapacity[0] : byCapacity[byCapacity.length - 1];
  return {
    ...named,
    vcpu: of((t) => t.vcpu),
    memoryMiB: of((t) => t.memoryMiB),
    documentedRegisteredMemoryMiB: of((t) => registeredMemoryMiB(t)),
    maxEnis: of((t) => t.maxEnis),
    ipv4PerEni: of((t) => t.ipv4PerEni),
    // Trunking only where every type of the group supports it.
    trunkedAwsvpcTasks: types.every((t) => t.trunkedAwsvpcTasks !== undefined) ? of((t) => t.trunkedAwsvpcTasks!) : undefined,
  };
}

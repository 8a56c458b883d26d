import type { InstanceType } from './instance-types.js';

/** CPU units per vCPU: ECS registers vCPUs x 1024. */
export const CPU_UNITS_PER_VCPU = 1024;

/** Registered CPU units of an instance type. */
export function registeredCpuUnits(type: InstanceType): number {
  return type.vcpu * CPU_UNITS_PER_VCPU;
}

/**
 * Memory the container agent registers, MiB.
 *
 * ECS registers what the OS reports, less `ECS_RESERVED_MEMORY` (`reservedMemoryMiB`, default 0).
 * Where AWS documents the figure for a type it is used as is. Otherwise
 * ASSUMPTION: the OS keeps 1.823% of nominal memory plus 2 MiB, the straight line through AWS's two
 * documented c4 figures (c4.large 3840 -> 3768 MiB, c4.4xlarge 30720 -> 30158 MiB).
 */
export function registeredMemoryMiB(type: InstanceType, reservedMemoryMiB = 0): number {
  const osReports = type.documentedRegisteredMemoryMiB ?? type.memoryMiB - Math.round(type.memoryMiB * OS_MEMORY_SHARE) - OS_MEMORY_FIXED_MIB;
  return Math.max(0, osReports - reservedMemoryMiB);
}

export const OS_MEMORY_SHARE = 490 / 26_880;
export const OS_MEMORY_FIXED_MIB = 2;

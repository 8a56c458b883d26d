import type { ContainerInstance } from '../../model/container-instance.js';
import type { PlacementRequest, Rejection } from '../placement-request.js';

/** Enough CPU units remaining (ECS placement step 1). */
export function cpuFit(request: PlacementRequest, instance: ContainerInstance): Rejection | undefined {
  const need = request.need.cpuUnits;
  const left = instance.remaining.cpuUnits;
  if (need <= left) return undefined;
  return { reason: 'RESOURCE:CPU', shortfall: (need - left) / need, message: 'has insufficient CPU units available' };
}

/** Enough memory remaining (ECS placement step 1). */
export function memoryFit(request: PlacementRequest, instance: ContainerInstance): Rejection | undefined {
  const need = request.need.memoryMiB;
  const left = instance.remaining.memoryMiB;
  if (need <= left) return undefined;
  return { reason: 'RESOURCE:MEMORY', shortfall: (need - left) / need, message: 'has insufficient memory available' };
}

import type { ContainerInstance } from '../../model/container-instance.js';
import type { PlacementRequest, Rejection } from '../placement-request.js';

/** distinctInstance: no other task of the group on the instance (DG task placement constraints). */
export function distinctInstance(request: PlacementRequest, instance: ContainerInstance): Rejection | undefined {
  if ((instance.groupCounts.get(request.group) ?? 0) === 0) return undefined;
  return {
    reason: 'DistinctInstance placement constraint unsatisfied.',
    shortfall: 1,
    message: 'encountered error "DistinctInstance placement constraint unsatisfied."',
  };
}

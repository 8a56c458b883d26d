import type { ContainerInstance } from '../../model/container-instance.js';
import type { PlacementRequest, Rejection } from '../placement-request.js';

/** awsvpc tasks each take an ENI attachment point (DG ENI trunking: the primary ENI counts toward the limit). */
export function eniFit(request: PlacementRequest, instance: ContainerInstance): Rejection | undefined {
  if (!request.network.eni || instance.enisInUse < instance.eniLimit) return undefined;
  return { reason: 'RESOURCE:ENI', shortfall: 1, message: 'has no elastic network interface attachment point available' };
}

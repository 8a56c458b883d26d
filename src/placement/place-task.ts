import type { RandomStream } from '../engine/random.js';
import type { ContainerInstance } from '../model/container-instance.js';
import { chooseInstance } from './choose-instance.js';
import { allRejections } from './filters/index.js';
import { isEligibleFor, type PlacementState } from './placement-state.js';
import type { PlacementRequest, Rejection } from './placement-request.js';

export type Placement =
  | { placed: true; instance: ContainerInstance }
  | {
      placed: false;
      /** RunTask's failure reason: `RESOURCE:CPU`, `RESOURCE:PORTS`, `MemberOf placement constraint unsatisfied.`, ... */
      reason: string;
      closest?: ContainerInstance;
      /** ECS's sentence: `The closest matching container-instance i-0001 has insufficient memory available.` */
      message: string;
    };

/** ECS's message when a cluster has no container instance to place on. */
export const NO_INSTANCES = 'No Container Instances were found in your cluster.';

/**
 * Places one task as ECS does (DG task placement): keep the instances with the CPU, memory, ports and
 * ENIs it needs, then those that satisfy every constraint, rank them by the strategies in order, then
 * by instance id, and take the first. When none qualifies, say why, naming the closest instance.
 */
export function placeTask(request: PlacementRequest, state: PlacementState, random: RandomStream): Placement {
  const salt = request.strategies.some((s) => s.type === 'random') ? Math.floor(random.uniform() * 4294967296) : 0;
  const instance = chooseInstance(request, state, salt);
  if (instance) return { placed: true, instance };
  return explainFailure(request, state);
}

/**
 * The closest instance is the one that fails the fewest checks, then the one with the smallest
 * shortfall, then the lowest id (ASSUMPTION: AWS does not say how it picks it); the reason is its
 * first failed check in ECS's order.
 */
export function explainFailure(request: PlacementRequest, state: PlacementState): Placement & { placed: false } {
  let closest: { instance: ContainerInstance; rejections: Rejection[] } | undefined;
  for (const instance of state.instances) {
    if (!isEligibleFor(request.capacityProvider, instance)) continue;
    const rejections = allRejections(request, instance, state.query);
    if (rejections.length === 0) continue;
    if (!closest || isCloser(rejections, closest.rejections)) closest = { instance, rejections };
  }
  if (!closest) return { placed: false, reason: NO_INSTANCES, message: NO_INSTANCES };
  const first = closest.rejections[0];
  return {
    placed: false,
    reason: first.reason,
    closest: closest.instance,
    message: `The closest matching container-instance ${closest.instance.id} ${first.message}.`,
  };
}

function isCloser(a: Rejection[], b: Rejection[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const total = (r: Rejection[]) => r.reduce((sum, x) => sum + x.shortfall, 0);
  return total(a) < total(b);
}

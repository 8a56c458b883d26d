import type { RandomStream } from '../engine/random.js';
import type { ContainerInstance } from '../model/container-instance.js';
import type { Resources } from '../model/resources.js';
import { resourceFit, type Rejection } from './resource-fit.js';

export type Placement =
  | { placed: true; instance: ContainerInstance }
  | { placed: false; reason: string; closest?: ContainerInstance; detail: string };

/** ECS's message when a cluster has no container instance to place on. */
export const NO_INSTANCES = 'No Container Instances were found in your cluster.';

/**
 * Chooses a container instance for one task: keep ACTIVE, connected instances with the resources the
 * task needs, then pick one at random (RunTask with no placement strategy; ASSUMPTION, docs/fidelity.md).
 * When none fits, says why, naming the closest instance: the one with the fewest failed checks, then
 * the smallest shortfall, then the lowest id.
 */
export function placeTask(need: Resources, instances: readonly ContainerInstance[], random: RandomStream): Placement {
  const candidates: ContainerInstance[] = [];
  let closest: { instance: ContainerInstance; rejections: Rejection[] } | undefined;
  let usable = 0;
  for (const instance of instances) {
    if (instance.status !== 'ACTIVE' || !instance.agentConnected) continue;
    usable++;
    const rejections = resourceFit(need, instance);
    if (rejections.length === 0) candidates.push(instance);
    else if (!closest || isCloser(rejections, closest.rejections)) closest = { instance, rejections };
  }
  if (candidates.length > 0) return { placed: true, instance: candidates[random.int(candidates.length)] };
  if (usable === 0 || !closest) return { placed: false, reason: NO_INSTANCES, detail: NO_INSTANCES };
  const first = closest.rejections[0];
  return { placed: false, reason: first.reason, closest: closest.instance, detail: first.detail };
}

function isCloser(a: Rejection[], b: Rejection[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const total = (r: Rejection[]) => r.reduce((sum, x) => sum + x.shortfall, 0);
  return total(a) < total(b);
}

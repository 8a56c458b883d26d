import type { CapacityProvider } from '../model/capacity-provider.js';
import type { ContainerInstance } from '../model/container-instance.js';
import type { World } from '../model/world.js';

/**
 * What cluster auto scaling counts of a provider's instances, kept as they change instead of counted
 * every minute: those in use (running a task other than a daemon's, DG cluster auto scaling) and those
 * idle (ACTIVE and empty). Each change to an instance's tasks or status is bracketed by
 * countInstanceUse(-1) before it and countInstanceUse(+1) after.
 */

/** The provider whose counts a live instance is in (none for a fixed or terminated instance). */
export function providerOfLive(world: World, instance: ContainerInstance): CapacityProvider | undefined {
  return instance.capacityProvider === undefined || instance.terminatedAt !== undefined ? undefined : world.capacityProviders.get(instance.capacityProvider);
}

/** Adds (1) or removes (-1) an instance's share of its provider's in-use and idle counts. */
export function countInstanceUse(provider: CapacityProvider | undefined, instance: ContainerInstance, sign: 1 | -1): void {
  if (!provider) return;
  if (instance.nonDaemonTasks > 0) provider.instanceUse.inUse += sign;
  else if (instance.status === 'ACTIVE') provider.instanceUse.idle += sign;
}

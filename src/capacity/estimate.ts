import { defaultSetup, newContainerInstance } from '../cluster/build-world.js';
import type { InstanceType } from '../model/instance-types.js';
import type { InstanceTypeBounds } from './instance-type-bounds.js';
import { emptyWorld } from '../model/world.js';
import { chooseInstance } from '../placement/choose-instance.js';
import { claim } from '../placement/claim.js';
import { newPlacementState } from '../placement/placement-state.js';
import type { PlacementRequest, PlacementStrategy } from '../placement/placement-request.js';

/** How the waiting tasks would land: on instances that are empty or launching, and on how many new ones. */
export interface CapacityEstimate {
  /** Empty (or launching) instances the waiting tasks would fill. */
  usedIdle: number;
  /** New instances they would need beyond those. */
  extra: number;
  /** Tasks that fit not even an empty instance of the type (left out, as ECS leaves them out). */
  excluded: number;
}

const PACK: PlacementStrategy[] = [
  { type: 'binpack', field: 'cpu' },
  { type: 'binpack', field: 'memory' },
];

/**
 * Managed scaling's estimate of the instances its PROVISIONING tasks need (DG cluster auto scaling):
 * binpack them, with the same placement code (resources, ports, ENIs, constraints), onto a throw-away
 * copy of the provider's idle instances and then onto as many new instances as it takes, all of the
 * group's largest type. A task that does not fit an empty instance of its smallest type is left out.
 */
export function estimateInstances(
  waiting: readonly PlacementRequest[],
  types: InstanceTypeBounds,
  idle: number,
  zones: readonly string[],
  attributes: Record<string, string>,
  startEpochMs: number,
): CapacityEstimate {
  const world = emptyWorld('estimate', 'estimate', [...zones]);
  const state = newPlacementState(world.instances, { startEpochMs });
  const add = () => {
    const zone = zones[world.instances.length % zones.length];
    state.index.instanceAdded(newContainerInstance(world, types.largest, zone, defaultSetup(attributes), { launchedAt: 0, registeredAt: 0 }));
  };
  for (let i = 0; i < idle; i++) add();
  let excluded = 0;
  for (const request of waiting) {
    const packed = { ...request, strategies: PACK, capacityProvider: undefined };
    let target = chooseInstance(packed, state, 0);
    if (!target && fitsEmpty(packed, types.smallest, zones, attributes, startEpochMs)) {
      add();
      target = chooseInstance(packed, state, 0);
    }
    if (!target) {
      excluded++;
      continue;
    }
    claim(state, target, request.group, request.need, request.network);
  }
  const usedIdle = world.instances.slice(0, idle).filter((i) => i.groupCounts.size > 0).length;
  return { usedIdle, extra: world.instances.length - idle, excluded };
}

/** The guard: does the task fit one empty instance of the type (distinctInstance aside)? */
function fitsEmpty(request: PlacementRequest, type: InstanceType, zones: readonly string[], attributes: Record<string, string>, startEpochMs: number): boolean {
  const world = emptyWorld('probe', 'probe', [...zones]);
  newContainerInstance(world, type, zones[0], defaultSetup(attributes), { launchedAt: 0, registeredAt: 0 });
  const state = newPlacementState(world.instances, { startEpochMs });
  return chooseInstance({ ...request, constraints: request.constraints.filter((c) => c.type !== 'distinctInstance') }, state, 0) !== undefined;
}

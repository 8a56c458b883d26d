import type { ContainerInstance } from '../model/container-instance.js';
import { CandidateIndex } from './candidate-index.js';
import { GroupStats } from './group-stats.js';
import type { QueryContext } from './query-language/evaluate.js';

/** What placement keeps between placements: the instances, their indexes, per-group counts. */
export interface PlacementState {
  /** The world's instances, in index order (the same array). */
  instances: ContainerInstance[];
  index: CandidateIndex;
  groups: GroupStats;
  query: QueryContext;
}

export function newPlacementState(instances: ContainerInstance[], query: QueryContext): PlacementState {
  return { instances, index: new CandidateIndex(instances), groups: new GroupStats(), query };
}

/** Instances placement may use at all: registered and ACTIVE (DRAINING instances take no new tasks). */
export function isEligible(instance: ContainerInstance): boolean {
  return instance.status === 'ACTIVE' && instance.terminatedAt === undefined;
}

/** Eligible, and one of the request's capacity provider's instances when it names one. */
export function isEligibleFor(capacityProvider: string | undefined, instance: ContainerInstance): boolean {
  return isEligible(instance) && (capacityProvider === undefined || instance.capacityProvider === capacityProvider);
}

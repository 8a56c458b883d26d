import type { ContainerInstance } from '../../model/container-instance.js';
import { GroupStats } from '../group-stats.js';
import { valueOf } from '../group-stats.js';

/**
 * spread(field): the instance whose value of the field holds the fewest tasks of the group ranks
 * first. `instanceId` and `host` spread over instances; `attribute:<name>` over the attribute's values
 * (instances lacking the attribute share one value). (API PlacementStrategy; DG task placement strategies.)
 */
export function spreadKey(instance: ContainerInstance, field: string, group: string, stats: GroupStats, instances: readonly ContainerInstance[]): number {
  if (isInstanceSpread(field)) return instance.groupCounts.get(group) ?? 0;
  return stats.valueCount(group, field, valueOf(instance, field), instances);
}

export function isInstanceSpread(field: string): boolean {
  return field === 'instanceId' || field === 'host';
}

import type { ContainerInstance } from '../model/container-instance.js';

/** Key for instances that lack the attribute a spread counts by: they form one value of their own. */
export const MISSING_VALUE = '\u0000missing';

/**
 * How many tasks of each group sit on each value of an attribute (for spread on that attribute),
 * kept up to date as tasks are placed and released. An attribute is tracked for a group from the
 * first time a strategy asks, counted once from the instances then.
 */
export class GroupStats {
  /** Per group, the attributes tracked and their counts by value (a list: a few attributes, walked on every placement). */
  private readonly perGroup = new Map<string, { attribute: string; counts: Map<string, number> }[]>();
  /** Instances holding at least one task of each group. */
  private readonly holders = new Map<string, Set<ContainerInstance>>();

  /** The instances that hold tasks of `group`. */
  instancesOf(group: string): ReadonlySet<ContainerInstance> {
    return this.holders.get(group) ?? EMPTY;
  }

  /** Tasks of `group` on instances whose `attribute` is `value`. */
  valueCount(group: string, attribute: string, value: string, instances: readonly ContainerInstance[]): number {
    return this.tracked(group, attribute, instances).get(value) ?? 0;
  }

  tracked(group: string, attribute: string, instances: readonly ContainerInstance[]): Map<string, number> {
    let tracked = this.perGroup.get(group);
    if (!tracked) {
      tracked = [];
      this.perGroup.set(group, tracked);
    }
    const found = tracked.find((t) => t.attribute === attribute);
    if (found) return found.counts;
    const counts = new Map<string, number>();
    for (const instance of instances) {
      const n = instance.groupCounts.get(group) ?? 0;
      if (n > 0) bump(counts, valueOf(instance, attribute), n);
    }
    tracked.push({ attribute, counts });
    return counts;
  }

  /** A task of `group` arrived on (delta 1) or left (delta -1) `instance`. */
  changed(group: string, instance: ContainerInstance, delta: number): void {
    let holders = this.holders.get(group);
    if (!holders) {
      holders = new Set();
      this.holders.set(group, holders);
    }
    if ((instance.groupCounts.get(group) ?? 0) > 0) holders.add(instance);
    else holders.delete(instance);
    const tracked = this.perGroup.get(group);
    if (!tracked) return;
    for (let i = 0; i < tracked.length; i++) bump(tracked[i].counts, valueOf(instance, tracked[i].attribute), delta);
  }
}

const EMPTY: ReadonlySet<ContainerInstance> = new Set();

export function valueOf(instance: ContainerInstance, attribute: string): string {
  if (attribute === 'instanceId' || attribute === 'host') return instance.id;
  return instance.attributes[attributeName(attribute)] ?? MISSING_VALUE;
}

/** `attribute:ecs.availability-zone` -> `ecs.availability-zone`, worked out once per field (placement asks millions of times). */
const attributeNames = new Map<string, string>();
function attributeName(field: string): string {
  let name = attributeNames.get(field);
  if (name === undefined) {
    name = field.startsWith('attribute:') ? field.slice(10) : field;
    attributeNames.set(field, name);
  }
  return name;
}

function bump(counts: Map<string, number>, value: string, delta: number): void {
  const n = (counts.get(value) ?? 0) + delta;
  if (n === 0) counts.delete(value);
  else counts.set(value, n);
}

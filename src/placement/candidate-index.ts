import type { ContainerInstance } from '../model/container-instance.js';
import { valueOf } from './group-stats.js';
import { SortedIndex } from './sorted-index.js';

export type ResourceField = 'cpu' | 'memory';

const ALL = '*';

export function remainingOf(instance: ContainerInstance, field: ResourceField): number {
  return field === 'cpu' ? instance.remaining.cpuUnits : instance.remaining.memoryMiB;
}

/**
 * Indexes that let placement find candidates without scanning every instance: instances partitioned
 * by attribute value (for spread), and instances sorted by remaining CPU or memory, cluster-wide or
 * within one partition (for binpack). Each index is built the first time placement asks for it and
 * kept current from then on.
 */
export class CandidateIndex {
  private readonly partitions = new Map<string, Map<string, ContainerInstance[]>>();
  /** field -> scope (`*` or `attribute=value`) -> index. */
  private readonly sorted: Record<ResourceField, Map<string, SortedIndex>> = { cpu: new Map(), memory: new Map() };
  /** field -> attributes that have per-value sorted indexes. */
  private readonly sortedAttributes: Record<ResourceField, Set<string>> = { cpu: new Set(), memory: new Set() };

  constructor(private readonly instances: ContainerInstance[]) {}

  /** Instances by value of `attribute` (`instanceId`/`host` not supported here), each list in index order. */
  partition(attribute: string): Map<string, ContainerInstance[]> {
    let byValue = this.partitions.get(attribute);
    if (!byValue) {
      byValue = new Map();
      for (const instance of this.instances) this.addToPartition(byValue, attribute, instance);
      this.partitions.set(attribute, byValue);
    }
    return byValue;
  }

  /** Instances sorted by remaining `field`: all of them, or those whose `attribute` is `value`. */
  sortedBy(field: ResourceField, scope?: { attribute: string; value: string }): SortedIndex {
    const key = scope ? `${scope.attribute}=${scope.value}` : ALL;
    let index = this.sorted[field].get(key);
    if (!index) {
      index = new SortedIndex();
      const members = scope ? (this.partition(scope.attribute).get(scope.value) ?? []) : this.instances;
      for (const instance of members) index.add(instance.index, remainingOf(instance, field));
      this.sorted[field].set(key, index);
      if (scope) this.sortedAttributes[field].add(scope.attribute);
    }
    return index;
  }

  /** Keeps the sorted indexes right when an instance's remaining `field` changes from `from` to `to`. */
  remainingChanged(instance: ContainerInstance, field: ResourceField, from: number, to: number): void {
    if (from === to) return;
    this.sorted[field].get(ALL)?.update(instance.index, from, to);
    for (const attribute of this.sortedAttributes[field]) {
      this.sorted[field].get(`${attribute}=${valueOf(instance, attribute)}`)?.update(instance.index, from, to);
    }
  }

  /** A newly registered instance joins every existing index. */
  instanceAdded(instance: ContainerInstance): void {
    for (const [attribute, byValue] of this.partitions) this.addToPartition(byValue, attribute, instance);
    for (const field of ['cpu', 'memory'] as const) {
      this.sorted[field].get(ALL)?.add(instance.index, remainingOf(instance, field));
      for (const attribute of this.sortedAttributes[field]) {
        const value = valueOf(instance, attribute);
        this.sorted[field].get(`${attribute}=${value}`)?.add(instance.index, remainingOf(instance, field));
      }
    }
  }

  private addToPartition(byValue: Map<string, ContainerInstance[]>, attribute: string, instance: ContainerInstance): void {
    const value = valueOf(instance, attribute);
    const list = byValue.get(value);
    if (list) list.push(instance);
    else byValue.set(value, [instance]);
  }
}

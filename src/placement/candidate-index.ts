import type { ContainerInstance } from '../model/container-instance.js';
import { valueOf } from './group-stats.js';
import { ResourceTree } from './resource-tree.js';

export type ResourceField = 'cpu' | 'memory';

const ALL = '*';

export function remainingOf(instance: ContainerInstance, field: ResourceField): number {
  return field === 'cpu' ? instance.remaining.cpuUnits : instance.remaining.memoryMiB;
}

/** binpack on one field must also skip instances short of the other one. */
export function otherField(field: ResourceField): ResourceField {
  return field === 'cpu' ? 'memory' : 'cpu';
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
  private readonly sorted: Record<ResourceField, Map<string, ResourceTree>> = { cpu: new Map(), memory: new Map() };
  /** field -> attributes that have per-value sorted indexes. */
  private readonly sortedAttributes: Record<ResourceField, Set<string>> = { cpu: new Set(), memory: new Set() };

  constructor(private readonly instances: ContainerInstance[]) {}

  /** Instances by value of `attribute` (`instanceId`/`host` not supported here), each list in index order. */
  partition(attribute: string): Map<string, ContainerInstance[]> {
    let byValue = this.partitions.get(attribute);
    if (!byValue) {
      byValue = new Map();
      for (const instance of this.instances) if (instance.terminatedAt === undefined) this.addToPartition(byValue, attribute, instance);
      this.partitions.set(attribute, byValue);
    }
    return byValue;
  }

  /** Instances sorted by remaining `field`: all of them, or those whose `attribute` is `value`. */
  sortedBy(field: ResourceField, scope?: { attribute: string; value: string }): ResourceTree {
    const key = scope ? `${scope.attribute}=${scope.value}` : ALL;
    let index = this.sorted[field].get(key);
    if (!index) {
      index = new ResourceTree(this.instances.length);
      const members = scope ? (this.partition(scope.attribute).get(scope.value) ?? []) : this.instances;
      for (const instance of members) if (instance.terminatedAt === undefined) index.add(instance.index, remainingOf(instance, field), remainingOf(instance, otherField(field)));
      this.sorted[field].set(key, index);
      if (scope) this.sortedAttributes[field].add(scope.attribute);
    }
    return index;
  }

  /** Keeps the sorted indexes right after an instance's remaining resources changed from the values given. */
  remainingChanged(instance: ContainerInstance, cpuBefore: number, memoryBefore: number): void {
    if (cpuBefore === instance.remaining.cpuUnits && memoryBefore === instance.remaining.memoryMiB) return;
    if (instance.terminatedAt !== undefined) return; // no longer indexed
    for (const field of ['cpu', 'memory'] as const) {
      const value = remainingOf(instance, field);
      const other = remainingOf(instance, otherField(field));
      this.sorted[field].get(ALL)?.update(instance.index, value, other);
      for (const attribute of this.sortedAttributes[field]) {
        this.sorted[field].get(`${attribute}=${valueOf(instance, attribute)}`)?.update(instance.index, value, other);
      }
    }
  }

  /** A newly registered instance joins every existing index. */
  instanceAdded(instance: ContainerInstance): void {
    for (const [attribute, byValue] of this.partitions) this.addToPartition(byValue, attribute, instance);
    for (const field of ['cpu', 'memory'] as const) {
      const value = remainingOf(instance, field);
      const other = remainingOf(instance, otherField(field));
      this.sorted[field].get(ALL)?.add(instance.index, value, other);
      for (const attribute of this.sortedAttributes[field]) {
        this.sorted[field].get(`${attribute}=${valueOf(instance, attribute)}`)?.add(instance.index, value, other);
      }
    }
  }

  /**
   * A terminated instance leaves every index: it can never be chosen again, and a cluster that scales
   * in and out every day would otherwise walk more of them each day (they look empty).
   */
  instanceTerminated(instance: ContainerInstance): void {
    for (const [attribute, byValue] of this.partitions) {
      const list = byValue.get(valueOf(instance, attribute));
      const at = list ? list.indexOf(instance) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
    for (const field of ['cpu', 'memory'] as const) {
      for (const tree of this.sorted[field].values()) if (tree.has(instance.index)) tree.remove(instance.index);
    }
  }

  private addToPartition(byValue: Map<string, ContainerInstance[]>, attribute: string, instance: ContainerInstance): void {
    const value = valueOf(instance, attribute);
    const list = byValue.get(value);
    if (list) list.push(instance);
    else byValue.set(value, [instance]);
  }
}

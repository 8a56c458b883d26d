import type { ContainerInstance } from '../model/container-instance.js';
import { valueOf } from './group-stats.js';
import { ResourceTree } from './resource-tree.js';

export type ResourceField = 'cpu' | 'memory';

const FIELDS = ['cpu', 'memory'] as const;

/** What the instances not terminated register and have left, summed. */
export interface LiveCapacity {
  instances: number;
  registeredCpuUnits: number;
  registeredMemoryMiB: number;
  remainingCpuUnits: number;
  remainingMemoryMiB: number;
}

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
  /** field -> the index of every instance. */
  private readonly sortedAll: Record<ResourceField, ResourceTree | undefined> = { cpu: undefined, memory: undefined };
  /** field -> per attribute, value -> the index of the instances with that value (a list: a few attributes, walked on every resource change). */
  private readonly scopedList: Record<ResourceField, { attribute: string; byValue: Map<string, ResourceTree> }[]> = { cpu: [], memory: [] };
  /** What the instances not terminated register and have left, summed (the cluster's reservation). */
  readonly live: LiveCapacity = { instances: 0, registeredCpuUnits: 0, registeredMemoryMiB: 0, remainingCpuUnits: 0, remainingMemoryMiB: 0 };

  constructor(private readonly instances: ContainerInstance[]) {
    for (const instance of instances) if (instance.terminatedAt === undefined) this.count(instance, 1);
  }

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
    if (!scope) return (this.sortedAll[field] ??= this.newTree(field, this.instances));
    let byValue = this.scopedList[field].find((s) => s.attribute === scope.attribute)?.byValue;
    if (!byValue) {
      byValue = new Map();
      this.scopedList[field].push({ attribute: scope.attribute, byValue });
    }
    let index = byValue.get(scope.value);
    if (!index) {
      index = this.newTree(field, this.partition(scope.attribute).get(scope.value) ?? []);
      byValue.set(scope.value, index);
    }
    return index;
  }

  private newTree(field: ResourceField, members: readonly ContainerInstance[]): ResourceTree {
    const index = new ResourceTree(this.instances.length);
    for (const instance of members) if (instance.terminatedAt === undefined) index.add(instance.index, remainingOf(instance, field), remainingOf(instance, otherField(field)));
    return index;
  }

  /** The instance's sorted indexes for `field`, those built so far: cluster-wide and per attribute value. */
  private treesOf(instance: ContainerInstance, field: ResourceField): ResourceTree[] {
    const trees = this.treeScratch;
    trees.length = 0;
    const all = this.sortedAll[field];
    if (all) trees.push(all);
    const scoped = this.scopedList[field];
    for (let i = 0; i < scoped.length; i++) {
      const tree = scoped[i].byValue.get(valueOf(instance, scoped[i].attribute));
      if (tree) trees.push(tree);
    }
    return trees;
  }

  /** treesOf's array, reused (no allocation per resource change). */
  private readonly treeScratch: ResourceTree[] = [];

  private count(instance: ContainerInstance, sign: 1 | -1): void {
    const live = this.live;
    live.instances += sign;
    live.registeredCpuUnits += sign * instance.registered.cpuUnits;
    live.registeredMemoryMiB += sign * instance.registered.memoryMiB;
    live.remainingCpuUnits += sign * instance.remaining.cpuUnits;
    live.remainingMemoryMiB += sign * instance.remaining.memoryMiB;
  }

  /** Keeps the sorted indexes right after an instance's remaining resources changed from the values given. */
  remainingChanged(instance: ContainerInstance, cpuBefore: number, memoryBefore: number): void {
    if (cpuBefore === instance.remaining.cpuUnits && memoryBefore === instance.remaining.memoryMiB) return;
    if (instance.terminatedAt !== undefined) return; // no longer indexed
    this.live.remainingCpuUnits += instance.remaining.cpuUnits - cpuBefore;
    this.live.remainingMemoryMiB += instance.remaining.memoryMiB - memoryBefore;
    for (const field of FIELDS) {
      const value = remainingOf(instance, field);
      const other = remainingOf(instance, otherField(field));
      for (const tree of this.treesOf(instance, field)) tree.update(instance.index, value, other);
    }
  }

  /** A newly registered instance joins every existing index. */
  instanceAdded(instance: ContainerInstance): void {
    this.count(instance, 1);
    for (const [attribute, byValue] of this.partitions) this.addToPartition(byValue, attribute, instance);
    for (const field of FIELDS) {
      const value = remainingOf(instance, field);
      const other = remainingOf(instance, otherField(field));
      for (const tree of this.treesOf(instance, field)) tree.add(instance.index, value, other);
    }
  }

  /**
   * A terminated instance leaves every index: it can never be chosen again, and a cluster that scales
   * in and out every day would otherwise walk more of them each day (they look empty).
   */
  instanceTerminated(instance: ContainerInstance): void {
    this.count(instance, -1);
    for (const [attribute, byValue] of this.partitions) {
      const list = byValue.get(valueOf(instance, attribute));
      const at = list ? list.indexOf(instance) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
    for (const field of FIELDS) {
      for (const tree of this.treesOf(instance, field)) if (tree.has(instance.index)) tree.remove(instance.index);
    }
  }

  private addToPartition(byValue: Map<string, ContainerInstance[]>, attribute: string, instance: ContainerInstance): void {
    const value = valueOf(instance, attribute);
    const list = byValue.get(value);
    if (list) list.push(instance);
    else byValue.set(value, [instance]);
  }
}

import type { ContainerInstance } from '../model/container-instance.js';
import type { ResourceField } from './candidate-index.js';
import { INDEX_LIMIT, type ResourceTree } from './resource-tree.js';
import { firstRejection } from './filters/index.js';
import { valueOf } from './group-stats.js';
import { isEligibleFor, type PlacementState } from './placement-state.js';
import type { PlacementRequest } from './placement-request.js';
import { isInstanceSpread } from './strategies/spread.js';
import { randomKey } from './strategies/random.js';
import { compareRank, type RankContext } from './strategies/index.js';

/**
 * The instance ECS would choose: of the instances that pass every filter and constraint, the first
 * under the strategies in order, the lowest index last. This is the law; `chooseInstance` below is
 * the fast way to the same answer, and a property test holds the two equal.
 */
export function chooseInstanceLinear(request: PlacementRequest, state: PlacementState, salt: number): ContainerInstance | undefined {
  return new Search(request, state, salt).best(state.instances, 0);
}

/**
 * The same choice without scanning every instance: it walks candidates in rank order through the
 * indexes (instances sorted by remaining CPU or memory, partitions by attribute value, the holders of
 * a group) and stops at the first level that has a feasible instance.
 */
export function chooseInstance(request: PlacementRequest, state: PlacementState, salt: number): ContainerInstance | undefined {
  return new Search(request, state, salt).solve({ kind: 'indexed', parts: [{ members: state.instances }] }, 0);
}

interface Cursor {
  tree: ResourceTree;
  /** The next candidate's instance index, -1 when the tree has no more. */
  next: number;
}

/** Moves a cursor to the next instance after its current one that has at least `other` of the other resource. */
function advance(c: Cursor, other: number): void {
  c.next = c.tree.first(c.tree.keyOf(c.next) + 1, other);
}

interface Part {
  members: ContainerInstance[];
  /** The partition these members are, when they are one (so its sorted indexes can be used). */
  partition?: { attribute: string; value: string };
}

type Scope =
  | { kind: 'indexed'; parts: Part[]; filter?: (instance: ContainerInstance) => boolean }
  | { kind: 'list'; instances: ContainerInstance[] };

class Search {
  private readonly rank: RankContext;

  constructor(
    private readonly request: PlacementRequest,
    private readonly state: PlacementState,
    salt: number,
  ) {
    this.rank = { group: request.group, stats: state.groups, instances: state.instances, salt };
  }

  feasible(instance: ContainerInstance): boolean {
    // CPU and memory first, inline: on a busy cluster most candidates fail here (same checks as the filters).
    const { need } = this.request;
    if (need.cpuUnits > instance.remaining.cpuUnits || need.memoryMiB > instance.remaining.memoryMiB) return false;
    return isEligibleFor(this.request.capacityProvider, instance) && firstRejection(this.request, instance, this.state.query) === undefined;
  }

  /** The best feasible instance of a list under strategies[from..], by scanning it. */
  best(instances: Iterable<ContainerInstance>, from: number): ContainerInstance | undefined {
    let best: ContainerInstance | undefined;
    for (const instance of instances) {
      if (!this.feasible(instance)) continue;
      if (!best || compareRank(instance, best, this.request.strategies, from, this.rank) < 0) best = instance;
    }
    return best;
  }

  solve(scope: Scope, from: number): ContainerInstance | undefined {
    if (scope.kind === 'list') return this.best(scope.instances, from);
    const strategy = this.request.strategies[from];
    if (!strategy) return this.lowestIndex(scope);
    if (strategy.type === 'binpack') return this.binpack(scope, strategy.field, from);
    if (strategy.type === 'spread' && isInstanceSpread(strategy.field)) return this.spreadOverInstances(scope, from);
    if (strategy.type === 'spread') {
      const result = this.spreadOverAttribute(scope, strategy.field, from);
      if (result !== 'unsupported') return result;
    }
    if (strategy.type === 'random') return this.random(scope, from);
    return this.best(members(scope), from);
  }

  /**
   * random: the feasible instance with the lowest key. An instance whose key is above the best found
   * so far cannot win, so it is not checked for feasibility at all; with keys in random order only a
   * few instances are (the same answer as checking every one, for a fraction of the work).
   */
  private random(scope: Extract<Scope, { kind: 'indexed' }>, from: number): ContainerInstance | undefined {
    const { salt } = this.rank;
    const { filter } = scope;
    let best: ContainerInstance | undefined;
    let bestKey = Infinity;
    // Plain loops, not the members() generator: this runs for every instance on every placement.
    for (const part of scope.parts) {
      const list = part.members;
      for (let i = 0; i < list.length; i++) {
        const instance = list[i];
        const key = randomKey(instance.index, salt);
        if (key > bestKey || (filter && !filter(instance)) || !this.feasible(instance)) continue;
        if (!best || key < bestKey || compareRank(instance, best, this.request.strategies, from, this.rank) < 0) {
          best = instance;
          bestKey = key;
        }
      }
    }
    return best;
  }

  private lowestIndex(scope: Extract<Scope, { kind: 'indexed' }>): ContainerInstance | undefined {
    let best: ContainerInstance | undefined;
    for (const part of scope.parts) {
      for (const instance of part.members) {
        if (best && instance.index > best.index) break;
        if ((!scope.filter || scope.filter(instance)) && this.feasible(instance)) {
          best = instance;
          break;
        }
      }
    }
    return best;
  }

  /**
   * Walks the parts' resource trees upward from what the task needs, merged in (value, index) order,
   * skipping by subtree the instances short of the other resource.
   */
  private binpack(scope: Extract<Scope, { kind: 'indexed' }>, field: ResourceField, from: number): ContainerInstance | undefined {
    const need = this.request.need;
    const [value, other] = field === 'cpu' ? [need.cpuUnits, need.memoryMiB] : [need.memoryMiB, need.cpuUnits];
    const cursors: Cursor[] = scope.parts.map((part) => {
      const tree = this.state.index.sortedBy(field, part.partition);
      return { tree, next: tree.first(value * INDEX_LIMIT, other) };
    });
    const { instances } = this.state;
    const last = from + 1 === this.request.strategies.length;
    for (;;) {
      let lowest: Cursor | undefined;
      for (const c of cursors) if (c.next !== -1 && (!lowest || c.tree.keyOf(c.next) < lowest.tree.keyOf(lowest.next))) lowest = c;
      if (!lowest) return undefined;
      if (last) {
        // (value, index) order is the rank order: the first feasible instance is the answer.
        const instance = instances[lowest.next];
        advance(lowest, other);
        if ((!scope.filter || scope.filter(instance)) && this.feasible(instance)) return instance;
        continue;
      }
      // Later strategies break the ties among instances with the same value.
      const tied = lowest.tree.valueOf(lowest.next);
      const run: ContainerInstance[] = [];
      for (const c of cursors) {
        while (c.next !== -1 && c.tree.valueOf(c.next) === tied) {
          const instance = instances[c.next];
          advance(c, other);
          if (!scope.filter || scope.filter(instance)) run.push(instance);
        }
      }
      const found = this.best(run, from + 1);
      if (found) return found;
    }
  }

  /** Levels of equal task count per instance: those with none of the group first, then the holders by count. */
  private spreadOverInstances(scope: Extract<Scope, { kind: 'indexed' }>, from: number): ContainerInstance | undefined {
    const group = this.request.group;
    const count = (instance: ContainerInstance) => instance.groupCounts.get(group) ?? 0;
    const outer = scope.filter;
    const none = this.solve({ kind: 'indexed', parts: scope.parts, filter: (i) => count(i) === 0 && (!outer || outer(i)) }, from + 1);
    if (none) return none;
    const inScope = inScopeTest(scope);
    const levels = new Map<number, ContainerInstance[]>();
    for (const instance of this.state.groups.instancesOf(group)) {
      if (!inScope(instance)) continue;
      const n = count(instance);
      const level = levels.get(n);
      if (level) level.push(instance);
      else levels.set(n, [instance]);
    }
    for (const n of [...levels.keys()].sort((a, b) => a - b)) {
      const found = this.best(levels.get(n)!, from + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** Levels of equal task count per attribute value; each level is the union of those values' partitions. */
  private spreadOverAttribute(scope: Extract<Scope, { kind: 'indexed' }>, attribute: string, from: number): ContainerInstance | undefined | 'unsupported' {
    const partition = this.state.index.partition(attribute);
    let values: string[];
    if (scope.parts.length === 1 && !scope.parts[0].partition) values = [...partition.keys()];
    else if (scope.parts.every((p) => p.partition?.attribute === attribute)) values = scope.parts.map((p) => p.partition!.value);
    else return 'unsupported';
    const counts = this.state.groups.tracked(this.request.group, attribute, this.state.instances);
    const byCount = new Map<number, string[]>();
    for (const value of values) {
      const n = counts.get(value) ?? 0;
      const level = byCount.get(n);
      if (level) level.push(value);
      else byCount.set(n, [value]);
    }
    for (const n of [...byCount.keys()].sort((a, b) => a - b)) {
      const parts = byCount.get(n)!.map((value) => ({ members: partition.get(value) ?? [], partition: { attribute, value } }));
      const found = this.solve({ kind: 'indexed', parts, filter: scope.filter }, from + 1);
      if (found) return found;
    }
    return undefined;
  }
}

function* members(scope: Extract<Scope, { kind: 'indexed' }>): Iterable<ContainerInstance> {
  for (const part of scope.parts) for (const instance of part.members) if (!scope.filter || scope.filter(instance)) yield instance;
}

function inScopeTest(scope: Extract<Scope, { kind: 'indexed' }>): (instance: ContainerInstance) => boolean {
  const partitioned = scope.parts.every((p) => p.partition);
  const values = new Set(scope.parts.map((p) => p.partition && `${p.partition.attribute}=${p.partition.value}`));
  return (instance) => {
    if (scope.filter && !scope.filter(instance)) return false;
    if (!partitioned) return true;
    const { attribute } = scope.parts[0].partition!;
    return values.has(`${attribute}=${valueOf(instance, attribute)}`);
  };
}

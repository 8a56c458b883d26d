import type { RandomStream } from '../engine/random.js';
import type { ContainerInstance } from '../model/container-instance.js';
import type { Resources } from '../model/resources.js';
import { SERVICE_DEFAULT_STRATEGIES } from './defaults.js';
import { valueOf } from './group-stats.js';
import type { PlacementStrategy } from './placement-request.js';

/** A running task of a service that scale-in may stop. */
export interface ScaleInCandidate {
  taskId: string;
  instance: ContainerInstance;
  reservation: Resources;
}

/** With no strategy, ECS's default: the AZ with the most tasks of the service, then the instance with the most. */
const DEFAULT_ORDER = SERVICE_DEFAULT_STRATEGIES;

/**
 * Which tasks a service stops when it scales in by `count` (DG task placement strategies; DG services):
 * - binpack(field): the task whose instance would have the most of the field free after the stop;
 * - spread(field): a task from the value (AZ, instance) holding the most tasks, keeping them balanced;
 * - random: any task;
 * each later strategy narrowing the ties of the earlier ones. What remains is chosen at random (the
 * DG: "within an AZ the victim is random"); with no strategy, the default order above, then the most
 * recently started task (ASSUMPTION). Victims are chosen one at a time, each seeing the previous ones gone.
 */
export function chooseScaleInVictims(
  candidates: readonly ScaleInCandidate[],
  count: number,
  strategies: readonly PlacementStrategy[],
  random: RandomStream,
): string[] {
  const pool = [...candidates].sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
  const freed = new Map<ContainerInstance, Resources>();
  const victims: string[] = [];
  const order = strategies.length > 0 ? strategies : DEFAULT_ORDER;
  while (victims.length < count && pool.length > 0) {
    let ties = pool;
    for (const strategy of order) {
      if (ties.length === 1) break;
      ties = narrow(ties, pool, strategy, freed);
    }
    const victim = strategies.length > 0 ? ties[random.int(ties.length)] : ties[ties.length - 1];
    victims.push(victim.taskId);
    pool.splice(pool.indexOf(victim), 1);
    const f = freed.get(victim.instance) ?? { cpuUnits: 0, memoryMiB: 0 };
    freed.set(victim.instance, { cpuUnits: f.cpuUnits + victim.reservation.cpuUnits, memoryMiB: f.memoryMiB + victim.reservation.memoryMiB });
  }
  return victims;
}

/** The candidates among `ties` that rank first for stopping under one strategy. Counts look at the whole pool. */
function narrow(ties: ScaleInCandidate[], pool: ScaleInCandidate[], strategy: PlacementStrategy, freed: Map<ContainerInstance, Resources>): ScaleInCandidate[] {
  if (strategy.type === 'random') return ties;
  let score: (c: ScaleInCandidate) => number;
  if (strategy.type === 'binpack') {
    const field = strategy.field === 'cpu' ? 'cpuUnits' : 'memoryMiB';
    score = (c) => c.instance.remaining[field] + (freed.get(c.instance)?.[field] ?? 0) + c.reservation[field];
  } else {
    const counts = new Map<string, number>();
    for (const c of pool) {
      const value = valueOf(c.instance, strategy.field);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    score = (c) => counts.get(valueOf(c.instance, strategy.field))!;
  }
  const best = Math.max(...ties.map(score));
  return ties.filter((c) => score(c) === best);
}

/** A running Fargate task of a service (no container instance: only its AZ). */
export interface FargateScaleInCandidate {
  taskId: string;
  availabilityZone: string;
}

/**
 * Which Fargate tasks a service stops: one at a time from the AZ holding the most of them, so the AZs
 * stay balanced (Fargate spreads a service's tasks over its AZs). ASSUMPTION: within that AZ the newest
 * task (highest id) goes first; ties between AZs go to the later AZ name.
 */
export function chooseFargateScaleInVictims(candidates: readonly FargateScaleInCandidate[], count: number): string[] {
  const byZone = new Map<string, string[]>();
  for (const c of [...candidates].sort((a, b) => (a.taskId < b.taskId ? -1 : 1))) byZone.set(c.availabilityZone, [...(byZone.get(c.availabilityZone) ?? []), c.taskId]);
  const victims: string[] = [];
  while (victims.length < count) {
    const zones = [...byZone.entries()].filter(([, ids]) => ids.length > 0).sort(([a, x], [b, y]) => y.length - x.length || (a < b ? 1 : -1));
    if (zones.length === 0) break;
    victims.push(zones[0][1].pop()!);
  }
  return victims;
}

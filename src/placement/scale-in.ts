import type { RandomStream } from '../engine/random.js';
import type { ContainerInstance } from '../model/container-instance.js';
import type { Resources } from '../model/resources.js';
import { compareTaskIds } from '../model/world.js';
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
  const order = strategies.length > 0 ? strategies : DEFAULT_ORDER;
  // Each candidate with its value of every spread field, worked out once.
  const pool: Ranked[] = [...candidates]
    .sort((a, b) => compareTaskIds(a.taskId, b.taskId))
    .map((candidate) => ({ candidate, values: order.map((s) => (s.type === 'spread' ? valueOf(candidate.instance, s.field) : '')) }));
  // Per spread strategy, the pool's tasks per value (kept as victims leave the pool).
  const counts = order.map((s, k) => (s.type === 'spread' ? countValues(pool, k) : undefined));
  const freed = new Map<ContainerInstance, Resources>();
  const victims: string[] = [];
  while (victims.length < count && pool.length > 0) {
    let ties = pool;
    for (let k = 0; k < order.length; k++) {
      if (ties.length === 1) break;
      ties = narrow(ties, k, order[k], counts[k], freed);
    }
    const victim = strategies.length > 0 ? ties[random.int(ties.length)] : ties[ties.length - 1];
    const { candidate } = victim;
    victims.push(candidate.taskId);
    pool.splice(pool.indexOf(victim), 1);
    victim.values.forEach((value, k) => {
      const byValue = counts[k];
      if (byValue) byValue.set(value, byValue.get(value)! - 1);
    });
    const f = freed.get(candidate.instance) ?? { cpuUnits: 0, memoryMiB: 0 };
    freed.set(candidate.instance, { cpuUnits: f.cpuUnits + candidate.reservation.cpuUnits, memoryMiB: f.memoryMiB + candidate.reservation.memoryMiB });
  }
  return victims;
}

interface Ranked {
  candidate: ScaleInCandidate;
  /** The candidate's value of each strategy's spread field ('' for other strategies). */
  values: string[];
}

function countValues(pool: readonly Ranked[], k: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of pool) counts.set(r.values[k], (counts.get(r.values[k]) ?? 0) + 1);
  return counts;
}

/**
 * The candidates among `ties` that rank first for stopping under strategy `k`. Spread counts look at
 * the whole pool (`counts`).
 */
function narrow(ties: Ranked[], k: number, strategy: PlacementStrategy, counts: Map<string, number> | undefined, freed: Map<ContainerInstance, Resources>): Ranked[] {
  if (strategy.type === 'random') return ties;
  // Each score once: the highest, then the ties that have it (plain loops: this runs for every victim).
  const field = strategy.type === 'binpack' ? (strategy.field === 'cpu' ? 'cpuUnits' : 'memoryMiB') : undefined;
  const scores = new Float64Array(ties.length);
  let best = -Infinity;
  for (let i = 0; i < ties.length; i++) {
    const score = field ? binpackScore(ties[i].candidate, field, freed) : counts!.get(ties[i].values[k])!;
    scores[i] = score;
    if (score > best) best = score;
  }
  const first: Ranked[] = [];
  for (let i = 0; i < ties.length; i++) if (scores[i] === best) first.push(ties[i]);
  return first;
}

/** What the candidate's instance would have free of the field once it and the victims before it are gone. */
function binpackScore(c: ScaleInCandidate, field: keyof Resources, freed: Map<ContainerInstance, Resources>): number {
  return c.instance.remaining[field] + (freed.get(c.instance)?.[field] ?? 0) + c.reservation[field];
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
  for (const c of [...candidates].sort((a, b) => compareTaskIds(a.taskId, b.taskId))) {
    const zone = byZone.get(c.availabilityZone);
    if (zone) zone.push(c.taskId);
    else byZone.set(c.availabilityZone, [c.taskId]);
  }
  const victims: string[] = [];
  while (victims.length < count) {
    const zones = [...byZone.entries()].filter(([, ids]) => ids.length > 0).sort(([a, x], [b, y]) => y.length - x.length || (a < b ? 1 : -1));
    if (zones.length === 0) break;
    victims.push(zones[0][1].pop()!);
  }
  return victims;
}

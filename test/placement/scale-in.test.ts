import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import type { ContainerInstance } from '../../src/model/container-instance.js';
import { SERVICE_DEFAULT_STRATEGIES } from '../../src/placement/defaults.js';
import { valueOf } from '../../src/placement/group-stats.js';
import type { PlacementStrategy } from '../../src/placement/placement-request.js';
import { chooseFargateScaleInVictims, chooseScaleInVictims, type ScaleInCandidate } from '../../src/placement/scale-in.js';
import { compareTaskIds, taskId } from '../../src/model/world.js';
import { cluster, instance, strategy } from './builders.js';

const state = cluster(
  instance('2048/8192', { az: 'us-east-1a' }),
  instance('2048/8192', { az: 'us-east-1a' }),
  instance('2048/8192', { az: 'us-east-1b' }),
  instance('2048/8192', { az: 'us-east-1c' }),
);
const [a1, a2, b1, c1] = state.instances;
const task = (taskId: string, on: typeof a1, memoryMiB = 512): ScaleInCandidate => ({ taskId, instance: on, reservation: { cpuUnits: 256, memoryMiB } });
const random = () => new RandomStream('scale-in');

describe('scale-in victim selection', () => {
  it('default: from the AZ with the most tasks, then the instance with the most, the newest task there', () => {
    const tasks = [task('t-1', a1), task('t-2', a1), task('t-3', a2), task('t-4', b1)];
    expect(chooseScaleInVictims(tasks, 1, [], random())).toEqual(['t-2']);
    // Then AZ a has 2 (one each on a1, a2), b has 1: the victim comes from AZ a again, the newest of the tied instances' tasks.
    expect(chooseScaleInVictims(tasks, 2, [], random())).toEqual(['t-2', 't-3']);
  });

  it('default scale-in keeps AZs balanced down to one task each', () => {
    const tasks = [task('t-1', a1), task('t-2', a1), task('t-3', a2), task('t-4', b1), task('t-5', b1), task('t-6', c1)];
    const victims = chooseScaleInVictims(tasks, 3, [], random());
    const left = tasks.filter((t) => !victims.includes(t.taskId)).map((t) => t.instance.availabilityZone).sort();
    expect(left).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('binpack(memory): the task whose instance would have the most memory free after the stop', () => {
    a1.remaining.memoryMiB = 1000;
    b1.remaining.memoryMiB = 3000;
    try {
      const tasks = [task('t-1', a1), task('t-2', b1), task('t-3', b1, 256)];
      // After stopping: t-1 -> 1512, t-2 -> 3512, t-3 -> 3256.
      expect(chooseScaleInVictims(tasks, 1, [strategy('binpack:memory')], random())).toEqual(['t-2']);
      // Then b1 already has 512 freed: t-3 -> 3768 beats t-1 -> 1512.
      expect(chooseScaleInVictims(tasks, 2, [strategy('binpack:memory')], random())).toEqual(['t-2', 't-3']);
    } finally {
      a1.remaining.memoryMiB = 8192;
      b1.remaining.memoryMiB = 8192;
    }
  });

  it('spread(AZ): victims come from the AZ with the most tasks; within it, at random', () => {
    const tasks = [task('t-1', a1), task('t-2', a2), task('t-3', a2), task('t-4', b1)];
    for (let seed = 0; seed < 20; seed++) {
      const [victim] = chooseScaleInVictims(tasks, 1, [strategy('spread:attribute:ecs.availability-zone')], new RandomStream(seed));
      expect(['t-1', 't-2', 't-3']).toContain(victim);
    }
    const seen = new Set(Array.from({ length: 40 }, (_, seed) => chooseScaleInVictims(tasks, 1, [strategy('spread:attribute:ecs.availability-zone')], new RandomStream(seed))[0]));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('spread(AZ) then spread(instanceId): the busiest instance of the busiest AZ', () => {
    const tasks = [task('t-1', a1), task('t-2', a2), task('t-3', a2), task('t-4', b1)];
    const chain = [strategy('spread:attribute:ecs.availability-zone'), strategy('spread:instanceId')];
    for (let seed = 0; seed < 10; seed++) expect(['t-2', 't-3']).toContain(chooseScaleInVictims(tasks, 1, chain, new RandomStream(seed))[0]);
  });

  it('never returns more victims than candidates, and never the same task twice', () => {
    const tasks = [task('t-1', a1), task('t-2', b1)];
    const victims = chooseScaleInVictims(tasks, 5, [strategy('random')], random());
    expect([...victims].sort()).toEqual(['t-1', 't-2']);
  });
});

describe('Fargate scale-in victims', () => {
  const tasks = (spec: string) => spec.split(' ').map((s) => {
    const [taskId, availabilityZone] = s.split('@');
    return { taskId, availabilityZone };
  });

  it('takes from the AZ with the most tasks, newest first, keeping the AZs balanced', () => {
    expect(chooseFargateScaleInVictims(tasks('t1@a t2@b t3@a t4@c t5@a t6@b'), 3)).toEqual(['t5', 't6', 't3']);
    expect(chooseFargateScaleInVictims(tasks('t1@a t2@b'), 5)).toEqual(['t2', 't1']);
    expect(chooseFargateScaleInVictims([], 2)).toEqual([]);
  });

  it('past a million tasks the newest is still the one with the higher number', () => {
    const older = taskId(999_999);
    const newer = taskId(1_000_000);
    expect(chooseFargateScaleInVictims([{ taskId: newer, availabilityZone: 'a' }, { taskId: older, availabilityZone: 'a' }], 1)).toEqual([newer]);
    expect(chooseScaleInVictims([task(newer, a1), task(older, a1)], 1, [], random())).toEqual([newer]);
  });
});

describe('task ids', () => {
  it('order as the numbers they were made from', () => {
    fc.assert(
      fc.property(fc.nat(50_000_000), fc.nat(50_000_000), (n, m) => {
        expect(Math.sign(compareTaskIds(taskId(n), taskId(m)))).toBe(Math.sign(n - m));
      }),
    );
  });
});

/**
 * The plain definition of scale-in victim choice (every count recomputed for every victim), kept as
 * the law the incremental chooseScaleInVictims must equal.
 */
function plainVictims(candidates: readonly ScaleInCandidate[], count: number, strategies: readonly PlacementStrategy[], random: RandomStream): string[] {
  const pool = [...candidates].sort((a, b) => compareTaskIds(a.taskId, b.taskId));
  const freed = new Map<ContainerInstance, { cpuUnits: number; memoryMiB: number }>();
  const victims: string[] = [];
  const order = strategies.length > 0 ? strategies : SERVICE_DEFAULT_STRATEGIES;
  while (victims.length < count && pool.length > 0) {
    let ties = pool;
    for (const s of order) {
      if (ties.length === 1) break;
      if (s.type === 'random') continue;
      let score: (c: ScaleInCandidate) => number;
      if (s.type === 'binpack') {
        const field = s.field === 'cpu' ? 'cpuUnits' : 'memoryMiB';
        score = (c) => c.instance.remaining[field] + (freed.get(c.instance)?.[field] ?? 0) + c.reservation[field];
      } else {
        const counts = new Map<string, number>();
        for (const c of pool) counts.set(valueOf(c.instance, s.field), (counts.get(valueOf(c.instance, s.field)) ?? 0) + 1);
        score = (c) => counts.get(valueOf(c.instance, s.field))!;
      }
      const best = Math.max(...ties.map(score));
      ties = ties.filter((c) => score(c) === best);
    }
    const victim = strategies.length > 0 ? ties[random.int(ties.length)] : ties[ties.length - 1];
    victims.push(victim.taskId);
    pool.splice(pool.indexOf(victim), 1);
    const f = freed.get(victim.instance) ?? { cpuUnits: 0, memoryMiB: 0 };
    freed.set(victim.instance, { cpuUnits: f.cpuUnits + victim.reservation.cpuUnits, memoryMiB: f.memoryMiB + victim.reservation.memoryMiB });
  }
  return victims;
}

describe('scale-in victim choice, the law', () => {
  it('equals the plain definition for any tasks, strategies and count', () => {
    const strategies = fc.array(fc.constantFrom('spread:attribute:ecs.availability-zone', 'spread:instanceId', 'binpack:memory', 'binpack:cpu', 'random').map(strategy), { maxLength: 3 });
    const tasks = fc.array(fc.record({ on: fc.integer({ min: 0, max: 3 }), memoryMiB: fc.constantFrom(256, 512, 1024) }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(tasks, strategies, fc.integer({ min: 0, max: 30 }), fc.integer(), (list, chain, count, seed) => {
        const candidates = list.map((t, i) => task(`t-${String(i).padStart(3, '0')}`, state.instances[t.on], t.memoryMiB));
        expect(chooseScaleInVictims(candidates, count, chain, new RandomStream(seed))).toEqual(plainVictims(candidates, count, chain, new RandomStream(seed)));
      }),
    );
  });
});

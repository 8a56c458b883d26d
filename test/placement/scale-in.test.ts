import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { chooseFargateScaleInVictims, chooseScaleInVictims, type ScaleInCandidate } from '../../src/placement/scale-in.js';
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
});

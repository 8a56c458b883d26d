import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';
import { asgScenario } from './builders.js';

const run = (scenario: object, options: Parameters<typeof simulate>[1] = {}) => simulate(spec(scenario), { check: true, ...options });
const burst = (at: string[], count = 10, duration = '30m') => ({ taskDefinition: 'job', count, arrivals: { process: 'explicit', at }, duration });

describe('Auto Scaling group capacity providers with managed scaling', () => {
  it('from zero: tasks wait in PROVISIONING, managed scaling launches instances, the tasks run, then the group scales in', () => {
    const r = run(asgScenario({ runTasks: [burst(['10m'])] }));
    // 10 tasks of 1024 CPU units on m5.large (2048): 5 instances.
    expect(r.scalingActivities[0]).toMatchObject({ at: 600_000, from: 0, to: 5, reservation: 200 });
    expect(r.tasks.every((t) => t.capacityProvider === 'asg' && t.startedAt !== null)).toBe(true);
    expect(Math.min(...r.tasks.map((t) => t.waitForCapacityMs))).toBeGreaterThan(0);
    const series = r.series.byCapacityProvider.asg;
    expect(series.waiting[10]).toBe(10);
    expect(Math.max(...series.instances)).toBe(5);
    // The tasks end near 0h42m; 15 minutes below target later the group empties.
    expect(series.instances.at(-1)).toBe(0);
    expect(r.scalingActivities.at(-1)).toMatchObject({ to: 0 });
  });

  it('waits for instanceWarmupPeriod before a second scale-out', () => {
    const r = run(asgScenario({ managedScaling: { instanceWarmupPeriod: 600 }, runTasks: [burst(['10m', '11m'])] }));
    const outs = r.scalingActivities.filter((a) => a.to > a.from);
    expect(outs.map((a) => a.at)).toEqual([600_000, 1_200_000]);
  });

  it('targetCapacity 50 keeps half the instances spare', () => {
    const r = run(asgScenario({ managedScaling: { targetCapacity: 50 }, runTasks: [burst(['10m'], 4, '2h')], duration: '1h30m' }));
    // 4 tasks need 2 instances; at 50% the group grows to 4.
    expect(r.series.byCapacityProvider.asg.instances.at(-1)).toBe(4);
  });

  it('a service on the provider: its tasks wait, then run; desired count reached', () => {
    const r = run(
      asgScenario({
        services: [{ serviceName: 'web', taskDefinition: 'job', desiredCount: 6 }],
        duration: '30m',
      }),
    );
    expect(r.services[0]).toMatchObject({ runningCount: 6 });
    expect(r.series.byCapacityProvider.asg.instances.at(-1)).toBe(3);
  });

  it('without managed scaling a task that does not fit fails, as with fixed instances', () => {
    const r = run(asgScenario({ managedScaling: { status: 'DISABLED' }, provider: { managedTerminationProtection: 'DISABLED' }, asg: { desiredCapacity: 1 }, runTasks: [burst(['10m'], 4)] }));
    expect(r.tasks).toHaveLength(2);
    expect(r.runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:CPU', 'RESOURCE:CPU']);
  });

  it('"Tasks in the PROVISIONING state per cluster": beyond the quota RunTask fails and services wait their turn', () => {
    const quota = { simulation: { capacity: { provisioningTasksQuota: 4 } } };
    const batch = run(asgScenario({ ...quota, runTasks: [burst(['10m'], 10)] }));
    expect(batch.tasks).toHaveLength(4);
    expect(batch.runTaskFailures).toHaveLength(6);
    expect(batch.runTaskFailures.every((f) => f.reason === 'Tasks provisioning capacity limit exceeded.')).toBe(true);
    expect(Math.max(...batch.series.byCapacityProvider.asg.waiting)).toBe(4);

    const web = run(asgScenario({ ...quota, services: [{ serviceName: 'web', taskDefinition: 'job', desiredCount: 10 }], duration: '30m' }));
    expect(web.services[0].runningCount).toBe(10);
    expect(Math.max(...web.series.byCapacityProvider.asg.waiting)).toBeLessThanOrEqual(4);
    expect(web.serviceEvents.some((e) => e.message === '(service web) was unable to place a task. Reason: Tasks provisioning capacity limit exceeded.')).toBe(true);
  });

  it('a task that waits longer than the provisioning timeout stops with a reason', () => {
    const r = run(asgScenario({ asg: { maxSize: 1 }, simulation: { capacity: { provisioningTimeout: '10m' } }, runTasks: [burst(['5m'], 4, '1h')], duration: '1h' }));
    const stopped = r.tasks.filter((t) => t.containerInstanceId === null);
    expect(stopped).toHaveLength(2);
    expect(stopped.every((t) => t.stopCode === 'TaskFailedToStart' && t.stoppedAt === t.createdAt + 600_000)).toBe(true);
  });
});

describe('capacity provider properties over generated batch bursts', () => {
  const scenario = fc.record({
    seed: fc.integer({ min: 0, max: 1000 }),
    minSize: fc.integer({ min: 0, max: 2 }),
    maxSize: fc.integer({ min: 2, max: 8 }),
    target: fc.constantFrom(60, 80, 100),
    protection: fc.boolean(),
    quota: fc.integer({ min: 2, max: 40 }),
    bursts: fc.array(fc.record({ at: fc.integer({ min: 0, max: 90 }), count: fc.integer({ min: 1, max: 10 }), minutes: fc.integer({ min: 1, max: 60 }) }), { minLength: 1, maxLength: 4 }),
  });

  it('never outside [min, max]; protected instances with tasks never terminated; waiting tasks placed or stopped; cost = sum of parts', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const file = asgScenario({
          seed: s.seed,
          asg: { minSize: s.minSize, maxSize: s.maxSize, desiredCapacity: s.minSize },
          managedScaling: { targetCapacity: s.target },
          provider: { managedTerminationProtection: s.protection ? 'ENABLED' : 'DISABLED' },
          runTasks: s.bursts.map((b) => burst([`${b.at}m`], b.count, `${b.minutes}m`)),
          duration: '3h',
          simulation: { capacity: { provisioningTasksQuota: s.quota } },
        });
        const r = run(file, {
          afterEvent: (world) => {
            const p = world.capacityProviders.get('asg')!;
            expect(p.desiredCapacity).toBeGreaterThanOrEqual(s.minSize);
            expect(p.desiredCapacity).toBeLessThanOrEqual(s.maxSize);
            expect(p.instances.length + p.launching.length).toBeLessThanOrEqual(s.maxSize);
            expect(p.waiting.length).toBeLessThanOrEqual(s.quota);
          },
        });
        // Every task asked for either exists or is a RunTask failure; failures only at the quota.
        expect(r.tasks.length + r.runTaskFailures.length).toBe(s.bursts.reduce((n, b) => n + b.count, 0));
        expect(r.runTaskFailures.every((f) => f.reason === 'Tasks provisioning capacity limit exceeded.')).toBe(true);
        if (s.protection) {
          for (const task of r.tasks) if (task.stopCode === 'TerminationNotice') throw new Error(`protected task ${task.id} was killed by scale-in`);
        }
        for (const task of r.tasks) {
          if (task.containerInstanceId === null) expect(task.stoppedReason).toBeTruthy();
        }
        const parts = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
        expect(r.cost.totalUsd).toBeGreaterThanOrEqual(0);
        expect(parts(r.cost.byCapacityProvider)).toBeCloseTo(r.cost.totalUsd, 5);
        expect(parts(r.cost.byPurchaseOption)).toBeCloseTo(r.cost.totalUsd, 5);
      }),
      { numRuns: 40 },
    );
  });
});

describe('capacity provider strategy validation, as the API validates it', () => {
  const twoProviders = (strategy: object[], extra: Record<string, unknown> = {}) => {
    const s = asgScenario({ runTasks: [{ ...burst(['1m']), capacityProviderStrategy: strategy, ...extra }] });
    s.cluster.capacityProviders.push({ ...s.cluster.capacityProviders[0], name: 'asg2' } as never);
    return s;
  };
  it('only one provider may have a base', () => {
    expect(problems(twoProviders([{ capacityProvider: 'asg', base: 1, weight: 1 }, { capacityProvider: 'asg2', base: 1, weight: 1 }]))).toEqual([
      'workload.runTasks[0].capacityProviderStrategy: Only one capacity provider in a strategy can have a base value greater than 0.',
    ]);
  });
  it('all-zero weights fail', () => {
    expect(problems(twoProviders([{ capacityProvider: 'asg', base: 1 }, { capacityProvider: 'asg2' }]))).toEqual([
      'workload.runTasks[0].capacityProviderStrategy: At least one capacity provider in a strategy must have a weight greater than 0.',
    ]);
  });
  it('Auto Scaling group and Fargate providers do not mix', () => {
    const s = twoProviders([{ capacityProvider: 'asg', weight: 1 }, { capacityProvider: 'FARGATE', weight: 1 }]);
    (s.cluster.capacityProviders as unknown[]).push('FARGATE');
    expect(problems(s)).toEqual([
      'workload.runTasks[0].capacityProviderStrategy: A capacity provider strategy cannot contain both Auto Scaling group capacity providers and Fargate capacity providers.',
    ]);
  });
  it('a launch type and a strategy together are rejected; an unknown provider is named', () => {
    expect(problems(twoProviders([{ capacityProvider: 'asg', weight: 1 }], { launchType: 'EC2' }))).toEqual([
      'workload.runTasks[0]: Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    ]);
    expect(problems(twoProviders([{ capacityProvider: 'nope', weight: 1 }]))).toEqual([
      'workload.runTasks[0].capacityProviderStrategy[0].capacityProvider: unknown capacity provider "nope" (the cluster\'s providers: asg, asg2)',
    ]);
  });
  it('managed termination protection requires managed scaling', () => {
    expect(problems(asgScenario({ managedScaling: { status: 'DISABLED' } }))).toEqual([
      'cluster.capacityProviders[0].autoScalingGroupProvider.managedTerminationProtection: Managed termination protection requires managed scaling to be enabled.',
    ]);
  });
});

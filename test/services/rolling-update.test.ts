import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePrimaryOnly, decideReplica, type ServiceTaskView } from '../../src/cluster/rolling-update.js';
import { circuitBreakerThreshold, deploymentBounds } from '../../src/model/service.js';
import { run, serviceScenario, steps, web } from './builders.js';

const config = (minimumHealthyPercent: number, maximumPercent: number) => ({ minimumHealthyPercent, maximumPercent, circuitBreaker: { enable: false, rollback: false } });
const healthyOld = (n: number): ServiceTaskView[] =>
  Array.from({ length: n }, (_, i) => ({ id: `old-${i}`, deploymentId: 'old', stopping: false, healthy: true, starting: false }));

describe("the rolling update's bounds, with AWS's rounding", () => {
  it('desired 4 at 200% max may start 4 new before stopping any old', () => {
    expect(deploymentBounds(4, config(100, 200))).toEqual({ minHealthy: 4, maxTotal: 8 });
    expect(decideReplica(4, config(100, 200), 'new', false, healthyOld(4))).toMatchObject({ start: 4, stopOld: [], stopOldHealthy: 0 });
  });

  it('desired 4 at 50% min may stop 2 old first', () => {
    expect(decideReplica(4, config(50, 100), 'new', false, healthyOld(4))).toMatchObject({ start: 0, stopOldHealthy: 2 });
  });

  it('desired 2 at 75% min: ceil(1.5) = 2, so it stops none; with 100% max it is stuck', () => {
    expect(deploymentBounds(2, config(75, 100)).minHealthy).toBe(2);
    expect(decideReplica(2, config(75, 100), 'new', false, healthyOld(2))).toMatchObject({ start: 0, stopOldHealthy: 0, stuck: true });
  });

  it('desired 3 at 125% max: floor(3.75) = 3, so it starts none', () => {
    expect(deploymentBounds(3, config(100, 125)).maxTotal).toBe(3);
    expect(decideReplica(3, config(100, 125), 'new', false, healthyOld(3))).toMatchObject({ start: 0, stuck: true });
  });

  it('a FAILED primary deployment starts nothing', () => {
    expect(decideReplica(4, config(100, 200), 'new', true, healthyOld(4)).start).toBe(0);
  });
});

describe('a service whose tasks are all the primary deployment\'s', () => {
  it('is decided from its counts exactly as from its tasks (total and stopping)', () => {
    const task = fc.record({ stopping: fc.boolean(), healthy: fc.boolean(), starting: fc.boolean() });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 100, max: 200 }),
        fc.boolean(),
        fc.array(task, { maxLength: 60 }),
        (desired, min, max, failed, tasks) => {
          const views = tasks.map((t, i) => ({ ...t, id: `t-${i}`, deploymentId: 'primary' }));
          const stopping = tasks.filter((t) => t.stopping).length;
          expect(decidePrimaryOnly(desired, config(min, max), failed, tasks.length, stopping)).toEqual(decideReplica(desired, config(min, max), 'primary', failed, views));
        },
      ),
    );
  });
});

describe('deployments, end to end', () => {
  const update = { at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } };

  it('desired 4 at 200%: starts 4 new, then stops the 4 old once the new ones are healthy', () => {
    const r = run(serviceScenario({ timeline: [update] }));
    expect(steps(r, 30 * 60_000)).toEqual(['start 4', 'stop 4', '(deployment ecs-svc/0002) deployment completed.', 'has reached a steady state.']);
  });

  it('desired 4 at 50% min and 100% max: stop 2, start 2, stop 2, start 2', () => {
    const r = run(serviceScenario({ service: { deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 } }, timeline: [update] }));
    expect(steps(r, 30 * 60_000)).toEqual(['stop 2', 'start 2', 'stop 2', 'start 2', '(deployment ecs-svc/0002) deployment completed.', 'has reached a steady state.']);
  });

  it('desired 2 at 75% min and 100% max: stuck, as ECS reports', () => {
    const r = run(serviceScenario({ service: { desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: 75, maximumPercent: 100 } }, timeline: [update] }));
    expect(steps(r, 30 * 60_000)).toEqual([
      'was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    ]);
    expect(r.deployments.map((d) => [d.id, d.rolloutState])).toEqual([
      ['ecs-svc/0001', 'COMPLETED'],
      ['ecs-svc/0002', 'IN_PROGRESS'],
    ]);
  });

  it("AWS's worked example: 6 tasks, room for 8, defaults 100/200: batches of 2", () => {
    // Two m5.large (2048 CPU units) hold 8 tasks of 512 units: capacity, not maximumPercent, limits each batch to 2.
    const r = run(serviceScenario({ instances: 2, service: { desiredCount: 6 }, timeline: [update] }));
    const batches = steps(r, 30 * 60_000).filter((s) => /^(start|stop) /.test(s));
    expect(batches).toEqual(['start 2', 'stop 2', 'start 2', 'stop 2', 'start 2', 'stop 2']);
    expect(r.deployments[1].rolloutState).toBe('COMPLETED');
  });

  it('a new desired count alone scales the PRIMARY deployment without a new deployment', () => {
    const r = run(serviceScenario({ timeline: [{ at: '30m', updateService: { service: 'web', desiredCount: 6 } }, { at: '60m', updateService: { service: 'web', desiredCount: 1 } }] }));
    expect(r.deployments).toHaveLength(1);
    expect(steps(r, 30 * 60_000).filter((s) => /^(start|stop) /.test(s))).toEqual(['start 2', 'stop 5']);
    const at = (m: number) => r.series.byService.web.running[m];
    expect([at(29), at(31), at(61)]).toEqual([4, 6, 1]);
  });

  it('forceNewDeployment redeploys the same task definition', () => {
    const r = run(serviceScenario({ timeline: [{ at: '30m', updateService: { service: 'web', forceNewDeployment: true } }] }));
    expect(r.deployments.map((d) => d.taskDefinition)).toEqual(['web:1', 'web:1']);
    expect(r.deployments[1].rolloutState).toBe('COMPLETED');
  });

  it('a stopped task is replaced', () => {
    const r = run(serviceScenario({ taskBehavior: [{ taskDefinition: 'web', exitAfter: '20m' }], duration: '1h' }));
    // Each task exits 20 minutes after RUNNING; the service keeps 4 running.
    expect(r.tasks.filter((t) => t.stopCode === 'EssentialContainerExited').length).toBeGreaterThanOrEqual(8);
    expect(r.series.byService.web.running[50]).toBe(4);
  });

  it('not enough capacity: the service says it was unable to place a task, naming the closest instance', () => {
    const r = run(serviceScenario({ instances: 1, service: { desiredCount: 5 } }));
    expect(r.services[0].runningCount).toBe(4);
    expect(r.serviceEvents.map((e) => e.message)).toContain(
      '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-0001 has insufficient CPU units available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    );
  });
});

describe('the deployment circuit breaker', () => {
  it('threshold: 0.5 x desired, rounded up, at least 3 and at most 200', () => {
    expect([1, 10, 25, 400, 1000].map((d) => circuitBreakerThreshold(d))).toEqual([3, 5, 13, 200, 200]);
  });

  it('with the 2023 minimum of 10: desired 1 -> 10, desired 25 -> 13, desired 800 -> 200', () => {
    expect([1, 25, 800].map((d) => circuitBreakerThreshold(d, 10))).toEqual([10, 13, 200]);
  });

  it('a deployment whose tasks fail to start fails at the threshold and rolls back', () => {
    const r = run(
      serviceScenario({
        taskDefinitions: [web('web:1'), web('web:bad')],
        service: { desiredCount: 4, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } },
        taskBehavior: [{ taskDefinition: 'web:2', startFailureProbability: 1, startFailureReason: 'CannotPullContainerError: pull access denied' }],
        timeline: [{ at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } }],
      }),
    );
    expect(r.deployments.map((d) => [d.taskDefinition, d.rolloutState, d.rollbackOf])).toEqual([
      ['web:1', 'COMPLETED', null],
      ['web:2', 'FAILED', null],
      ['web:1', 'COMPLETED', 'ecs-svc/0002'],
    ]);
    expect(r.deployments[1].failedTasks).toBeGreaterThanOrEqual(3);
    const failed = r.tasks.filter((t) => t.deploymentId === 'ecs-svc/0002');
    expect(failed.every((t) => t.stopCode === 'TaskFailedToStart' && t.stoppedReason === 'CannotPullContainerError: pull access denied' && t.startedAt === null)).toBe(true);
    // Throughout, the old tasks kept running: 100% minimum healthy.
    expect(Math.min(...r.series.byService.web.healthy.slice(5))).toBe(4);
  });

  it('without the circuit breaker, the failing deployment keeps trying', () => {
    const r = run(
      serviceScenario({
        taskBehavior: [{ taskDefinition: 'web:2', startFailureProbability: 1 }],
        timeline: [{ at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } }],
      }),
    );
    expect(r.deployments.map((d) => d.rolloutState)).toEqual(['COMPLETED', 'IN_PROGRESS']);
    expect(r.services[0].tasksFailedToStart).toBeGreaterThan(10);
  });
});

describe('the throttle on tasks that never reach RUNNING', () => {
  it('waits longer and longer between launches, up to 15 minutes, and says so', () => {
    const r = run(serviceScenario({ service: { desiredCount: 1 }, taskBehavior: [{ taskDefinition: 'web', startFailureProbability: 1 }], duration: '3h' }));
    const launches = r.tasks.map((t) => t.createdAt);
    const gaps = launches.slice(1).map((t, i) => t - launches[i]);
    // Each failing task takes pending (5s) + stopping (2s) to stop; then the wait doubles from 10 s, capped at 15 min.
    const waits = gaps.map((g) => g - 7_000);
    expect(waits.slice(0, 8)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 900_000]);
    expect(Math.max(...waits)).toBe(900_000);
    expect(r.serviceEvents.some((e) => e.message.startsWith('(service web) is unable to consistently start tasks successfully.'))).toBe(true);
  });

  it('updating the service resets the throttle', () => {
    const r = run(
      serviceScenario({
        service: { desiredCount: 1 },
        taskBehavior: [{ taskDefinition: 'web:1', startFailureProbability: 1 }],
        timeline: [{ at: '60m', updateService: { service: 'web', taskDefinition: 'web:2' } }],
      }),
    );
    const fixed = r.tasks.find((t) => t.taskDefinition === 'web:2')!;
    expect(fixed.createdAt).toBe(60 * 60_000);
  });
});

describe('the crash model', () => {
  it('exitProbability: that share of tasks exits after exitAfter; the others run on', () => {
    const r = run(serviceScenario({ instances: 8, service: { desiredCount: 20 }, taskBehavior: [{ taskDefinition: 'web', exitAfter: '10m', exitProbability: 0.25 }], duration: '9m' }));
    // Nothing has exited yet at 9m; count the tasks that will: those whose run duration is finite shows in the exits after.
    const long = run(serviceScenario({ instances: 8, service: { desiredCount: 20 }, taskBehavior: [{ taskDefinition: 'web', exitAfter: '10m', exitProbability: 0.25 }], duration: '12m' }));
    const exited = long.tasks.filter((t) => t.stopCode === 'EssentialContainerExited').length;
    expect(r.tasks.filter((t) => t.stopCode === 'EssentialContainerExited')).toHaveLength(0);
    expect(exited).toBeGreaterThan(0);
    expect(exited).toBeLessThan(15);
  });
});

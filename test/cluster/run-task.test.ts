import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { scenarioObject, spec } from '../builders.js';

const job = (cpu: number, memory: number) => ({ family: 'job', containerDefinitions: [{ name: 'job', image: 'x', cpu, memory }] });
const oneCall = (extra: Record<string, unknown> = {}) => ({
  name: 'once',
  taskDefinition: 'job',
  arrivals: { process: 'explicit', at: ['1m'] },
  duration: '10m',
  ...extra,
});
const run = (overrides: Record<string, unknown>) => simulate(spec(scenarioObject(overrides)), { check: true });
const instances = (...groups: object[]) => ({ clusterName: 'c', availabilityZones: ['us-east-1a'], containerInstances: groups });

describe('RunTask on fixed EC2 container instances', () => {
  it('moves a task through every lifecycle state with the configured durations', () => {
    const results = run({
      cluster: instances({ instanceType: 'm5.large' }),
      taskDefinitions: [job(512, 512)],
      workload: { runTasks: [oneCall()] },
      simulation: {
        taskStateDurations: { provisioning: '1s', pending: '10s', activating: '2s', deactivating: '3s', stopping: '4s', deprovisioning: '5s' },
      },
    });
    const [task] = results.tasks;
    expect(task).toMatchObject({
      lastStatus: 'STOPPED',
      createdAt: 60_000,
      startedAt: 60_000 + 1_000 + 10_000 + 2_000,
      stoppingAt: 73_000 + 600_000,
      stoppedAt: 673_000 + 3_000 + 4_000 + 5_000,
      stopCode: 'EssentialContainerExited',
      containerInstanceId: 'i-0001',
      availabilityZone: 'us-east-1a',
    });
  });

  it('fails a task that fits nowhere with RESOURCE:MEMORY, naming the closest instance and what it lacks', () => {
    const results = run({
      cluster: instances({ instanceType: 't3.small' }, { instanceType: 't3.medium' }),
      taskDefinitions: [job(256, 6000)],
      workload: { runTasks: [oneCall()] },
    });
    expect(results.tasks).toEqual([]);
    expect(results.runTaskFailures).toEqual([
      {
        at: 60_000,
        source: 'once',
        taskDefinition: 'job:1',
        group: 'family:job',
        reason: 'RESOURCE:MEMORY',
        containerInstanceId: 'i-0002',
        message: "The closest matching container-instance i-0002 has insufficient memory available.",
      },
    ]);
  });

  it('reports RESOURCE:CPU when CPU is what is missing', () => {
    const results = run({ cluster: instances({ instanceType: 'm5.large' }), taskDefinitions: [job(4096, 256)], workload: { runTasks: [oneCall()] } });
    expect(results.runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:CPU']);
  });

  it('says there are no container instances when the cluster has none', () => {
    const results = run({ cluster: instances(), taskDefinitions: [job(256, 256)], workload: { runTasks: [oneCall()] } });
    expect(results.runTaskFailures.map((f) => [f.reason, f.containerInstanceId])).toEqual([['No Container Instances were found in your cluster.', null]]);
  });

  it('places the tasks of one RunTask call one after another, each seeing what the previous reserved', () => {
    // An m5.large registers 2048 CPU units: four 512-unit tasks fit, the fifth and sixth do not.
    const results = run({ cluster: instances({ instanceType: 'm5.large' }), taskDefinitions: [job(512, 256)], workload: { runTasks: [oneCall({ count: 6 })] } });
    expect(results.tasks).toHaveLength(4);
    expect(results.runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:CPU', 'RESOURCE:CPU']);
    expect(results.summary).toMatchObject({ tasksRequested: 6, tasksPlaced: 4, runTaskFailures: 2, peakRunningTasks: 4 });
  });

  it('releases resources when tasks stop, so later calls fit again', () => {
    const results = run({
      cluster: instances({ instanceType: 'm5.large' }),
      taskDefinitions: [job(2048, 256)],
      workload: { runTasks: [oneCall({ arrivals: { process: 'fixed', every: '20m' }, duration: '10m' })] },
    });
    expect(results.runTaskFailures).toEqual([]);
    expect(results.tasks.map((t) => t.createdAt / 60_000)).toEqual([0, 20, 40, 60]); // each stops before the next starts
  });

  it("reproduces AWS's cluster reservation example: c4.4xlarge + c4.large with ten 1024/2048 tasks -> 55% CPU, 60% memory", () => {
    const results = run({
      cluster: instances({ instanceType: 'c4.4xlarge' }, { instanceType: 'c4.large' }),
      taskDefinitions: [job(1024, 2048)],
      workload: { runTasks: [oneCall({ count: 10, arrivals: { process: 'explicit', at: ['0s'] }, duration: '2h' })] },
    });
    expect(results.tasks).toHaveLength(10);
    const atMinute5 = results.series.t.indexOf(5 * 60_000);
    // 10240 / 18432 = 55.56%, 20480 / 33926 = 60.37%; AWS's page shows them truncated as 55 and 60.
    expect(results.series.cpuReservation[atMinute5]).toBe(55.56);
    expect(results.series.memoryReservation[atMinute5]).toBe(60.37);
    expect(Math.trunc(results.series.cpuReservation[atMinute5])).toBe(55);
    expect(Math.trunc(results.series.memoryReservation[atMinute5])).toBe(60);
  });

  it("carries the task definition's IAM roles, and RunTask's taskRoleArn override", () => {
    const roles = { taskRoleArn: 'arn:aws:iam::1:role/app', executionRoleArn: 'arn:aws:iam::1:role/exec' };
    const results = run({
      cluster: instances({ instanceType: 'm5.large' }),
      taskDefinitions: [{ ...job(256, 256), ...roles }],
      workload: { runTasks: [oneCall({ count: 2 }), oneCall({ name: 'override', overrides: { taskRoleArn: 'arn:aws:iam::1:role/other' } })] },
    });
    expect(results.tasks.map((t) => [t.startedBy, t.taskRoleArn, t.executionRoleArn])).toEqual([
      ['once', roles.taskRoleArn, roles.executionRoleArn],
      ['once', roles.taskRoleArn, roles.executionRoleArn],
      ['override', 'arn:aws:iam::1:role/other', roles.executionRoleArn],
    ]);
  });

  it('samples series every minute from 0 to the end of the run', () => {
    const results = run({ cluster: instances({ instanceType: 'm5.large' }), taskDefinitions: [job(256, 256)], workload: { runTasks: [oneCall()] } });
    expect(results.series.t).toEqual(Array.from({ length: 61 }, (_, i) => i * 60_000));
    expect(results.series.byInstance['i-0001'].cpuReservation).toHaveLength(61);
    expect(results.series.byGroup['family:job'].running).toHaveLength(61);
  });

  it('spreads instance groups without an AZ round-robin over the cluster AZs', () => {
    const results = run({
      cluster: { clusterName: 'c', availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], containerInstances: [{ instanceType: 'm5.large', count: 4 }] },
      taskDefinitions: [job(256, 256)],
    });
    expect(results.instances.map((i) => i.availabilityZone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1a']);
    expect(results.instances[0].attributes).toMatchObject({ 'ecs.availability-zone': 'us-east-1a', 'ecs.instance-type': 'm5.large', 'ecs.os-type': 'linux' });
  });
});

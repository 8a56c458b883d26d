import { describe, expect, it } from 'vitest';
import { billedUsd, fargateUsdPerHour, instanceUsdPerHour } from '../../src/cost/prices.js';
import { isValidFargateSize } from '../../src/model/fargate.js';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

const fargateTask = (cpu = '256', memory = '512', extra: Record<string, unknown> = {}) => ({
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu,
  memory,
  containerDefinitions: [{ name: 'web', image: 'nginx:1.25', portMappings: [{ containerPort: 80 }] }],
  ...extra,
});
const scenario = (service: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'fargate',
  duration: '2h',
  cluster: { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], capacityProviders: ['FARGATE', 'FARGATE_SPOT'] },
  taskDefinitions: [fargateTask()],
  services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 6, ...service }],
  ...extra,
});
const run = (s: object) => simulate(spec(s), { check: true });

describe('Fargate task sizes', () => {
  it.each([
    [256, 512, true],
    [256, 2048, true],
    [256, 3072, false],
    [512, 4096, true],
    [1024, 1024, false],
    [4096, 30_720, true],
    [8192, 20_480, true],
    [8192, 18_432, false],
    [16_384, 122_880, true],
  ])('%d CPU with %d MiB: %s', (cpu, memory, valid) => {
    expect(isValidFargateSize(cpu, memory)).toBe(valid);
  });

  it('an invalid size is rejected with AWS\'s wording', () => {
    expect(problems(scenario({}, { taskDefinitions: [fargateTask('512', '5120')] }))).toEqual([
      'taskDefinitions[0].memory: No Fargate configuration exists for given values: 512 CPU, 5120 memory. See the Amazon ECS documentation for the valid values.',
    ]);
  });

  it('Fargate needs awsvpc; placement strategies are not for Fargate; the task definition must be Fargate-compatible', () => {
    expect(problems(scenario({}, { taskDefinitions: [fargateTask('256', '512', { networkMode: 'bridge' })] }))).toEqual([
      "taskDefinitions[0].networkMode: Fargate only supports network mode 'awsvpc'.",
    ]);
    expect(problems(scenario({ launchType: 'FARGATE', placementStrategy: [{ type: 'binpack', field: 'cpu' }] }))).toEqual([
      'services[0]: Task placement strategies and constraints are not supported for tasks on Fargate.',
    ]);
    expect(problems(scenario({ launchType: 'FARGATE' }, { taskDefinitions: [{ ...fargateTask(), requiresCompatibilities: ['EC2'] }] }))).toEqual([
      'services[0].launchType: Task definition does not support launch_type FARGATE.',
    ]);
  });
});

describe('Fargate and Fargate Spot', () => {
  it('tasks spread over the AZs, take an ENI each, and pull their image every time', () => {
    const r = run(scenario({ launchType: 'FARGATE' }));
    const running = r.tasks.filter((t) => t.lastStatus === 'RUNNING');
    const perZone = new Map<string, number>();
    for (const t of running) perZone.set(t.availabilityZone!, (perZone.get(t.availabilityZone!) ?? 0) + 1);
    expect([...perZone.values()]).toEqual([2, 2, 2]);
    // nginx is not listed: Fargate pulls the default 200 MiB from Docker Hub (40 MiB/s, 1.5 s).
    expect(running.every((t) => t.eni && t.imagePullMs === 6_500 && t.containerInstanceId === null)).toBe(true);
  });

  it('a Spot interruption stops tasks with SpotInterruption and the service replaces them', () => {
    const r = run(scenario({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }, { timeline: [{ at: '1h', spotInterruption: { capacityProvider: 'FARGATE_SPOT', fraction: 0.5 } }] }));
    const interrupted = r.tasks.filter((t) => t.stopCode === 'SpotInterruption');
    expect(interrupted).toHaveLength(3);
    expect(interrupted.every((t) => t.stoppedReason === 'Your Spot Task was interrupted.')).toBe(true);
    expect(r.services[0].runningCount).toBe(6);
  });

  it('while Fargate Spot has no capacity its share is not launched (no fallback)', () => {
    const r = run(
      scenario(
        { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 2, weight: 0 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
        { simulation: { capacity: { spotUnavailable: [{ from: '0s', to: '30m' }] } } },
      ),
    );
    const runningAt = (m: number) => r.series.byService.web.running[m];
    expect(runningAt(20)).toBe(2);
    expect(runningAt(40)).toBe(6);
    expect(r.serviceEvents.some((e) => e.message.includes('Capacity is unavailable at this time'))).toBe(true);
  });
});

describe('cost', () => {
  it("Fargate's worked examples: 1 vCPU / 2 GB for 1 h; 0.25 vCPU / 0.5 GB for 24 h; 2 vCPU / 4 GB for 30 s billed as 60 s", () => {
    expect(billedUsd(fargateUsdPerHour(1024, 2048, 'X86_64', false, 0.7), 0, 3_600_000)).toBeCloseTo(0.04937, 5);
    expect(billedUsd(fargateUsdPerHour(256, 512, 'X86_64', false, 0.7), 0, 24 * 3_600_000)).toBeCloseTo(0.29622, 5);
    expect(billedUsd(fargateUsdPerHour(2048, 4096, 'X86_64', false, 0.7), 0, 30_000)).toBeCloseTo(0.001646, 6);
  });

  it('ARM is cheaper; Spot takes the discount; EC2 bills per second with a 60-second minimum', () => {
    expect(fargateUsdPerHour(1024, 2048, 'ARM64', false, 0.7)).toBeCloseTo(0.03238 + 2 * 0.00356, 6);
    expect(fargateUsdPerHour(1024, 2048, 'X86_64', true, 0.7)).toBeCloseTo(0.04937 * 0.3, 6);
    expect(billedUsd(instanceUsdPerHour('m5.large', 'on-demand', 0.6), 0, 10_000)).toBeCloseTo(0.096 / 60, 8);
    expect(billedUsd(instanceUsdPerHour('m5.large', 'spot', 0.6), 0, 3_600_000)).toBeCloseTo(0.096 * 0.4, 8);
  });

  it('a run\'s cost is the sum of its parts and the cost rate follows what runs', () => {
    const r = run(scenario({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 2 }] }));
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(r.cost.byCapacityProvider)).toBeCloseTo(r.cost.totalUsd, 6);
    expect(r.cost.byService.web).toBeCloseTo(r.cost.totalUsd, 6);
    // 6 tasks: 1 base on FARGATE, the other 5 split 1:2 -> 2 and 3: FARGATE 3, FARGATE_SPOT 3, at 0.25 vCPU / 0.5 GB.
    const task = fargateUsdPerHour(256, 512, 'X86_64', false, 0.7);
    expect(r.series.costPerHour[60]).toBeCloseTo(3 * task + 3 * task * 0.3, 4);
  });
});

describe('the Fargate launch-rate throttle and ephemeral storage', () => {
  it('100 tasks launch at once; the next ones wait for tokens at 20 a second', () => {
    const r = run(scenario({ launchType: 'FARGATE', desiredCount: 150 }, { duration: '10m' }));
    const waits = r.tasks.map((t) => t.waitForCapacityMs).sort((a, b) => a - b);
    expect(waits.filter((w) => w === 0)).toHaveLength(100);
    expect(waits.at(-1)).toBe(2_500);
    expect(r.services[0].runningCount).toBe(150);
  });

  it('ephemeralStorage: 21 to 200 GiB; beyond the 20 GiB included it is billed', () => {
    expect(problems(scenario({}, { taskDefinitions: [fargateTask('256', '512', { ephemeralStorage: { sizeInGiB: 20 } })] }))).toEqual([
      'taskDefinitions[0].ephemeralStorage.sizeInGiB: expected an integer from 21 to 200, got 20',
    ]);
    expect(fargateUsdPerHour(256, 512, 'X86_64', false, 0.7, 120) - fargateUsdPerHour(256, 512, 'X86_64', false, 0.7)).toBeCloseTo(100 * 0.000111, 8);
  });
});

describe('Spot interruption timing', () => {
  it('an interrupted task stops after its stopTimeout (default 30 s)', () => {
    const spot = (stopTimeout?: number) =>
      run(
        scenario(
          { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], desiredCount: 2 },
          {
            taskDefinitions: [fargateTask('256', '512', { containerDefinitions: [{ name: 'web', image: 'nginx:1.25', ...(stopTimeout === undefined ? {} : { stopTimeout }) }] })],
            timeline: [{ at: '30m', spotInterruption: { capacityProvider: 'FARGATE_SPOT', fraction: 1 } }],
            duration: '1h',
          },
        ),
      ).tasks.filter((t) => t.stopCode === 'SpotInterruption');
    for (const t of spot()) expect(t.stoppedAt! - t.stoppingAt!).toBe(30_000);
    for (const t of spot(90)) expect(t.stoppedAt! - t.stoppingAt!).toBe(90_000);
    expect(spot(90)).toHaveLength(2);
  });
});

describe('prices: a scenario\'s own prices over the built-in us-east-1 catalogue', () => {
  const ireland = { region: 'eu-west-1', cluster: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], capacityProviders: ['FARGATE'] } };
  const eu = { fargate: { x86_64: { vcpuHour: 0.04456, gbHour: 0.004865 } } };

  it('Fargate tasks are billed at the given rates; the simulation itself does not change', () => {
    const home = run(scenario({ launchType: 'FARGATE' }, ireland));
    const priced = run(scenario({ launchType: 'FARGATE' }, { ...ireland, prices: eu }));
    expect(priced.tasks).toEqual(home.tasks);
    const usEast = 0.25 * 0.04048 + 0.5 * 0.004445;
    const euWest = 0.25 * 0.04456 + 0.5 * 0.004865;
    expect(home.series.costPerHour[60]).toBeCloseTo(6 * usEast, 4);
    expect(priced.series.costPerHour[60]).toBeCloseTo(6 * euWest, 4);
    expect(priced.cost.totalUsd / home.cost.totalUsd).toBeCloseTo(euWest / usEast, 4);
  });

  it('EC2 instances are billed at the given hourly price; types left out keep us-east-1\'s', () => {
    const ec2 = (prices?: object) => run({
      name: 'ec2 prices',
      duration: '1h',
      cluster: { containerInstances: [{ instanceType: 'm5.large', count: 2 }, { instanceType: 'c5.large', count: 1 }] },
      ...(prices ? { prices } : {}),
    });
    expect(ec2().cost.totalUsd).toBeCloseTo(2 * 0.096 + 0.085, 6);
    expect(ec2({ ec2: { 'm5.large': 0.107 } }).cost.totalUsd).toBeCloseTo(2 * 0.107 + 0.085, 6);
  });

  it('another Region without prices is priced as us-east-1 and the run says so; unknown types are rejected', () => {
    const notes = (s: object) => run(s).notes.map((n) => `${n.path}: ${n.message}`);
    expect(notes(scenario({ launchType: 'FARGATE' }, ireland))).toContain(
      'region: no prices given for eu-west-1: cost is computed at ecsim\'s us-east-1 prices (set prices: to your Region\'s)',
    );
    expect(notes(scenario({ launchType: 'FARGATE' }, { ...ireland, prices: eu })).filter((n) => n.startsWith('region'))).toEqual([]);
    expect(problems(scenario({}, { prices: { fargate: { x86_64: { vcpuHour: -1 } } } }))).toEqual([
      'prices.fargate.x86_64.vcpuHour: expected a number >= 0, got -1',
    ]);
    expect(problems(scenario({ launchType: 'FARGATE' }, { prices: { ec2: { 'm9.huge': 1 } } }))).toEqual(['prices.ec2.m9.huge: unknown instance type "m9.huge"']);
  });
});

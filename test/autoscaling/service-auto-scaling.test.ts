import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueingLatency } from '../../src/cluster/metrics-minute.js';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

const REAL = join(__dirname, '../../../shared/data/ecs-real');

/** A web service on 8 m5.large (room for 60 tasks of 256 CPU units), its load, and its scalable target. */
function web(options: { load?: object; policies?: object[]; min?: number; max?: number; desired?: number; duration?: string; seed?: number } = {}) {
  return {
    name: 'web scaling',
    seed: options.seed ?? 1,
    duration: options.duration ?? '2h',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], containerInstances: [{ instanceType: 'm5.large', count: 8 }] },
    taskDefinitions: [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'web', cpu: 256, memory: 512 }] }],
    services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: options.desired ?? 4 }],
    workload: {
      serviceLoad: [
        { service: 'web', rate: options.load ?? { shape: 'spike', base: 100, peak: 500, at: '30m', ramp: '2m', hold: '20m' }, cpuUnitsPerRps: 2.5, baseCpuUnits: 20, memoryMiBPerRps: 1, baseMemoryMiB: 100 },
      ],
    },
    serviceAutoScaling: [
      {
        service: 'web',
        minCapacity: options.min ?? 2,
        maxCapacity: options.max ?? 20,
        targetTrackingPolicies: options.policies ?? [
          { TargetValue: 40, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleOutCooldown: 60, ScaleInCooldown: 120 },
        ],
      },
    ],
  };
}
const run = (scenario: object, afterEvent?: NonNullable<Parameters<typeof simulate>[1]>['afterEvent']) => simulate(spec(scenario), { check: true, afterEvent });

describe('Service Auto Scaling with target tracking on CPU', () => {
  const r = run(web());
  const m = r.series.serviceMetrics.web;
  const minute = (i: number) => r.series.t.indexOf(i * 60_000);

  it('CPUUtilization follows the load: base 100 rps over 4 tasks -> (20 + 25 x 2.5) / 256', () => {
    expect(m.requestRate[minute(10)]).toBe(100);
    expect(m.cpuUtilization[minute(10)]).toBeCloseTo(((20 + 25 * 2.5) * 100) / 256, 2);
    expect(m.memoryUtilization[minute(10)]).toBeCloseTo(((100 + 25) * 100) / 512, 2);
    expect(m.requestCountPerTarget[minute(10)]).toBe(1500);
    expect(m.cpuUtilization[0]).toBeNull();
  });

  it('only healthy tasks get requests: right after a scale-out RequestCountPerTarget counts fewer targets than tasks running', () => {
    // New tasks count as healthy 3 minutes after they start running.
    const slow = run({ ...web(), simulation: { services: { healthyAfterRunning: '3m' } } });
    const [running, healthy, m] = [slow.series.byService.web.running, slow.series.byService.web.healthy, slow.series.serviceMetrics.web];
    const minute = (i: number) => slow.series.t.indexOf(i * 60_000);
    const perRunning = (i: number) => (m.requestRate[i]! * 60) / running[i];
    expect(m.requestCountPerTarget[minute(10)]).toBeCloseTo(perRunning(minute(10)), 6);
    const starting = slow.series.t.map((_, i) => i).filter((i) => i > 0 && m.requestCountPerTarget[i] !== null && healthy[i] < running[i]);
    expect(starting.length).toBeGreaterThan(0);
    for (const i of starting) expect(m.requestCountPerTarget[i]!).toBeGreaterThan(perRunning(i));
  });

  it('the spike saturates the tasks: CPU at 100%, requests over capacity, until scale-out catches up', () => {
    const peak = minute(33);
    expect(m.cpuUtilization[peak]).toBe(100);
    expect(m.requestsOverCapacity[peak]).toBeGreaterThan(0);
    // Saturated tasks answer at the latency cap; at base load (25 of 94.4 servable rps a task) 50 ms x 1 / (1 - 0.265).
    expect(m.latencyMs[peak]).toBe(5000);
    expect(m.latencyMs[minute(10)]).toBeCloseTo(50 / (1 - 25 / ((256 - 20) / 2.5)), 1);
    expect(Math.max(...m.requestsOverCapacity.slice(minute(45), minute(52)).map(Number))).toBe(0);
  });

  it('scales out after AlarmHigh\'s 3 minutes above the target, then back in after the spike', () => {
    const outs = r.serviceScalingActivities.filter((a) => a.to > a.from);
    const ins = r.serviceScalingActivities.filter((a) => a.to < a.from);
    // CPU first breaches 40% in the minute ending at 0h31m; three datapoints later, at 0h33m, AlarmHigh fires.
    const firstBreach = m.cpuUtilization.findIndex((v) => v !== null && v > 40);
    expect(outs[0].at).toBe(r.series.t[firstBreach] + 2 * 60_000);
    expect(outs[0].cause).toContain('AlarmHigh');
    // After the spike CPU falls below 90% of the target (36%); fifteen datapoints later AlarmLow fires.
    const peakEnd = minute(52);
    const firstLow = peakEnd + m.cpuUtilization.slice(peakEnd).findIndex((v) => v !== null && v < 36);
    expect(ins[0].at).toBe(r.series.t[firstLow] + 14 * 60_000);
    expect(ins[0].cause).toContain('AlarmLow');
    expect(r.series.byService.web.desired.at(-1)).toBeLessThan(Math.max(...r.series.byService.web.desired));
  });

  it('the real policy file autoscaling-awscli-target-tracking-ecs-cpu75.json loads and runs', () => {
    const policy = JSON.parse(readFileSync(join(REAL, 'autoscaling-awscli-target-tracking-ecs-cpu75.json'), 'utf8'));
    const cpu75 = run(web({ policies: [policy] }));
    expect(cpu75.serviceScalingActivities.some((a) => a.to > a.from)).toBe(true);
  });

  it('ALBRequestCountPerTarget without a ResourceLabel, on a service without a load balancer, tracks its requests per healthy task', () => {
    const policy = { TargetValue: 2000, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' }, ScaleOutCooldown: 60, DisableScaleIn: true };
    const alb = run(web({ policies: [policy] }));
    // The spike's 500 rps over 4 tasks is 7,500 requests a target a minute: ceil(4 x 7500 / 2000) = 15.
    expect(alb.serviceScalingActivities[0]).toMatchObject({ from: 4, to: 15 });
    expect(alb.serviceScalingActivities.every((a) => a.to > a.from)).toBe(true);
    expect(alb.serviceScalingPolicies[0].metric).toMatchObject({ namespace: 'ecsim', metricName: 'RequestCountPerTarget', dimensions: { ClusterName: 'default', ServiceName: 'web' } });
  });
});

describe('response time under load (an M/M/1 stretch of the base latency)', () => {
  it('50 ms idle, 100 ms at half of what a task can serve, 500 ms at 90%, capped at 100x when saturated or over', () => {
    expect([0, 50, 90, 99, 100, 150].map((rps) => queueingLatency(50, rps, 100))).toEqual([50, 100, 500, 5000, 5000, 5000]);
    expect(queueingLatency(50, 1000, Infinity)).toBe(50);
  });
});

describe('Service Auto Scaling laws', () => {
  const arbitrary = fc.record({
    seed: fc.nat(1000),
    base: fc.integer({ min: 0, max: 300 }),
    peak: fc.integer({ min: 0, max: 1500 }),
    at: fc.integer({ min: 0, max: 60 }),
    hold: fc.integer({ min: 1, max: 40 }),
    target: fc.integer({ min: 20, max: 90 }),
    min: fc.integer({ min: 0, max: 5 }),
    span: fc.integer({ min: 0, max: 15 }),
    desired: fc.integer({ min: 0, max: 25 }),
    outCooldown: fc.constantFrom(0, 60, 300),
    inCooldown: fc.constantFrom(0, 120, 300),
  });

  it('desired count within [min, max] from registration on; scale-ins a cooldown apart and none inside a scale-out cooldown', () => {
    fc.assert(fc.property(arbitrary, (a) => {
      const max = a.min + a.span;
      const scenario = web({
        seed: a.seed,
        desired: a.desired,
        min: a.min,
        max,
        duration: '2h',
        load: { shape: 'spike', base: a.base, peak: a.peak, at: `${a.at}m`, ramp: '1m', hold: `${a.hold}m` },
        policies: [{ TargetValue: a.target, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleOutCooldown: a.outCooldown, ScaleInCooldown: a.inCooldown }],
      });
      const r = run(scenario, (world) => {
        const desired = world.services.get('web')!.desiredCount;
        expect(desired).toBeGreaterThanOrEqual(a.min);
        expect(desired).toBeLessThanOrEqual(max);
      });
      const acts = r.serviceScalingActivities.filter((x) => x.at > 0);
      for (let i = 1; i < acts.length; i++) {
        const [prev, next] = [acts[i - 1], acts[i]];
        if (next.to < next.from && prev.to < prev.from) expect(next.at - prev.at).toBeGreaterThanOrEqual(a.inCooldown * 1000);
        if (next.to < next.from && prev.to > prev.from) expect(next.at - prev.at).toBeGreaterThanOrEqual(a.outCooldown * 1000);
      }
    }), { numRuns: 25 });
  });
});

describe('Service Auto Scaling input, checked as RegisterScalableTarget and PutScalingPolicy check it', () => {
  it('min above max, an unknown service, a DAEMON service, a second scalable target', () => {
    const base = web();
    expect(problems({ ...base, serviceAutoScaling: [{ service: 'web', minCapacity: 5, maxCapacity: 2 }] })).toEqual([
      'serviceAutoScaling[0].minCapacity: Minimum capacity cannot be greater than maximum capacity (5 > 2)',
    ]);
    expect(problems({ ...base, serviceAutoScaling: [{ service: 'api', minCapacity: 1, maxCapacity: 2 }] })).toEqual([
      'serviceAutoScaling[0].service: unknown service "api" (services: web)',
    ]);
    expect(problems({ ...base, serviceAutoScaling: [base.serviceAutoScaling[0], base.serviceAutoScaling[0]] })).toEqual([
      'serviceAutoScaling[1].service: service "web" already has a scalable target',
    ]);
    const daemon = { ...base, services: [{ serviceName: 'web', taskDefinition: 'web', schedulingStrategy: 'DAEMON' }] };
    expect(problems(daemon)).toContain('serviceAutoScaling[0].service: service "web" uses the DAEMON scheduling strategy: its tasks follow the instances, not a desired count');
    expect(problems({ ...base, workload: { serviceLoad: [{ service: 'web', rate: { shape: 'wave', rps: 1 } }] } })[0]).toMatch(/^workload\.serviceLoad\[0\]\.rate\.shape: /);
  });
});

describe('Service Auto Scaling and deployments', () => {
  it('scale-in waits while a deployment is in progress (AAS turns it off), then resumes', () => {
    // AlarmLow fires at 1h07m in the spike scenario; a deployment started at 1h06m holds scale-in back until it completes.
    const file = { ...web(), simulation: { services: { healthyAfterRunning: '5m' } }, timeline: [{ at: '66m', updateService: { service: 'web', forceNewDeployment: true } }] };
    const r = run(file);
    const deployment = r.deployments.find((d) => d.createdAt === 66 * 60_000)!;
    expect(deployment.rolloutState).toBe('COMPLETED');
    const ins = r.serviceScalingActivities.filter((a) => a.to < a.from);
    expect(ins.length).toBeGreaterThan(0);
    expect(ins[0].at).toBeGreaterThanOrEqual(deployment.updatedAt);
    expect(ins[0].at).toBeGreaterThan(67 * 60_000);
  });
});

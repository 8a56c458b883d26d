import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

/**
 * A web service whose load spikes at 30 min and settles at 70 min; target tracking on CPU scales it
 * out during the spike and back in after it. Scaling activities can be suspended from the start
 * (SuspendedState) or by a later RegisterScalableTarget call (a timeline action).
 */
function web(options: { suspendedState?: object; timeline?: object[]; scheduledActions?: object[] } = {}) {
  return {
    name: 'suspend and resume',
    duration: '3h',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], containerInstances: [{ instanceType: 'm5.large', count: 8 }] },
    taskDefinitions: [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'web', cpu: 256, memory: 512 }] }],
    services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 4 }],
    workload: { serviceLoad: [{ service: 'web', rate: { shape: 'spike', base: 100, peak: 500, at: '30m', ramp: '2m', hold: '40m' }, cpuUnitsPerRps: 2.5, baseCpuUnits: 20 }] },
    serviceAutoScaling: [
      {
        service: 'web',
        minCapacity: 2,
        maxCapacity: 20,
        ...(options.suspendedState ? { suspendedState: options.suspendedState } : {}),
        targetTrackingPolicies: [{ TargetValue: 40, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleOutCooldown: 60, ScaleInCooldown: 60 }],
        scheduledActions: options.scheduledActions ?? [],
      },
    ],
    timeline: options.timeline ?? [],
  };
}
const run = (scenario: object) => simulate(spec(scenario), { check: true });
const outs = (r: ReturnType<typeof run>) => r.serviceScalingActivities.filter((a) => a.to > a.from);
const ins = (r: ReturnType<typeof run>) => r.serviceScalingActivities.filter((a) => a.to < a.from);

describe('suspending and resuming scaling (RegisterScalableTarget SuspendedState)', () => {
  const free = run(web());

  it('unsuspended, the service scales out during the spike and in after it', () => {
    expect(outs(free).length).toBeGreaterThan(0);
    expect(ins(free).length).toBeGreaterThan(0);
  });

  it('DynamicScalingOutSuspended: no scale-out, though AlarmHigh goes to ALARM; scale-in still runs', () => {
    const r = run(web({ suspendedState: { DynamicScalingOutSuspended: true } }));
    expect(outs(r)).toEqual([]);
    expect(Object.values(r.series.serviceMetrics.web.alarms)[0]).toContain('ALARM');
    expect(r.series.serviceMetrics.web.requestsOverCapacity.some((v) => v! > 0)).toBe(true);
  });

  it('DynamicScalingInSuspended: it scales out as before and never back in', () => {
    const r = run(web({ suspendedState: { DynamicScalingInSuspended: true } }));
    expect(outs(r).map((a) => [a.at, a.to])).toEqual(outs(free).map((a) => [a.at, a.to]));
    expect(ins(r)).toEqual([]);
  });

  it('a later RegisterScalableTarget resumes scale-in: the service scales in after it, not before', () => {
    const r = run(web({ suspendedState: { DynamicScalingInSuspended: true }, timeline: [{ at: '2h', registerScalableTarget: { service: 'web', suspendedState: { DynamicScalingInSuspended: false } } }] }));
    expect(ins(r).length).toBeGreaterThan(0);
    expect(ins(r)[0].at).toBe(2 * 3_600_000);
  });

  it('ScheduledScalingSuspended skips the occurrences that fall while suspended', () => {
    const scheduledActions = [{ ScheduledActionName: 'floor', Schedule: 'rate(30 minutes)', ScalableTargetAction: { MinCapacity: 6 } }];
    const suspended = run(web({ suspendedState: { ScheduledScalingSuspended: true, DynamicScalingOutSuspended: true }, scheduledActions }));
    expect(suspended.serviceScalingActivities.filter((a) => a.cause.startsWith('scheduled'))).toEqual([]);
    const resumed = run(web({
      suspendedState: { ScheduledScalingSuspended: true, DynamicScalingOutSuspended: true },
      scheduledActions,
      timeline: [{ at: '45m', registerScalableTarget: { service: 'web', suspendedState: { ScheduledScalingSuspended: false } } }],
    }));
    // The 30-minute occurrence was skipped; the next one, at 60 min, runs.
    expect(resumed.serviceScalingActivities.filter((a) => a.cause.startsWith('scheduled')).map((a) => [a.at / 60_000, a.from, a.to])).toEqual([[60, 4, 6]]);
  });

  it('a later RegisterScalableTarget with new bounds moves the desired count into them at once', () => {
    const r = run(web({ timeline: [{ at: '10m', registerScalableTarget: { service: 'web', minCapacity: 8 } }] }));
    expect(r.serviceScalingActivities[0]).toMatchObject({ at: 600_000, from: 4, to: 8, cause: 'RegisterScalableTarget set min capacity to 8 and max capacity to 20' });
  });

  it('rejects a call on a service without a scalable target, or bounds the wrong way round', () => {
    const none = web({ timeline: [{ at: '10m', registerScalableTarget: { service: 'api', minCapacity: 1 } }] });
    expect(problems(none)).toEqual(['timeline[0].registerScalableTarget.service: service "api" has no scalable target (serviceAutoScaling registers it first)']);
    const reversed = web({ timeline: [{ at: '10m', registerScalableTarget: { service: 'web', minCapacity: 5, maxCapacity: 3 } }] });
    expect(problems(reversed)).toEqual(['timeline[0].registerScalableTarget.minCapacity: Minimum capacity cannot be greater than maximum capacity (5 > 3)']);
  });
});

import type { Results } from '../../src/index.js';
import { resultsFor } from './quickstart-results.js';

/** An Auto Scaling group provider scaling from zero for a burst of RunTask jobs, then back to zero. */
export const BURST = `
name: burst
duration: 3h
cluster:
  availabilityZones: [us-east-1a, us-east-1b]
  capacityProviders:
    - name: batch-asg
      autoScalingGroupProvider:
        managedScaling: { status: ENABLED, targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10, instanceWarmupPeriod: 60 }
        managedTerminationProtection: ENABLED
      autoScalingGroup: { instanceType: m5.large, minSize: 0, maxSize: 20, desiredCapacity: 0 }
  defaultCapacityProviderStrategy: [{ capacityProvider: batch-asg, weight: 1 }]
taskDefinitions:
  - { family: job, containerDefinitions: [{ name: job, image: job, cpu: 1024, memory: 2048 }] }
workload:
  runTasks:
    - { taskDefinition: job, count: 10, arrivals: { process: explicit, at: [10m, 11m, 12m] }, duration: 30m }
`;

/** A service on Fargate and Fargate Spot, with Spot interruptions and an AZ outage. */
export const FARGATE_MIX = `
name: fargate mix
duration: 2h
cluster:
  availabilityZones: [us-east-1a, us-east-1b, us-east-1c]
  capacityProviders: [FARGATE, FARGATE_SPOT]
taskDefinitions:
  - { family: web, networkMode: awsvpc, requiresCompatibilities: [FARGATE], cpu: "256", memory: "512", containerDefinitions: [{ name: web, image: "nginx:1.25", portMappings: [{ containerPort: 80 }] }] }
services:
  - serviceName: web
    taskDefinition: web
    desiredCount: 10
    capacityProviderStrategy: [{ capacityProvider: FARGATE, base: 1, weight: 1 }, { capacityProvider: FARGATE_SPOT, weight: 2 }]
simulation:
  capacity: { spotInterruptionsPerTaskHour: 0.5 }
timeline:
  - { at: 60m, spotInterruption: { capacityProvider: FARGATE_SPOT, fraction: 0.5 } }
  - { at: 80m, azOutage: { availabilityZone: us-east-1b, duration: 20m } }
`;

export const burstResults = (): Results => resultsFor(BURST);
export const fargateMixResults = (): Results => resultsFor(FARGATE_MIX);

/** Names no scenario would accept, to show the report escapes them anyway. */
export const HOSTILE_CAPACITY = {
  provider: '<img src=x onerror=alert(7)>asg',
  kind: '<b onmouseover=alert(8)>instance failure</b>',
  target: '"><script>alert(9)</script>',
};

/**
 * The burst's Results with its provider renamed to HOSTILE_CAPACITY.provider everywhere Results
 * names it, and a fault of a made-up kind on a made-up target.
 */
export function hostileBurstResults(): Results {
  const results = burstResults();
  const rename = <V>(record: Record<string, V>): Record<string, V> =>
    Object.fromEntries(Object.entries(record).map(([name, v]) => [name === 'batch-asg' ? HOSTILE_CAPACITY.provider : name, v]));
  return {
    ...results,
    tasks: results.tasks.map((t) => ({ ...t, capacityProvider: HOSTILE_CAPACITY.provider })),
    instances: results.instances.map((i) => ({ ...i, capacityProvider: HOSTILE_CAPACITY.provider })),
    scalingActivities: results.scalingActivities.map((a) => ({ ...a, capacityProvider: HOSTILE_CAPACITY.provider })),
    faults: [{ at: 30 * 60_000, kind: HOSTILE_CAPACITY.kind, target: HOSTILE_CAPACITY.target, tasksStopped: 2, recoveredAt: null }],
    cost: { ...results.cost, byCapacityProvider: rename(results.cost.byCapacityProvider) },
    series: { ...results.series, byCapacityProvider: rename(results.series.byCapacityProvider) },
  };
}

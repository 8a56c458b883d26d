/**
 * W3, the full simulator at scale: container instances over 3 AZs in Auto Scaling group capacity
 * providers with managed scaling, services with target tracking on CPU under a diurnal load, and a
 * RunTask batch stream, for days. `instances` is the size the cluster reaches at the daily peak.
 */
export interface W3Size {
  instances: number;
  services: number;
  days: number;
}

export const W3_FULL: W3Size = { instances: 10_000, services: 200, days: 7 };

/** Tasks of 1 vCPU / 2 GiB: an m5.xlarge (4 vCPU, 16 GiB) holds 4, so the peak needs instances x 4 tasks. */
const TASK_CPU = 1024;
const TASKS_PER_INSTANCE = 4;
const PROVIDERS = 4;

export function w3Scenario(size: W3Size): unknown {
  // Services peak together in the afternoon (13h-15h), needing 90% of the tasks the instances hold.
  const peakServiceTasks = Math.round(size.instances * TASKS_PER_INSTANCE * 0.9);
  const perService = Math.max(2, Math.round(peakServiceTasks / size.services));
  // Batch: two tasks a second for every 10,000 instances (1.2 million in a week at full size), of 0.5 vCPU
  // running 10-30 minutes.
  const batchPerSecond = (2 * size.instances) / 10_000;
  const providers = Array.from({ length: PROVIDERS }, (_, p) => ({
    name: `pool-${p + 1}`,
    autoScalingGroupProvider: {
      managedScaling: { status: 'ENABLED', targetCapacity: 90, minimumScalingStepSize: 1, maximumScalingStepSize: 1000, instanceWarmupPeriod: 120 },
      managedTerminationProtection: 'ENABLED',
    },
    autoScalingGroup: { instanceType: 'm5.xlarge', minSize: 1, maxSize: Math.ceil((size.instances * 1.2) / PROVIDERS), desiredCapacity: Math.ceil(size.instances / (2 * PROVIDERS)) },
  }));
  const strategy = providers.map((p) => ({ capacityProvider: p.name, weight: 1 }));
  const services = Array.from({ length: size.services }, (_, k) => `svc-${String(k + 1).padStart(3, '0')}`);
  return {
    name: `W3: ${size.instances} instances, ${size.services} services, ${size.days} days`,
    seed: 3,
    duration: `${size.days * 24}h`,
    cluster: { clusterName: 'w3', availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], capacityProviders: providers, defaultCapacityProviderStrategy: strategy },
    taskDefinitions: [
      { family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: TASK_CPU, memory: 2048, portMappings: [{ containerPort: 8080, hostPort: 0 }] }] },
      { family: 'batch', containerDefinitions: [{ name: 'batch', image: 'batch:1', cpu: TASK_CPU / 2, memory: 1024 }] },
    ],
    services: services.map((name) => ({
      serviceName: name,
      taskDefinition: 'web',
      desiredCount: Math.max(1, Math.round(perService / 2)),
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
    })),
    workload: {
      serviceLoad: services.map((name, k) => ({
        service: name,
        // Peak at different hours so the services do not all move together.
        // At 20 CPU units a request a task serves ~33 requests/s at the 70% target: the peak needs perService tasks.
        rate: { shape: 'diurnal', mean: perService * 33 * 0.6, amplitude: perService * 33 * 0.4, peakAt: `${13 + (k % 3)}h` },
        cpuUnitsPerRps: 20,
        baseCpuUnits: 50,
        memoryMiBPerRps: 1,
        baseMemoryMiB: 400,
      })),
      runTasks: [
        {
          name: 'batch',
          taskDefinition: 'batch',
          arrivals: { process: 'poisson', ratePerSecond: batchPerSecond },
          // Batch packs onto the fewest instances (random, RunTask's default, looks at every instance).
          placementStrategy: [{ type: 'binpack', field: 'memory' }],
          duration: { dist: 'uniform', min: '10m', max: '30m' },
        },
      ],
    },
    serviceAutoScaling: services.map((name) => ({
      service: name,
      minCapacity: 1,
      maxCapacity: perService * 2,
      targetTrackingPolicies: [{ TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleOutCooldown: 60, ScaleInCooldown: 300 }],
    })),
  };
}

/** A cluster with one Auto Scaling group capacity provider `asg` (m5.large) as the default strategy. */
export function asgScenario(options: {
  asg?: Record<string, unknown>;
  managedScaling?: Record<string, unknown>;
  provider?: Record<string, unknown>;
  runTasks?: object[];
  services?: object[];
  taskDefinitions?: object[];
  duration?: string;
  simulation?: object;
  seed?: number;
}) {
  return {
    name: 'capacity test',
    seed: options.seed ?? 1,
    duration: options.duration ?? '3h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: [
        {
          name: 'asg',
          autoScalingGroupProvider: {
            managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: 60, ...options.managedScaling },
            managedTerminationProtection: 'ENABLED',
            ...options.provider,
          },
          autoScalingGroup: { instanceType: 'm5.large', minSize: 0, maxSize: 20, desiredCapacity: 0, ...options.asg },
        },
      ],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
    },
    taskDefinitions: options.taskDefinitions ?? [{ family: 'job', containerDefinitions: [{ name: 'job', image: 'job', cpu: 1024, memory: 2048 }] }],
    services: options.services ?? [],
    workload: { runTasks: options.runTasks ?? [] },
    ...(options.simulation ? { simulation: options.simulation } : {}),
  };
}

/**
 * W4, the CloudSim Plus shape: 50,000 container instances and 100,000 long-running tasks over 3.86
 * simulated months (CloudSim Plus ran 50,000 hosts, 100,000 VMs and 100,000 cloudlets over 3.86
 * months in 6.38 minutes). The tasks arrive over the first day and run for a uniform 1 to 116 days.
 */
export const W4_DAYS = 116;

export function w4Scenario(instances = 50_000, tasks = 100_000): unknown {
  const arrivalWindowMs = 86_400_000;
  return {
    name: `W4: ${instances} instances, ${tasks} long-running tasks, ${W4_DAYS} days`,
    seed: 4,
    duration: `${W4_DAYS * 24}h`,
    cluster: {
      clusterName: 'w4',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      containerInstances: [{ instanceType: 'm5.large', count: instances }],
    },
    taskDefinitions: [{ family: 'vm', containerDefinitions: [{ name: 'vm', image: 'vm:1', cpu: 512, memory: 1024 }] }],
    workload: {
      runTasks: [
        {
          name: 'long-running',
          taskDefinition: 'vm',
          count: 10,
          arrivals: { process: 'fixed', every: Math.floor(arrivalWindowMs / (tasks / 10)) },
          stopAt: arrivalWindowMs - 1,
          duration: { dist: 'uniform', min: '24h', max: `${W4_DAYS * 24}h` },
          placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
        },
      ],
    },
  };
}

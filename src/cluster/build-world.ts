import { builtInAttributes, type ContainerInstance } from '../model/container-instance.js';
import { instanceType } from '../model/instance-types.js';
import { registeredCpuUnits, registeredMemoryMiB } from '../model/registered-resources.js';
import { emptyWorld, instanceId, type World } from '../model/world.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';

/**
 * The world at time 0: the cluster's fixed container instances, registered and ACTIVE, and its task
 * definitions. Groups without an AZ are spread round-robin over the cluster's AZs (one counter across
 * all such groups, so several small groups still spread).
 */
export function buildWorld(spec: ScenarioSpec): World {
  const { clusterName, availabilityZones, containerInstances } = spec.cluster;
  const world = emptyWorld(clusterName, spec.region, availabilityZones);
  for (const td of spec.taskDefinitions) world.taskDefinitions.set(td.key, td);
  let roundRobin = 0;
  for (const group of containerInstances) {
    const type = instanceType(group.instanceType)!;
    for (let i = 0; i < group.count; i++) {
      const availabilityZone = group.availabilityZone ?? availabilityZones[roundRobin++ % availabilityZones.length];
      const registered = {
        cpuUnits: registeredCpuUnits(type),
        memoryMiB: group.registeredMemoryMiB ?? registeredMemoryMiB(type, group.reservedMemoryMiB),
      };
      const instance: ContainerInstance = {
        id: instanceId(world.instances.length + 1),
        instanceType: type.name,
        availabilityZone,
        attributes: { ...builtInAttributes(type.name, availabilityZone, type.architecture), ...group.attributes },
        status: 'ACTIVE',
        agentConnected: true,
        registeredAt: 0,
        launchedAt: 0,
        registered,
        remaining: { ...registered },
        taskIds: new Set(),
        runningTasksCount: 0,
        pendingTasksCount: 0,
      };
      world.instances.push(instance);
      world.instancesById.set(instance.id, instance);
    }
  }
  return world;
}

import { builtInAttributes, type ContainerInstance } from '../model/container-instance.js';
import { instanceType } from '../model/instance-types.js';
import { newHostPorts } from '../model/ports.js';
import { registeredCpuUnits, registeredMemoryMiB } from '../model/registered-resources.js';
import { emptyWorld, instanceId, type World } from '../model/world.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';

/**
 * The world at time 0: the cluster's fixed container instances, registered, and its task
 * definitions. Groups without an AZ are spread round-robin over the cluster's AZs (one counter across
 * all such groups, so several small groups still spread).
 */
export function buildWorld(spec: ScenarioSpec): World {
  const { clusterName, availabilityZones, containerInstances } = spec.cluster;
  const world = emptyWorld(clusterName, spec.region, availabilityZones);
  for (const td of spec.taskDefinitions) world.taskDefinitions.set(td.key, td);
  for (const group of spec.targetGroups) world.targetGroups.set(group.name, { ...group, targets: new Map() });
  for (const name of spec.discoveryServices) world.discovery.set(name, new Set());
  let roundRobin = 0;
  for (const group of containerInstances) {
    const type = instanceType(group.instanceType)!;
    for (let i = 0; i < group.count; i++) {
      const availabilityZone = group.availabilityZone ?? availabilityZones[roundRobin++ % availabilityZones.length];
      const registered = {
        cpuUnits: registeredCpuUnits(type),
        memoryMiB: group.registeredMemoryMiB ?? registeredMemoryMiB(type, group.reservedMemoryMiB),
      };
      const index = world.instances.length;
      const instance: ContainerInstance = {
        index,
        id: instanceId(index + 1),
        instanceType: type.name,
        availabilityZone,
        attributes: { ...builtInAttributes(type.name, availabilityZone, type.architecture), ...group.attributes },
        status: group.status,
        agentConnected: group.agentConnected,
        agentVersion: group.agentVersion,
        registeredAt: group.registeredAt === undefined ? 0 : group.registeredAt - spec.startEpochMs,
        launchedAt: 0,
        registered,
        remaining: { ...registered },
        ports: { tcp: newHostPorts(group.reservedPorts), udp: newHostPorts(group.reservedUdpPorts) },
        dynamicPortRange: group.dynamicHostPortRange,
        // The primary ENI counts toward the limit; trunking gives the type's trunked task limit (DG ENI trunking).
        eniLimit: group.awsvpcTrunking ? type.trunkedAwsvpcTasks! : type.maxEnis - 1,
        enisInUse: 0,
        images: new Set(),
        imagePullBehavior: group.imagePullBehavior,
        taskIds: new Set(),
        groupCounts: new Map(),
        runningTasksCount: 0,
        pendingTasksCount: 0,
      };
      world.instances.push(instance);
      world.instancesById.set(instance.id, instance);
    }
  }
  return world;
}

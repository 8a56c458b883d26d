import { countInstanceUse } from './provider-instance-use.js';
import { builtInAttributes, registeredContainerInstance, type ContainerInstance } from '../model/container-instance.js';
import { instanceTypeToLaunch } from '../model/capacity-provider.js';
import { instanceType, type InstanceType } from '../model/instance-types.js';
import { newHostPorts } from '../model/ports.js';
import { registeredCpuUnits, registeredMemoryMiB } from '../model/registered-resources.js';
import { emptyWorld, instanceId, type World } from '../model/world.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';
import type { ContainerInstanceGroupSpec } from '../scenario/scenario-schema.js';
import { DEFAULT_AGENT_VERSION } from '../scenario/scenario-schema.js';
import { DEFAULT_DYNAMIC_PORT_RANGE, DEFAULT_RESERVED_TCP_PORTS, DEFAULT_RESERVED_UDP_PORTS } from '../model/ports.js';

/** How a container instance is set up: the instance group's settings, or a capacity provider's defaults. */
export type InstanceSetup = Pick<
  ContainerInstanceGroupSpec,
  'attributes' | 'reservedMemoryMiB' | 'registeredMemoryMiB' | 'reservedPorts' | 'reservedUdpPorts' | 'dynamicHostPortRange' | 'awsvpcTrunking' | 'agentVersion' | 'agentConnected' | 'status' | 'imagePullBehavior'
>;

/** The agent defaults for instances an Auto Scaling group launches. */
export function defaultSetup(attributes: Record<string, string>): InstanceSetup {
  return {
    attributes,
    reservedMemoryMiB: 0,
    registeredMemoryMiB: undefined,
    reservedPorts: [...DEFAULT_RESERVED_TCP_PORTS],
    reservedUdpPorts: [...DEFAULT_RESERVED_UDP_PORTS],
    dynamicHostPortRange: DEFAULT_DYNAMIC_PORT_RANGE,
    awsvpcTrunking: false,
    agentVersion: DEFAULT_AGENT_VERSION,
    agentConnected: true,
    status: 'ACTIVE',
    imagePullBehavior: 'default',
  };
}

/** A registered container instance, as the agent registers it (index: its place in world.instances). */
export function newContainerInstance(
  world: World,
  type: InstanceType,
  availabilityZone: string,
  setup: InstanceSetup,
  times: { launchedAt: number; registeredAt: number },
  owner?: { capacityProvider: string; purchaseOption: 'on-demand' | 'spot' },
): ContainerInstance {
  const registered = { cpuUnits: registeredCpuUnits(type), memoryMiB: setup.registeredMemoryMiB ?? registeredMemoryMiB(type, setup.reservedMemoryMiB) };
  const index = world.instances.length;
  const instance = registeredContainerInstance({
    index,
    id: instanceId(index + 1),
    instanceType: type.name,
    availabilityZone,
    attributes: { ...builtInAttributes(type.name, availabilityZone, type.architecture), ...setup.attributes },
    status: setup.status,
    agentConnected: setup.agentConnected,
    agentVersion: setup.agentVersion,
    registeredAt: times.registeredAt,
    launchedAt: times.launchedAt,
    registered,
    ports: { tcp: newHostPorts(setup.reservedPorts), udp: newHostPorts(setup.reservedUdpPorts) },
    dynamicPortRange: setup.dynamicHostPortRange,
    // The primary ENI counts toward the limit; trunking gives the type's trunked task limit (DG ENI trunking).
    eniLimit: setup.awsvpcTrunking ? type.trunkedAwsvpcTasks! : type.maxEnis - 1,
    imagePullBehavior: setup.imagePullBehavior,
    capacityProvider: owner?.capacityProvider,
    purchaseOption: owner?.purchaseOption ?? 'on-demand',
  });
  world.instances.push(instance);
  world.instancesById.set(instance.id, instance);
  world.liveInstances.add(instance);
  return instance;
}

/**
 * The world at time 0: the cluster's fixed container instances, registered, its task definitions, target
 * groups and Cloud Map services, and its capacity providers with the instances their Auto Scaling groups
 * already run. Instance groups without an AZ are spread round-robin over the cluster's AZs (one counter
 * across all such groups, so several small groups still spread).
 */
export function buildWorld(spec: ScenarioSpec): World {
  const { clusterName, availabilityZones, containerInstances } = spec.cluster;
  const world = emptyWorld(clusterName, spec.region, availabilityZones);
  for (const td of spec.taskDefinitions) world.taskDefinitions.set(td.key, td);
  for (const group of spec.targetGroups) {
    const services = spec.services.filter((s) => s.loadBalancers.some((lb) => lb.targetGroup === group.name)).map((s) => s.name);
    world.targetGroups.set(group.name, { ...group, targets: new Map(), services });
  }
  for (const name of spec.discoveryServices) world.discovery.set(name, new Set());
  let roundRobin = 0;
  for (const group of containerInstances) {
    const type = instanceType(group.instanceType)!;
    const at = group.registeredAt === undefined ? 0 : group.registeredAt - spec.startEpochMs;
    for (let i = 0; i < group.count; i++) {
      const availabilityZone = group.availabilityZone ?? availabilityZones[roundRobin++ % availabilityZones.length];
      newContainerInstance(world, type, availabilityZone, group, { launchedAt: 0, registeredAt: at });
    }
  }
  for (const p of spec.capacityProviders) {
    const provider = {
      ...p,
      desiredCapacity: p.asg.desiredCapacity,
      launching: [],
      launches: 0,
      reservation: 100,
      instances: [] as ContainerInstance[],
      instanceUse: { inUse: 0, idle: 0 },
      perZone: new Map<string, number>(),
      waiting: [],
      warmupUntil: 0,
      minutesAbove: 0,
      minutesBelow: 0,
    };
    world.capacityProviders.set(p.name, provider);
    const type = instanceType(instanceTypeToLaunch(p.asg, (t) => spec.prices.ec2[t] ?? 0))!;
    for (let i = 0; i < p.asg.desiredCapacity; i++) {
      const availabilityZone = p.asg.availabilityZones[i % p.asg.availabilityZones.length];
      const instance = newContainerInstance(world, type, availabilityZone, defaultSetup(p.asg.attributes), { launchedAt: 0, registeredAt: 0 }, {
        capacityProvider: p.name,
        purchaseOption: p.asg.purchase,
      });
      provider.instances.push(instance);
      countInstanceUse(provider, instance, 1);
      provider.perZone.set(availabilityZone, (provider.perZone.get(availabilityZone) ?? 0) + 1);
    }
  }
  return world;
}

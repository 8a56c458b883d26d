import type { Millis } from '../engine/time.js';
import type { ImagePullBehavior } from './images.js';
import type { HostPorts, PortRange, Protocol } from './ports.js';
import type { Resources } from './resources.js';

export type ContainerInstanceStatus = 'ACTIVE' | 'DRAINING';

/** A container instance as DescribeContainerInstances shows it, plus what the simulator tracks. */
export interface ContainerInstance {
  /** Position in world.instances: the order of every scan, index and final tie-break. */
  index: number;
  /** Per-run readable id, used for both the EC2 instance and the container instance: `i-0001`. */
  id: string;
  instanceType: string;
  availabilityZone: string;
  /** Built-in (`ecs.availability-zone`, `ecs.instance-type`, ...) and custom attributes. */
  attributes: Record<string, string>;
  status: ContainerInstanceStatus;
  agentConnected: boolean;
  agentVersion: string;
  /** When it registered, ms of simulated time (negative: before the run started). */
  registeredAt: Millis;
  registered: Resources;
  remaining: Resources;
  ports: Record<Protocol, HostPorts>;
  dynamicPortRange: PortRange;
  /** How many awsvpc tasks it can host (ENIs less the primary one, or the trunking limit). */
  eniLimit: number;
  enisInUse: number;
  /** Images pulled here (the agent's image cache) and how it pulls (ECS_IMAGE_PULL_BEHAVIOR). */
  images: Set<string>;
  imagePullBehavior: ImagePullBehavior;
  /** Tasks placed here and not yet STOPPED (they hold resources). */
  taskIds: Set<string>;
  /** Those tasks per task group. */
  groupCounts: Map<string, number>;
  runningTasksCount: number;
  pendingTasksCount: number;
  /** Tasks here that are not a DAEMON service's (an instance with none counts as empty for managed scaling). */
  nonDaemonTasks: number;
  launchedAt: Millis;
  terminatedAt?: Millis;
  /** Draining for scale-in (managed draining): it terminates as soon as its tasks are gone. */
  terminateWhenDrained?: boolean;
  /** The Auto Scaling group capacity provider that launched it, if any. */
  capacityProvider?: string;
  purchaseOption: 'on-demand' | 'spot';
}

/** What describes a container instance when it registers; what it holds and runs starts empty. */
export type ContainerInstanceDescription = Omit<
  ContainerInstance,
  'remaining' | 'enisInUse' | 'images' | 'taskIds' | 'groupCounts' | 'runningTasksCount' | 'pendingTasksCount' | 'nonDaemonTasks'
>;

/**
 * A container instance just registered: all its registered resources remaining, no tasks, no images.
 * Every field is written out in one order (no spread): instances are on placement's hot path, and one
 * object shape keeps property access fast.
 */
export function registeredContainerInstance(d: ContainerInstanceDescription): ContainerInstance {
  return {
    index: d.index,
    id: d.id,
    instanceType: d.instanceType,
    availabilityZone: d.availabilityZone,
    attributes: d.attributes,
    status: d.status,
    agentConnected: d.agentConnected,
    agentVersion: d.agentVersion,
    registeredAt: d.registeredAt,
    launchedAt: d.launchedAt,
    registered: d.registered,
    remaining: { ...d.registered },
    ports: d.ports,
    dynamicPortRange: d.dynamicPortRange,
    eniLimit: d.eniLimit,
    enisInUse: 0,
    images: new Set(),
    imagePullBehavior: d.imagePullBehavior,
    taskIds: new Set(),
    groupCounts: new Map(),
    runningTasksCount: 0,
    pendingTasksCount: 0,
    nonDaemonTasks: 0,
    capacityProvider: d.capacityProvider,
    purchaseOption: d.purchaseOption,
  };
}

/** The built-in attributes ECS sets on a Linux EC2 container instance. */
export function builtInAttributes(instanceType: string, availabilityZone: string, architecture: string): Record<string, string> {
  return {
    'ecs.availability-zone': availabilityZone,
    'ecs.instance-type': instanceType,
    'ecs.os-type': 'linux',
    'ecs.os-family': 'LINUX',
    'ecs.cpu-architecture': architecture,
    'ecs.ami-id': 'ami-ecs-optimized',
  };
}

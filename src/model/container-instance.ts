import type { Millis } from '../engine/time.js';
import type { Resources } from './resources.js';

export type ContainerInstanceStatus = 'ACTIVE' | 'DRAINING';

/** A container instance as DescribeContainerInstances shows it, plus what the simulator tracks. */
export interface ContainerInstance {
  /** Per-run readable id, used for both the EC2 instance and the container instance: `i-0001`. */
  id: string;
  instanceType: string;
  availabilityZone: string;
  /** Built-in (`ecs.availability-zone`, `ecs.instance-type`, ...) and custom attributes. */
  attributes: Record<string, string>;
  status: ContainerInstanceStatus;
  agentConnected: boolean;
  registeredAt: Millis;
  registered: Resources;
  remaining: Resources;
  /** Tasks placed here and not yet STOPPED (they hold resources). */
  taskIds: Set<string>;
  runningTasksCount: number;
  pendingTasksCount: number;
  launchedAt: Millis;
  terminatedAt?: Millis;
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

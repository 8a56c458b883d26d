import type { ContainerInstance } from './container-instance.js';
import type { HostPorts } from './ports.js';

type Resource = { name: 'CPU' | 'MEMORY'; type: 'INTEGER'; integerValue: number } | { name: 'PORTS' | 'PORTS_UDP'; type: 'STRINGSET'; stringSetValue: string[] };

/**
 * An instance as DescribeContainerInstances reports it: registered resources, and remaining ones
 * where PORTS lists the reserved ports (the agent's, plus static host ports of tasks; dynamic ports are
 * not listed) (API ContainerInstance).
 */
export function describeContainerInstance(instance: ContainerInstance): {
  ec2InstanceId: string;
  status: string;
  agentConnected: boolean;
  runningTasksCount: number;
  pendingTasksCount: number;
  registeredResources: Resource[];
  remainingResources: Resource[];
} {
  const registeredPorts = (ports: HostPorts) => [...ports.reserved].sort((a, b) => a - b).map(String);
  const reservedPorts = (ports: HostPorts, staticPorts: number[]) => [...new Set([...ports.reserved, ...staticPorts])].sort((a, b) => a - b).map(String);
  const staticOf = (protocol: 'tcp' | 'udp') => [...instance.ports[protocol].staticBound];
  return {
    ec2InstanceId: instance.id,
    status: instance.status,
    agentConnected: instance.agentConnected,
    runningTasksCount: instance.runningTasksCount,
    pendingTasksCount: instance.pendingTasksCount,
    registeredResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: instance.registered.cpuUnits },
      { name: 'MEMORY', type: 'INTEGER', integerValue: instance.registered.memoryMiB },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: registeredPorts(instance.ports.tcp) },
      { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: registeredPorts(instance.ports.udp) },
    ],
    remainingResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: instance.remaining.cpuUnits },
      { name: 'MEMORY', type: 'INTEGER', integerValue: instance.remaining.memoryMiB },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: reservedPorts(instance.ports.tcp, staticOf('tcp')) },
      { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: reservedPorts(instance.ports.udp, staticOf('udp')) },
    ],
  };
}

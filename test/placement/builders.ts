import type { ContainerInstance } from '../../src/model/container-instance.js';
import { builtInAttributes, registeredContainerInstance } from '../../src/model/container-instance.js';
import { DEFAULT_DYNAMIC_PORT_RANGE, DEFAULT_RESERVED_TCP_PORTS, newHostPorts } from '../../src/model/ports.js';
import type { NetworkNeeds } from '../../src/model/task-definition.js';
import { newPlacementState, type PlacementState } from '../../src/placement/placement-state.js';
import type { PlacementConstraint, PlacementRequest, PlacementStrategy } from '../../src/placement/placement-request.js';
import { parseExpression } from '../../src/placement/query-language/parse.js';

/** Test instances: `instance("2048/4096", { az: 'us-east-1a' })` is 2048 CPU units and 4096 MiB registered. */
export function instance(resources = '2048/8192', options: { az?: string; type?: string; attributes?: Record<string, string>; agentVersion?: string; agentConnected?: boolean; eniLimit?: number } = {}): ContainerInstance {
  const [cpuUnits, memoryMiB] = resources.split('/').map(Number);
  const az = options.az ?? 'us-east-1a';
  const type = options.type ?? 'm5.large';
  return registeredContainerInstance({
    index: -1,
    id: '',
    instanceType: type,
    availabilityZone: az,
    attributes: { ...builtInAttributes(type, az, 'x86_64'), ...options.attributes },
    status: 'ACTIVE',
    agentConnected: options.agentConnected ?? true,
    agentVersion: options.agentVersion ?? '1.89.0',
    registeredAt: 0,
    registered: { cpuUnits, memoryMiB },
    ports: { tcp: newHostPorts(DEFAULT_RESERVED_TCP_PORTS), udp: newHostPorts([]) },
    dynamicPortRange: DEFAULT_DYNAMIC_PORT_RANGE,
    eniLimit: options.eniLimit ?? 2,
    imagePullBehavior: 'default',
    launchedAt: 0,
    purchaseOption: 'on-demand',
  });
}

/** A cluster of the given instances, ids i-0001... in order. */
export function cluster(...instances: ContainerInstance[]): PlacementState {
  instances.forEach((inst, i) => {
    inst.index = i;
    inst.id = `i-${String(i + 1).padStart(4, '0')}`;
  });
  return newPlacementState(instances, { startEpochMs: Date.parse('2026-01-01T00:00:00Z') });
}

export const NO_PORTS: NetworkNeeds = { staticPorts: [], dynamicPorts: [], eni: false };

/** `request("512/1024", { strategies: ['spread:attribute:ecs.availability-zone', 'binpack:memory'] })` */
export function request(
  resources: string,
  options: { group?: string; strategies?: string[]; constraints?: (string | PlacementConstraint)[]; network?: Partial<NetworkNeeds> } = {},
): PlacementRequest {
  const [cpuUnits, memoryMiB] = resources.split('/').map(Number);
  return {
    group: options.group ?? 'family:app',
    need: { cpuUnits, memoryMiB },
    network: { ...NO_PORTS, ...options.network },
    constraints: (options.constraints ?? []).map((c) => (typeof c === 'string' ? memberOf(c) : c)),
    strategies: (options.strategies ?? []).map(strategy),
  };
}

export function memberOf(expression: string): PlacementConstraint {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new Error(`bad expression ${expression}: ${parsed.message}`);
  return { type: 'memberOf', expression, parsed: parsed.expression };
}

/** `binpack:memory`, `spread:attribute:ecs.availability-zone`, `spread:instanceId`, `random`. */
export function strategy(text: string): PlacementStrategy {
  const [type, ...rest] = text.split(':');
  if (type === 'random') return { type: 'random' };
  if (type === 'binpack') return { type: 'binpack', field: rest[0] as 'cpu' | 'memory' };
  return { type: 'spread', field: rest.join(':') };
}

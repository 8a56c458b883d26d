import type { ContainerInstance } from '../../model/container-instance.js';
import { findDynamicPorts, isFree, MAX_RESERVED_PORTS, type HostPorts } from '../../model/ports.js';
import type { PlacementRequest, Rejection } from '../placement-request.js';

const PORT_IN_USE: Rejection = { reason: 'RESOURCE:PORTS', shortfall: 1, message: 'is already using a port required by your task' };
const TOO_MANY_PORTS: Rejection = { reason: 'RESOURCE:PORTS', shortfall: 1, message: 'has too many ports registered (at most 100 reserved ports)' };
const NO_DYNAMIC_PORT: Rejection = { reason: 'RESOURCE:PORTS', shortfall: 1, message: 'has no free port left in its dynamic host port range' };

/**
 * Port fit: every static host port free (not reserved by the agent, not bound by another task), at
 * most 100 reserved ports including the new static ones, and room in the dynamic range for the
 * dynamic ones (DG task definition parameters: portMappings; service event messages).
 */
const PROTOCOLS = ['tcp', 'udp'] as const;
const NO_PROTOCOLS: readonly ('tcp' | 'udp')[] = [];

export function portFit(request: PlacementRequest, instance: ContainerInstance): Rejection | undefined {
  const { staticPorts, dynamicPorts } = request.network;
  if (staticPorts.length === 0 && dynamicPorts.length === 0) return undefined;
  for (const protocol of staticPorts.length === 0 ? NO_PROTOCOLS : PROTOCOLS) {
    const ports = instance.ports[protocol];
    const wanted = staticPorts.filter((p) => p.protocol === protocol);
    if (wanted.some((p) => !isFree(ports, p.hostPort))) return PORT_IN_USE;
    if (wanted.length > 0 && ports.reserved.size + ports.staticBound.size + wanted.length > MAX_RESERVED_PORTS) return TOO_MANY_PORTS;
  }
  if (dynamicPorts.length > 0 && !dynamicPortsFit(request, instance)) return NO_DYNAMIC_PORT;
  return undefined;
}

/** Tries the agent's assignment on a scratch copy of the bound set (the common single-port case needs no copy). */
function dynamicPortsFit(request: PlacementRequest, instance: ContainerInstance): boolean {
  const { dynamicPorts } = request.network;
  if (dynamicPorts.length === 1 && request.network.staticPorts.length === 0) {
    const need = dynamicPorts[0];
    return findDynamicPorts(instance.ports[need.protocol], instance.dynamicPortRange, need.count) !== undefined;
  }
  const scratch: Record<string, HostPorts> = {
    tcp: { ...instance.ports.tcp, bound: new Set(instance.ports.tcp.bound) },
    udp: { ...instance.ports.udp, bound: new Set(instance.ports.udp.bound) },
  };
  for (const p of request.network.staticPorts) scratch[p.protocol].bound.add(p.hostPort);
  for (const need of dynamicPorts) {
    const ports = scratch[need.protocol];
    const first = findDynamicPorts(ports, instance.dynamicPortRange, need.count);
    if (first === undefined) return false;
    for (let p = first; p < first + need.count; p++) ports.bound.add(p);
    ports.lastDynamic = first + need.count - 1;
  }
  return true;
}

/**
 * Host ports on a container instance: the agent's reserved ports, static host ports that tasks
 * reserve, and dynamic host ports the agent assigns from its ephemeral range.
 */

import type { Resources } from './resources.js';

export type Protocol = 'tcp' | 'udp';

/** A host port bound for a task, shaped like DescribeTasks' networkBindings. */
export interface NetworkBinding {
  containerName: string;
  containerPort: number;
  hostPort: number;
  protocol: Protocol;
}

/** What one task holds on its instance, to give back when it stops. */
export interface Claim {
  group: string;
  resources: Resources;
  bindings: NetworkBinding[];
  /** Static host ports (they count toward the 100 reserved-port limit). */
  staticPorts: { port: number; protocol: Protocol }[];
  eni: boolean;
}

/** ECS_RESERVED_PORTS as the developer guide lists it: SSH, the Docker daemon, the agent (51678-51680). */
export const DEFAULT_RESERVED_TCP_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679, 51680];
/** ECS_RESERVED_PORTS_UDP defaults to none. */
export const DEFAULT_RESERVED_UDP_PORTS: readonly number[] = [];
/** At most 100 reserved host ports per instance, the agent's reserved ports included (DG task definition parameters). */
export const MAX_RESERVED_PORTS = 100;
/** The Linux kernel's default ip_local_port_range, which the agent assigns dynamic host ports from. */
export const DEFAULT_DYNAMIC_PORT_RANGE: PortRange = { first: 32768, last: 60999 };

export interface PortRange {
  first: number;
  last: number;
}

/** Ports in use on one instance for one protocol. */
export interface HostPorts {
  /** Agent-reserved ports (never bound by tasks). */
  reserved: Set<number>;
  /** Ports bound by tasks: static and dynamic. */
  bound: Set<number>;
  /** The static host ports among `bound` (they count toward MAX_RESERVED_PORTS). */
  staticBound: Set<number>;
  /** The dynamic port the agent assigned last; the next search starts one above it. */
  lastDynamic: number | undefined;
}

export function newHostPorts(reserved: readonly number[]): HostPorts {
  return { reserved: new Set(reserved), bound: new Set(), staticBound: new Set(), lastDynamic: undefined };
}

export function isFree(ports: HostPorts, port: number): boolean {
  return !ports.reserved.has(port) && !ports.bound.has(port);
}

/**
 * The agent's dynamic port search: start one above the last assigned port (the range start the first
 * time), take the first run of `count` consecutive free ports, wrapping to the range start after the
 * range end. Returns the first port of the run, or undefined when the range has no such run.
 * (amazon-ecs-agent, agent/utils/ephemeral_ports.go.)
 */
export function findDynamicPorts(ports: HostPorts, range: PortRange, count = 1): number | undefined {
  const size = range.last - range.first + 1;
  if (count > size) return undefined;
  const start = ports.lastDynamic === undefined || ports.lastDynamic >= range.last || ports.lastDynamic < range.first ? range.first : ports.lastDynamic + 1;
  for (let step = 0; step < size; step++) {
    const first = range.first + ((start - range.first + step) % size);
    if (first + count - 1 > range.last) continue;
    let ok = true;
    for (let p = first; p < first + count && ok; p++) ok = isFree(ports, p);
    if (ok) return first;
  }
  return undefined;
}

/** Parses "32768-60999" or "8000" into a range; undefined when malformed or outside 1-65535. */
export function parsePortRange(text: string): PortRange | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return first >= 1 && last <= 65535 && first <= last ? { first, last } : undefined;
}

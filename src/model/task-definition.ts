/** Task definitions at run time: what a task asks of an instance, resolved from the AWS input shape. */

export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';
export type Compatibility = 'EC2' | 'FARGATE' | 'EXTERNAL';

export interface PortMapping {
  containerPort?: number;
  /** 0 or absent in bridge mode: a dynamic host port. */
  hostPort?: number;
  protocol: 'tcp' | 'udp';
  containerPortRange?: string;
}

export interface ContainerDefinition {
  name: string;
  image: string;
  /** Docker CPU shares; absent or 0 reserves nothing for placement. */
  cpuUnits: number;
  /** Hard limit, MiB. */
  memoryMiB?: number;
  /** Soft limit, MiB: what placement subtracts when it is set. */
  memoryReservationMiB?: number;
  essential: boolean;
  portMappings: PortMapping[];
  /** The container health check (Docker HEALTHCHECK), when the definition has one. */
  healthCheck?: ContainerHealthCheck;
  /** Seconds between SIGTERM and SIGKILL (default 30 s; at most 120 s on Fargate), in ms. */
  stopTimeoutMs?: number;
  /** repositoryCredentials.credentialsParameter: a secret with the private registry's login. */
  repositoryCredentials?: string;
  /** How many secrets (environment from Secrets Manager / Parameter Store) it reads at start. */
  secrets: number;
}

/** Container health check parameters, in ms (DG task definition parameters: healthCheck). */
export interface ContainerHealthCheck {
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

/** A host port a task reserves on its instance whatever the instance (bridge hostPort > 0, host mode). */
export interface StaticPortNeed {
  container: string;
  containerPort: number;
  hostPort: number;
  protocol: 'tcp' | 'udp';
}

/** Host ports the agent assigns from its dynamic range: one, or a contiguous run for a containerPortRange. */
export interface DynamicPortNeed {
  container: string;
  /** The container port, or the first of a containerPortRange. */
  containerPort: number;
  count: number;
  protocol: 'tcp' | 'udp';
}

/** What a task needs of an instance's network: host ports and, in awsvpc mode, an ENI. */
export interface NetworkNeeds {
  staticPorts: StaticPortNeed[];
  dynamicPorts: DynamicPortNeed[];
  /** awsvpc tasks get an elastic network interface of their own. */
  eni: boolean;
}

export interface TaskDefinition {
  /** `family:revision`, the short form of the task definition ARN. */
  key: string;
  family: string;
  revision: number;
  networkMode: NetworkMode;
  requiresCompatibilities: Compatibility[];
  /** Task-level cpu/memory when given (required on Fargate). */
  taskCpuUnits?: number;
  taskMemoryMiB?: number;
  containers: ContainerDefinition[];
  /** What placement reserves on an instance for one task. */
  reservation: { cpuUnits: number; memoryMiB: number };
  network: NetworkNeeds;
  /** The role the containers' AWS calls use, and the role the agent uses to pull images and read secrets. */
  taskRoleArn?: string;
  executionRoleArn?: string;
  /** Fargate ephemeral storage, GiB (20 included; 21 to 200 when set). */
  ephemeralStorageGiB: number;
  /** ARM64 (Graviton) or X86_64: it sets the Fargate price. */
  cpuArchitecture: 'X86_64' | 'ARM64';
  /** memberOf constraints of the task definition (cluster query language expressions). */
  placementConstraints: { type: 'memberOf'; expression: string }[];
}

/**
 * Host ports and ENIs a task of this definition needs (DG task definition parameters, port mappings):
 * bridge maps `hostPort` > 0 statically and `hostPort` 0 or absent to a dynamic port (a
 * containerPortRange to a contiguous dynamic run); host mode binds `containerPort` itself; awsvpc gives
 * the task its own ENI, so it binds nothing on the instance; none has no ports.
 */
export function networkNeeds(networkMode: NetworkMode, containers: readonly ContainerDefinition[]): NetworkNeeds {
  const needs: NetworkNeeds = { staticPorts: [], dynamicPorts: [], eni: networkMode === 'awsvpc' };
  if (networkMode === 'awsvpc' || networkMode === 'none') return needs;
  for (const c of containers) {
    for (const m of c.portMappings) {
      const range = m.containerPortRange ? m.containerPortRange.split('-').map(Number) : undefined;
      if (networkMode === 'host') {
        const ports = range ? Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i) : [m.hostPort || m.containerPort!];
        for (const port of ports) needs.staticPorts.push({ container: c.name, containerPort: port, hostPort: port, protocol: m.protocol });
      } else if (range) {
        needs.dynamicPorts.push({ container: c.name, containerPort: range[0], count: range[1] - range[0] + 1, protocol: m.protocol });
      } else if (m.hostPort) {
        needs.staticPorts.push({ container: c.name, containerPort: m.containerPort!, hostPort: m.hostPort, protocol: m.protocol });
      } else if (m.containerPort !== undefined) {
        needs.dynamicPorts.push({ container: c.name, containerPort: m.containerPort, count: 1, protocol: m.protocol });
      }
    }
  }
  return needs;
}

/**
 * The CPU and memory a task reserves on a container instance.
 * Task-level values when set; otherwise the sums over containers, a container counting its
 * `memoryReservation` (soft limit) when set and its `memory` (hard limit) otherwise.
 * (ECS developer guide, task definition parameters; INFERRED for the task-level case, docs/fidelity.md.)
 */
export function taskReservation(
  taskCpuUnits: number | undefined,
  taskMemoryMiB: number | undefined,
  containers: readonly ContainerDefinition[],
): { cpuUnits: number; memoryMiB: number } {
  const cpuUnits = taskCpuUnits ?? containers.reduce((sum, c) => sum + c.cpuUnits, 0);
  const memoryMiB = taskMemoryMiB ?? containers.reduce((sum, c) => sum + (c.memoryReservationMiB ?? c.memoryMiB ?? 0), 0);
  return { cpuUnits, memoryMiB };
}

/**
 * Task-level `cpu` as RegisterTaskDefinition takes it: CPU units as a number or numeric string
 * (`"256"`), or vCPUs (`"1 vCPU"`, `"0.25 vcpu"`). Undefined when the text is neither.
 */
export function parseTaskCpu(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(text);
  return vcpu ? Math.round(Number(vcpu[1]) * 1024) : undefined;
}

/** Task-level `memory`: MiB as a number or numeric string (`"512"`), or GB (`"1 GB"`, `"0.5GB"`, 1 GB = 1024 MiB). */
export function parseTaskMemory(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const gb = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(text);
  return gb ? Math.round(Number(gb[1]) * 1024) : undefined;
}

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

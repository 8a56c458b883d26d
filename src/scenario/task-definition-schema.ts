import {
  parseTaskCpu,
  parseTaskMemory,
  type Compatibility,
  type ContainerDefinition,
  type NetworkMode,
  type PortMapping,
} from '../model/task-definition.js';
import { invalidFargateSize, isValidFargateSize } from '../model/fargate.js';
import type { PlacementConstraint } from '../placement/placement-request.js';
import { taskDefinitionConstraintsSchema } from './placement-schema.js';
import { array, boolean, doc, either, integer, INVALID, object, oneOf, optional, refine, string, withDefault, type Schema } from './schema/index.js';

/** The RegisterTaskDefinition input, as `aws ecs register-task-definition --cli-input-json` takes it. */
export interface TaskDefinitionSpec {
  family: string;
  /** The revision to register as (describe-task-definition output carries it); else the family's next. */
  revision?: number;
  networkMode: NetworkMode;
  requiresCompatibilities: Compatibility[];
  cpu?: number;
  memory?: number;
  containerDefinitions: ContainerDefinition[];
  placementConstraints: PlacementConstraint[];
  taskRoleArn?: string;
  executionRoleArn?: string;
  runtimePlatform?: { cpuArchitecture: 'X86_64' | 'ARM64'; operatingSystemFamily: string };
  ephemeralStorage?: { sizeInGiB: number };
}

const aws = { unknownKeys: 'note' } as const;

const portMapping: Schema<PortMapping> = object(
  {
    containerPort: optional(integer({ min: 0, max: 65535 })),
    hostPort: optional(integer({ min: 0, max: 65535 })),
    protocol: withDefault(oneOf(['tcp', 'udp']), 'tcp'),
    containerPortRange: optional(string({ pattern: /^\d+-\d+$/, expected: 'a port range such as "8000-8010"' })),
  },
  { ...aws, ignoredKeys: ['name', 'appProtocol'] },
);

/** Container healthCheck: interval 5-300 s (30), timeout 2-60 s (5), retries 1-10 (3), startPeriod 0-300 s (0). */
const healthCheck = refine(
  object(
    {
      command: array(string(), { min: 1 }),
      interval: withDefault(integer({ min: 5, max: 300 }), 30),
      timeout: withDefault(integer({ min: 2, max: 60 }), 5),
      retries: withDefault(integer({ min: 1, max: 10 }), 3),
      startPeriod: withDefault(integer({ min: 0, max: 300 }), 0),
    },
    aws,
  ),
  (h) => ({ intervalMs: h.interval * 1000, timeoutMs: h.timeout * 1000, retries: h.retries, startPeriodMs: h.startPeriod * 1000 }),
);

const containerDefinition = refine(
  object(
    {
      name: string({ minLength: 1, maxLength: 255 }),
      image: string({ minLength: 1 }),
      cpu: withDefault(integer({ min: 0 }), 0),
      memory: optional(integer({ min: 1 })),
      memoryReservation: optional(integer({ min: 1 })),
      essential: withDefault(boolean(), true),
      portMappings: withDefault(array(portMapping), []),
      healthCheck: optional(healthCheck),
      stopTimeout: optional(integer({ min: 0, max: 120 })),
      repositoryCredentials: optional(object({ credentialsParameter: string({ minLength: 1 }) }, aws)),
      secrets: withDefault(array(object({ name: string({ minLength: 1 }), valueFrom: string({ minLength: 1 }) }, aws)), []),
    },
    aws,
  ),
  (c, path, ctx): ContainerDefinition | typeof INVALID => {
    // Docker 20.10+ needs at least 6 MiB per container (ECS task definition parameters).
    for (const key of ['memory', 'memoryReservation'] as const) {
      const value = c[key];
      if (value !== undefined && value < 6) return ctx.error(`${path}.${key}`, `Invalid '${key}' setting for container '${c.name}'. Minimum: 6 MiB`);
    }
    if (c.memory !== undefined && c.memoryReservation !== undefined && c.memory <= c.memoryReservation) {
      return ctx.error(
        `${path}.memoryReservation`,
        `Invalid setting for container '${c.name}'. 'memory' (${c.memory}) must be greater than 'memoryReservation' (${c.memoryReservation})`,
      );
    }
    return {
      name: c.name,
      image: c.image,
      cpuUnits: c.cpu,
      memoryMiB: c.memory,
      memoryReservationMiB: c.memoryReservation,
      essential: c.essential,
      portMappings: c.portMappings,
      healthCheck: c.healthCheck,
      stopTimeoutMs: c.stopTimeout === undefined ? undefined : c.stopTimeout * 1000,
      repositoryCredentials: c.repositoryCredentials?.credentialsParameter,
      secrets: c.secrets.length,
    };
  },
);

const cpuOrMemoryText = either(integer({ min: 1 }), string({ minLength: 1 }), 'a number or a string such as "1024", "1 vCPU" or "2 GB"');

/** Task-level `cpu` (task definitions and RunTask's overrides), in CPU units. */
export const taskCpu = refine(cpuOrMemoryText, (value, path, ctx) => {
  const units = parseTaskCpu(value);
  // RegisterTaskDefinition: task-level cpu on EC2 is 128 (0.125 vCPU) to 196608 (192 vCPU) units.
  if (units === undefined || units < 128 || units > 196_608) {
    return ctx.error(path, `expected CPU units from 128 to 196608 ("256", "1 vCPU", ...), got ${JSON.stringify(value)}`);
  }
  return units;
});

/** Task-level `memory` (task definitions and RunTask's overrides), in MiB. */
export const taskMemory = refine(cpuOrMemoryText, (value, path, ctx) => {
  const mib = parseTaskMemory(value);
  if (mib === undefined || mib < 6) return ctx.error(path, `expected memory in MiB ("512") or GB ("1 GB"), got ${JSON.stringify(value)}`);
  return mib;
});

export const taskDefinitionSchema: Schema<TaskDefinitionSpec> = doc(
  refine(
    object(
      {
        family: string({ minLength: 1, maxLength: 255, pattern: /^[A-Za-z0-9_-]+$/, expected: 'a family name of letters, numbers, hyphens and underscores' }),
        revision: optional(
          doc(integer({ min: 1 }), 'Not a RegisterTaskDefinition input: the revision describe-task-definition printed. Registered at that revision (so family:revision and ARNs find it); later entries of the family continue from it.'),
        ),
        networkMode: withDefault(oneOf(['bridge', 'host', 'awsvpc', 'none'] as const), 'bridge'),
        requiresCompatibilities: withDefault(array(oneOf(['EC2', 'FARGATE', 'EXTERNAL'] as const)), []),
        cpu: optional(taskCpu),
        memory: optional(taskMemory),
        containerDefinitions: array(containerDefinition, { min: 1, max: 10, what: 'container definitions' }),
        placementConstraints: withDefault(taskDefinitionConstraintsSchema, []),
        taskRoleArn: optional(string({ minLength: 1 })),
        executionRoleArn: optional(string({ minLength: 1 })),
        ephemeralStorage: optional(object({ sizeInGiB: integer({ min: 21, max: 200 }) }, aws)),
        runtimePlatform: optional(
          object({ cpuArchitecture: withDefault(oneOf(['X86_64', 'ARM64'] as const), 'X86_64'), operatingSystemFamily: withDefault(string(), 'LINUX') }, aws),
        ),
      },
      aws,
    ),
    (td, path, ctx): TaskDefinitionSpec | typeof INVALID => {
      let ok = true;
      td.containerDefinitions.forEach((c, i) => {
        const at = `${path}.containerDefinitions[${i}]`;
        // Without task-level memory every container needs a hard or soft limit (RegisterTaskDefinition).
        if (td.memory === undefined && c.memoryMiB === undefined && c.memoryReservationMiB === undefined) {
          ctx.error(at, `Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
          ok = false;
        }
        if (td.networkMode === 'none' && c.portMappings.length > 0) {
          ctx.error(`${at}.portMappings`, 'Port mappings are not allowed when networkMode=none.');
          ok = false;
        }
        c.portMappings.forEach((p, j) => {
          const problem = portMappingProblem(td.networkMode, p);
          if (problem) {
            ctx.error(`${at}.portMappings[${j}]${problem.field ? `.${problem.field}` : ''}`, problem.message);
            ok = false;
          }
        });
      });
      if (td.requiresCompatibilities.includes('FARGATE')) {
        if (td.networkMode !== 'awsvpc') {
          ctx.error(`${path}.networkMode`, "Fargate only supports network mode 'awsvpc'.");
          ok = false;
        } else if (td.cpu === undefined || td.memory === undefined || !isValidFargateSize(td.cpu, td.memory)) {
          ctx.error(td.cpu === undefined ? `${path}.cpu` : `${path}.memory`, invalidFargateSize(td.cpu, td.memory));
          ok = false;
        }
      }
      const containerCpu = td.containerDefinitions.reduce((sum, c) => sum + c.cpuUnits, 0);
      if (td.cpu !== undefined && containerCpu > td.cpu) {
        ctx.error(`${path}.cpu`, `The sum of container cpu (${containerCpu}) must not exceed the task cpu (${td.cpu}).`);
        ok = false;
      }
      return ok ? td : INVALID;
    },
  ),
  'A RegisterTaskDefinition input (the JSON `aws ecs register-task-definition --cli-input-json` takes). Fields ecsim does not simulate are accepted and listed as notes.',
);

/** What RegisterTaskDefinition would say of one port mapping, or undefined when it is valid. */
function portMappingProblem(networkMode: string, p: PortMapping): { field?: string; message: string } | undefined {
  if (p.containerPortRange !== undefined) {
    const [first, last] = p.containerPortRange.split('-').map(Number);
    if (!(first >= 1 && first <= last && last <= 65535)) return { field: 'containerPortRange', message: `expected a port range such as "8000-8010", got "${p.containerPortRange}"` };
    if (p.containerPort !== undefined || p.hostPort !== undefined) {
      return { message: 'A port mapping with containerPortRange cannot also set containerPort or hostPort.' };
    }
    return undefined;
  }
  if (p.containerPort === undefined) return { field: 'containerPort', message: 'required: a port mapping needs containerPort or containerPortRange' };
  if (p.hostPort !== undefined && p.hostPort !== 0 && (networkMode === 'awsvpc' || networkMode === 'host') && p.hostPort !== p.containerPort) {
    return { field: 'hostPort', message: `When networkMode=${networkMode}, the host ports and container ports in port mappings must match.` };
  }
  return undefined;
}

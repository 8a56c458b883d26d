import { parse as parseYaml, YAMLParseError } from 'yaml';
import { networkNeeds, taskReservation, type TaskDefinition } from '../model/task-definition.js';
import { instanceType } from '../model/instance-types.js';
import { SERVICE_DEFAULT_STRATEGIES } from '../placement/defaults.js';
import { MAX_CONSTRAINTS } from './placement-schema.js';
import { resolveAutoScaling } from './resolve-auto-scaling.js';
import type { ReadFile } from './read-scenario-file.js';
import { resolvePrices } from './resolve-prices.js';
import { fargateProviders, resolveCapacityProviders, resolveLaunch, type CapacityProviderSpec } from './resolve-capacity.js';
import { findTaskDefinition } from './find-task-definition.js';
import { launchFits } from './launch-fits.js';
import { resolveRunTasks } from './resolve-run-tasks.js';
import { scenarioSchema, type ScenarioFile } from './scenario-schema.js';
import { expandFileReferences, relabelProblemsSince } from './file-references.js';
import { classicTargetGroup, loadBalancerProblem, resolveLoadBalancing, targetGroupName } from './resolve-load-balancing.js';
import type { ScenarioSpec, ServiceSpec, TargetGroupSpec, TaskBehavior, TaskBehaviorRule, TimelineAction } from './scenario-spec.js';
import { INVALID, ParseContext, type Problem } from './schema/index.js';

/** ECS service quota: container instances per cluster (adjustable on request, so only a note). */
export const CONTAINER_INSTANCES_QUOTA = 5000;

export { findTaskDefinition };

export type LoadResult = { ok: true; spec: ScenarioSpec } | { ok: false; errors: Problem[] };

/** `readFile` reads files the scenario names (AWS inputs, request traces, pod traces), by the path it writes. */
export interface LoadOptions {
  readFile?: ReadFile;
}

/** Parses scenario text (YAML, of which JSON is a subset) into a validated, resolved ScenarioSpec. */
export function loadScenario(text: string, options: LoadOptions = {}): LoadResult {
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, errors: [{ path: '', message: `invalid YAML at line ${line}, column ${col}: ${message}` }] };
    }
    throw error;
  }
  return parseScenario(value, options);
}

/** Validates an already-parsed scenario object (from YAML, JSON or code). */
export function parseScenario(value: unknown, options: LoadOptions = {}): LoadResult {
  const ctx = new ParseContext();
  const expanded = expandFileReferences(value, ctx, options.readFile);
  // Problems found from here on are at expanded paths: relabelled as the places the user wrote.
  const mark = { errors: ctx.errors.length, notes: ctx.notes.length };
  const file = scenarioSchema.parse(expanded.value, '', ctx);
  const spec = file === INVALID || mark.errors > 0 ? INVALID : resolve(file, ctx, options);
  relabelProblemsSince(ctx, mark, expanded.origins);
  return spec === INVALID ? { ok: false, errors: ctx.errors } : { ok: true, spec };
}

/** Resolves names across sections: task definition revisions, AZs, defaults that depend on others. */
function resolve(file: ScenarioFile, ctx: ParseContext, options: LoadOptions): ScenarioSpec | typeof INVALID {
  const groupZones = file.cluster.containerInstances.map((g) => g.availabilityZone).filter((z): z is string => z !== undefined);
  const availabilityZones =
    file.cluster.availabilityZones ?? (groupZones.length > 0 ? [...new Set(groupZones)].sort() : ['a', 'b', 'c'].map((s) => `${file.region}${s}`));
  file.cluster.containerInstances.forEach((g, i) => {
    if (g.awsvpcTrunking && instanceType(g.instanceType)?.trunkedAwsvpcTasks === undefined) {
      ctx.error(`cluster.containerInstances[${i}].awsvpcTrunking`, `instance type ${g.instanceType} does not support ENI trunking`);
    }
    if (g.availabilityZone !== undefined && !availabilityZones.includes(g.availabilityZone)) {
      ctx.error(
        `cluster.containerInstances[${i}].availabilityZone`,
        `expected one of the cluster's availabilityZones (${availabilityZones.join(', ')}), got "${g.availabilityZone}"`,
      );
    }
  });

  const instanceCount = file.cluster.containerInstances.reduce((n, g) => n + g.count, 0);
  if (instanceCount > CONTAINER_INSTANCES_QUOTA) {
    ctx.note('cluster.containerInstances', `${instanceCount} container instances: above ECS's default quota of ${CONTAINER_INSTANCES_QUOTA} per cluster (simulated anyway)`);
  }
  const taskDefinitions = registerRevisions(file, ctx);
  const capacityProviders = resolveCapacityProviders(file, availabilityZones, ctx);
  const runTasks = resolveRunTasks(file, taskDefinitions, capacityProviders, ctx, options.readFile);
  const taskDefinitionConstraints = Object.fromEntries(
    taskDefinitions.map((td, i) => [td.key, file.taskDefinitions[i].placementConstraints]),
  );
  const { loadBalancers, targetGroups } = resolveLoadBalancing(file, ctx);
  const services = resolveServices(file, taskDefinitions, targetGroups, capacityProviders, ctx);
  const timeline = resolveTimeline(file, taskDefinitions, availabilityZones, ctx);
  const taskBehavior = resolveTaskBehavior(file, taskDefinitions, ctx);
  const prices = resolvePrices(file, ctx);
  const serviceTargetGroups = new Map(services.map((s) => [s.name, s.loadBalancers.map((lb) => lb.targetGroup)]));
  const { serviceLoad, loadBalancerRequests, serviceAutoScaling } = resolveAutoScaling(file, { loadBalancers, capacityProviders, serviceTargetGroups }, ctx, options.readFile);
  if (ctx.errors.length > 0) return INVALID;

  return {
    name: file.name,
    description: file.description,
    seed: file.seed,
    durationMs: file.duration,
    region: file.region,
    startEpochMs: file.startTime,
    cluster: { clusterName: file.cluster.clusterName, availabilityZones, containerInstances: file.cluster.containerInstances },
    capacityProviders,
    fargateProviders: fargateProviders(file),
    capacityKnobs: file.simulation.capacity,
    resultsKnobs: file.simulation.results,
    prices,
    serviceLoad,
    loadBalancerRequests,
    serviceAutoScaling,
    taskDefinitions,
    taskDefinitionConstraints,
    services,
    discoveryServices: resolveDiscovery(file, ctx),
    loadBalancers,
    targetGroups,
    runTasks,
    taskBehavior,
    timeline,
    taskStateDurations: file.simulation.taskStateDurations,
    serviceKnobs: file.simulation.services,
    registries: Object.fromEntries(
      Object.entries(file.containerImages.registries).map(([kind, r]) => [kind, { bandwidthMiBps: r.bandwidthMiBps, latencyMs: r.latency }]),
    ) as ScenarioSpec['registries'],
    images: new Map(file.containerImages.images.map((i) => [i.image, i])),
    notes: ctx.notes,
  };
}

/** Each entry registers the next revision of its family, in file order (as RegisterTaskDefinition does), or the revision it gives. */
function registerRevisions(file: ScenarioFile, ctx: ParseContext): TaskDefinition[] {
  const revisions = new Map<string, number>();
  return file.taskDefinitions.map((td, i) => {
    const latest = revisions.get(td.family) ?? 0;
    if (td.revision !== undefined && td.revision <= latest) {
      ctx.error(`taskDefinitions[${i}].revision`, `expected a revision above ${latest}: ${td.family}:${latest} is registered by an earlier entry`);
    }
    const revision = td.revision ?? latest + 1;
    revisions.set(td.family, revision);
    return {
      key: `${td.family}:${revision}`,
      family: td.family,
      revision,
      networkMode: td.networkMode,
      requiresCompatibilities: td.requiresCompatibilities,
      taskCpuUnits: td.cpu,
      taskMemoryMiB: td.memory,
      containers: td.containerDefinitions,
      reservation: taskReservation(td.cpu, td.memory, td.containerDefinitions),
      network: networkNeeds(td.networkMode, td.containerDefinitions),
      taskRoleArn: td.taskRoleArn,
      cpuArchitecture: td.runtimePlatform?.cpuArchitecture ?? 'X86_64',
      ephemeralStorageGiB: td.ephemeralStorage?.sizeInGiB ?? 20,
      executionRoleArn: td.executionRoleArn,
      placementConstraints: td.placementConstraints.map((c) => ({ type: 'memberOf' as const, expression: (c as { expression: string }).expression })),
    };
  });
}

/** CreateService defaults: REPLICA 100% / 200%; DAEMON 0% / 100% (API defaults; DG services). */
function resolveServices(
  file: ScenarioFile,
  taskDefinitions: TaskDefinition[],
  targetGroups: TargetGroupSpec[],
  capacityProviders: CapacityProviderSpec[],
  ctx: ParseContext,
): ServiceSpec[] {
  const seen = new Set<string>();
  return file.services.flatMap((s, i) => {
    const path = `services[${i}]`;
    if (seen.has(s.serviceName)) ctx.error(`${path}.serviceName`, `a service named "${s.serviceName}" is already defined`);
    seen.add(s.serviceName);
    const td = resolveTaskDefinition(taskDefinitions, s.taskDefinition, `${path}.taskDefinition`, ctx);
    if (!td) return [];
    const capacityProviderStrategy = resolveLaunch(s, path, file, capacityProviders, ctx);
    launchFits(td, capacityProviderStrategy, s, path, ctx);
    const tdConstraints = file.taskDefinitions[taskDefinitions.indexOf(td)].placementConstraints.length;
    if (tdConstraints + s.placementConstraints.length > MAX_CONSTRAINTS) {
      ctx.error(`${path}.placementConstraints`, `at most ${MAX_CONSTRAINTS} placement constraints per task, task definition and service together; got ${tdConstraints + s.placementConstraints.length}`);
    }
    const loadBalancers = s.loadBalancers.flatMap((lb, j) => {
      const at = `${path}.loadBalancers[${j}]`;
      let group: TargetGroupSpec | undefined;
      if (lb.targetGroupArn !== undefined) {
        group = targetGroups.find((t) => t.name === targetGroupName(lb.targetGroupArn!));
        if (!group) ctx.error(`${at}.targetGroupArn`, `unknown target group "${lb.targetGroupArn}" (target groups: ${targetGroups.map((t) => t.name).join(', ') || 'none'})`);
      } else if (lb.loadBalancerName !== undefined) {
        group = targetGroups.find((t) => t.name === lb.loadBalancerName);
        if (!group) {
          group = classicTargetGroup(file.region, lb.loadBalancerName);
          targetGroups.push(group);
          ctx.note(`${at}.loadBalancerName`, `Classic Load Balancer ${lb.loadBalancerName}: simulated with the Classic health check defaults`);
        }
      } else {
        ctx.error(at, 'expected targetGroupArn or loadBalancerName');
      }
      if (!group) return [];
      const problem = loadBalancerProblem(td, group, lb.containerName, lb.containerPort);
      if (problem) ctx.error(at, problem);
      return [{ targetGroup: group.name, containerName: lb.containerName, containerPort: lb.containerPort }];
    });
    const daemon = s.schedulingStrategy === 'DAEMON';
    const d = s.deploymentConfiguration;
    return [
      {
        name: s.serviceName,
        taskDefinition: td.key,
        desiredCount: s.desiredCount ?? 0,
        schedulingStrategy: s.schedulingStrategy,
        launchType: 'EC2',
        capacityProviderStrategy,
        strategies: s.placementStrategy ?? [...SERVICE_DEFAULT_STRATEGIES],
        constraints: s.placementConstraints,
        deploymentConfiguration: {
          minimumHealthyPercent: d?.minimumHealthyPercent ?? (daemon ? 0 : 100),
          maximumPercent: d?.maximumPercent ?? (daemon ? 100 : 200),
          circuitBreaker: d?.deploymentCircuitBreaker ?? { enable: false, rollback: false },
        },
        healthCheckGracePeriodMs: s.healthCheckGracePeriodSeconds * 1000,
        loadBalancers,
        registry: resolveRegistry(file, s.serviceRegistries[0]?.registryArn, `${path}.serviceRegistries[0].registryArn`, ctx),
      },
    ];
  });
}

/** A service registry names a Cloud Map service by name, or by an ARN ending in its Id. */
function resolveRegistry(file: ScenarioFile, reference: string | undefined, path: string, ctx: ParseContext): string | undefined {
  if (reference === undefined) return undefined;
  const { services } = file.serviceDiscovery;
  const id = reference.split('/').at(-1);
  const found = services.find((s) => s.Name === reference || (s.Id !== undefined && s.Id === id));
  if (!found) {
    ctx.error(path, `unknown Cloud Map service "${reference}" (serviceDiscovery.services: ${services.map((s) => s.Name).join(', ') || 'none'})`);
    return undefined;
  }
  return `${found.Namespace}/${found.Name}`;
}

function resolveTimeline(file: ScenarioFile, taskDefinitions: TaskDefinition[], zones: string[], ctx: ParseContext): TimelineAction[] {
  const services = new Set(file.services.map((s) => s.serviceName));
  return file.timeline.flatMap((action, i): TimelineAction[] => {
    if (action.spotInterruption) return [{ at: action.at, spotInterruption: action.spotInterruption }];
    if (action.instanceFailure) return [{ at: action.at, instanceFailure: action.instanceFailure }];
    if (action.ec2SpotInterruption) {
      if (!file.cluster.capacityProviders.some((p) => typeof p !== 'string' && p.name === action.ec2SpotInterruption!.capacityProvider)) {
        ctx.error(`timeline[${i}].ec2SpotInterruption.capacityProvider`, `unknown capacity provider "${action.ec2SpotInterruption.capacityProvider}"`);
        return [];
      }
      return [{ at: action.at, ec2SpotInterruption: action.ec2SpotInterruption }];
    }
    if (action.agentDisconnect) return [{ at: action.at, agentDisconnect: action.agentDisconnect }];
    if (action.registerScalableTarget) {
      const { service } = action.registerScalableTarget;
      if (!file.serviceAutoScaling.some((t) => t.service === service)) {
        ctx.error(`timeline[${i}].registerScalableTarget.service`, `service "${service}" has no scalable target (serviceAutoScaling registers it first)`);
        return [];
      }
      return [{ at: action.at, registerScalableTarget: action.registerScalableTarget }];
    }
    if (action.azOutage) {
      if (!file.cluster.availabilityZones?.includes(action.azOutage.availabilityZone) && !zones.includes(action.azOutage.availabilityZone)) {
        ctx.error(`timeline[${i}].azOutage.availabilityZone`, `expected one of the cluster's availabilityZones (${zones.join(', ')}), got "${action.azOutage.availabilityZone}"`);
        return [];
      }
      return [{ at: action.at, azOutage: action.azOutage }];
    }
    if (action.pushImage) {
      const { pushImage } = action;
      if (!services.has(pushImage.service)) {
        ctx.error(`timeline[${i}].pushImage.service`, `unknown service "${pushImage.service}" (services: ${[...services].join(', ') || 'none'})`);
        return [];
      }
      return [{ at: action.at, pushImage }];
    }
    const updateService = action.updateService!;
    const path = `timeline[${i}].updateService`;
    if (!services.has(updateService.service)) {
      ctx.error(`${path}.service`, `unknown service "${updateService.service}" (services: ${[...services].join(', ') || 'none'})`);
      return [];
    }
    let taskDefinition: string | undefined;
    if (updateService.taskDefinition !== undefined) {
      taskDefinition = resolveTaskDefinition(taskDefinitions, updateService.taskDefinition, `${path}.taskDefinition`, ctx)?.key;
      if (!taskDefinition) return [];
    }
    return [{ at: action.at, updateService: { ...updateService, taskDefinition } }];
  });
}

/** Behaviour rules, checked: a task definition named must exist (an image need not: a pipeline may push it later). */
function resolveTaskBehavior(file: ScenarioFile, taskDefinitions: TaskDefinition[], ctx: ParseContext): TaskBehaviorRule[] {
  return file.workload.taskBehavior.map((b, i) => {
    if (b.taskDefinition !== undefined && !taskDefinitions.some((td) => td.key === b.taskDefinition || td.family === b.taskDefinition)) {
      ctx.error(`workload.taskBehavior[${i}].taskDefinition`, `unknown task definition "${b.taskDefinition}" (registered: ${taskDefinitions.map((t) => t.key).join(', ') || 'none'})`);
    }
    const behavior: TaskBehavior = {
      startFailureProbability: b.startFailureProbability,
      startFailureReason: b.startFailureReason,
      exitAfter: b.exitAfter,
      exitProbability: b.exitProbability,
      healthCheckFailureProbability: b.healthCheckFailureProbability,
    };
    return { taskDefinition: b.taskDefinition, image: b.image, behavior };
  });
}

function resolveTaskDefinition(all: TaskDefinition[], reference: string, path: string, ctx: ParseContext): TaskDefinition | undefined {
  const td = findTaskDefinition(all, reference);
  if (!td) ctx.error(path, `unknown task definition "${reference}" (registered: ${all.map((t) => t.key).join(', ') || 'none'})`);
  return td;
}

function resolveDiscovery(file: ScenarioFile, ctx: ParseContext): string[] {
  const namespaces = new Set(file.serviceDiscovery.namespaces.map((n) => n.Name));
  return file.serviceDiscovery.services.map((s, i) => {
    if (!namespaces.has(s.Namespace)) ctx.error(`serviceDiscovery.services[${i}].Namespace`, `unknown namespace "${s.Namespace}" (namespaces: ${[...namespaces].join(', ') || 'none'})`);
    return `${s.Namespace}/${s.Name}`;
  });
}

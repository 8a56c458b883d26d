import type { Distribution } from '../engine/distributions.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';
import { DEFAULT_RESERVED_TCP_PORTS, DEFAULT_RESERVED_UDP_PORTS, MAX_RESERVED_PORTS, parsePortRange } from '../model/ports.js';
import { capacityKnobs, capacityProviderSchema, capacityProviderStrategySchema } from './capacity-schema.js';
import { durationDistribution } from './distribution-schema.js';
import { fileReferable } from './file-reference-schema.js';
import { pricesSchema } from './prices-schema.js';
import { isoTime } from './iso-time-schema.js';
import { serviceAutoScalingSchema } from './auto-scaling-schema.js';
import { loadBalancerRequestsSchema, serviceLoadSchema } from './service-load-schema.js';
import { placementConstraintsSchema, placementStrategiesSchema } from './placement-schema.js';
import { loadBalancingSchema } from './load-balancing-schema.js';
import { serviceDiscoverySchema, serviceSchema, taskBehaviorSchema, timelineActionSchema } from './service-schema.js';
import {
  array,
  boolean,
  either,
  doc,
  duration,
  integer,
  ParseContext,
  number,
  object,
  oneOf,
  optional,
  record,
  refine,
  string,
  tagged,
  withDefault,
  type Infer,
} from './schema/index.js';
import { taskCpu, taskDefinitionSchema, taskMemory } from './task-definition-schema.js';

const strict = { unknownKeys: 'error' } as const;
const instanceTypeNames = [...INSTANCE_TYPES.keys()];

/** ASSUMPTION: the agent version instances report unless the scenario says otherwise. */
export const DEFAULT_AGENT_VERSION = '1.89.0';
export const DEFAULT_START_TIME = '2026-01-01T00:00:00Z';

const port = integer({ min: 1, max: 65535 });
const portRange = refine(string({ expected: 'a port range such as "32768-60999"' }), (text, path, ctx) => {
  const range = parsePortRange(text);
  return range ?? ctx.error(path, `expected a port range such as "32768-60999", got ${JSON.stringify(text)}`);
});

const registry = (bandwidthMiBps: number, latencyMs: number) =>
  withDefault(object({ bandwidthMiBps: number({ min: 0, exclusiveMin: true }), latency: duration() }, strict), { bandwidthMiBps, latency: latencyMs });

/** ASSUMPTION: pull bandwidth and latency per registry kind (AWS publishes none); set your own. */
const containerImages = doc(
  object(
    {
      registries: withDefault(
        object({ ecr: registry(100, 500), 'ecr-public': registry(100, 500), dockerhub: registry(40, 1_500), private: registry(40, 1_000) }, strict),
        { ecr: { bandwidthMiBps: 100, latency: 500 }, 'ecr-public': { bandwidthMiBps: 100, latency: 500 }, dockerhub: { bandwidthMiBps: 40, latency: 1_500 }, private: { bandwidthMiBps: 40, latency: 1_000 } },
      ),
      images: withDefault(
        array(object({ image: string({ minLength: 1 }), sizeMiB: number({ min: 0 }), pullFailureProbability: withDefault(number({ min: 0, max: 1 }), 0) }, strict)),
        [],
      ),
    },
    strict,
  ),
  'Container images and the registries they come from: an image listed here is pulled (its size over the registry bandwidth, plus the latency) unless the instance has it; images not listed are taken as already present.',
);

const containerInstanceGroup = doc(
  object(
    {
      instanceType: oneOf(instanceTypeNames),
      count: withDefault(integer({ min: 0, max: 1_000_000 }), 1),
      availabilityZone: optional(string({ minLength: 1 })),
      attributes: withDefault(record(string({ minLength: 1, maxLength: 128 }), 'an object of attribute names to string values'), {}),
      reservedMemoryMiB: withDefault(integer({ min: 0 }), 0),
      registeredMemoryMiB: optional(integer({ min: 1 })),
      reservedPorts: withDefault(array(port, { max: MAX_RESERVED_PORTS }), [...DEFAULT_RESERVED_TCP_PORTS]),
      reservedUdpPorts: withDefault(array(port, { max: MAX_RESERVED_PORTS }), [...DEFAULT_RESERVED_UDP_PORTS]),
      dynamicHostPortRange: withDefault(portRange, { first: 32768, last: 60999 }),
      awsvpcTrunking: withDefault(boolean(), false),
      agentVersion: withDefault(string({ pattern: /^\d+(\.\d+)*$/, expected: 'a version such as "1.89.0"' }), DEFAULT_AGENT_VERSION),
      agentConnected: withDefault(boolean(), true),
      status: withDefault(oneOf(['ACTIVE', 'DRAINING'] as const), 'ACTIVE'),
      imagePullBehavior: withDefault(oneOf(['default', 'always', 'once', 'prefer-cached'] as const), 'default'),
      registeredAt: optional(isoTime),
    },
    strict,
  ),
  'A group of identical EC2 container instances registered at the start. Without availabilityZone the group is spread round-robin over the cluster AZs. reservedPorts / reservedUdpPorts / dynamicHostPortRange are the agent settings ECS_RESERVED_PORTS, ECS_RESERVED_PORTS_UDP and ECS_DYNAMIC_HOST_PORT_RANGE.',
);

/** RunTask arrivals: how often a workload source calls RunTask. */
const arrivals = tagged('process', {
  poisson: refine(
    object(
      {
        ratePerSecond: optional(number({ min: 0, exclusiveMin: true })),
        ratePerMinute: optional(number({ min: 0, exclusiveMin: true })),
        ratePerHour: optional(number({ min: 0, exclusiveMin: true })),
      },
      strict,
    ),
    (p, path, ctx) => {
      const given = [p.ratePerSecond && p.ratePerSecond / 1000, p.ratePerMinute && p.ratePerMinute / 60_000, p.ratePerHour && p.ratePerHour / 3_600_000];
      const rates = given.filter((r): r is number => r !== undefined);
      if (rates.length !== 1) return ctx.error(path, 'expected exactly one of ratePerSecond, ratePerMinute, ratePerHour');
      return { meanGapMs: 1 / rates[0] };
    },
  ),
  fixed: object({ every: duration({ positive: true }) }, strict),
  explicit: object({ at: array(duration(), { min: 1 }) }, strict),
  trace: doc(
    object(
      {
        file: string({ minLength: 1 }),
        format: withDefault(oneOf(['alibaba-openb'] as const), 'alibaba-openb'),
        timeScale: withDefault(number({ min: 0, exclusiveMin: true }), 1),
        traceOffset: withDefault(duration(), 0),
        maxRows: optional(integer({ min: 1 })),
        gpuPods: withDefault(oneOf(['skip', 'ignore-gpu'] as const), 'skip'),
        pendingPods: withDefault(oneOf(['submit', 'skip'] as const), 'submit'),
      },
      strict,
    ),
    'Replay a pod trace (file relative to the scenario): each pod is one RunTask call at startAt + (creation - traceOffset) / timeScale, its task sized by the pod (task-level cpu/memory overrides) and running (deletion - creation) / timeScale once RUNNING.',
  ),
});
export type ArrivalsSpec = Infer<typeof arrivals>;

const runTaskSource = doc(
  object(
    {
      name: optional(string({ minLength: 1 })),
      taskDefinition: string({ minLength: 1 }),
      count: withDefault(integer({ min: 1, max: 10 }), 1),
      group: optional(string({ minLength: 1, maxLength: 255 })),
      startedBy: optional(string({ minLength: 1, maxLength: 128 })),
      launchType: optional(oneOf(['EC2', 'FARGATE'] as const)),
      capacityProviderStrategy: optional(capacityProviderStrategySchema),
      placementStrategy: optional(placementStrategiesSchema),
      placementConstraints: withDefault(placementConstraintsSchema, []),
      overrides: withDefault(
        object(
          { taskRoleArn: optional(string({ minLength: 1 })), executionRoleArn: optional(string({ minLength: 1 })), cpu: optional(taskCpu), memory: optional(taskMemory) },
          { unknownKeys: 'note', ignoredKeys: ['containerOverrides', 'ephemeralStorage', 'inferenceAcceleratorOverrides'] },
        ),
        { taskRoleArn: undefined, executionRoleArn: undefined, cpu: undefined, memory: undefined },
      ),
      arrivals,
      duration: optional(durationDistribution()),
      startAt: withDefault(duration(), 0),
      stopAt: optional(duration()),
    },
    strict,
  ),
  'A stream of RunTask calls: the RunTask input fields (taskDefinition, count, group, startedBy, launchType, overrides) plus when calls arrive and how long each task runs once RUNNING (duration; a trace gives each task its own).',
);

const stateDurations = object(
  {
    provisioning: withDefault(durationDistribution(), { dist: 'constant', value: 0 } as Distribution),
    pending: withDefault(durationDistribution(), { dist: 'constant', value: 5_000 } as Distribution),
    activating: withDefault(durationDistribution(), { dist: 'constant', value: 1_000 } as Distribution),
    deactivating: withDefault(durationDistribution(), { dist: 'constant', value: 0 } as Distribution),
    stopping: withDefault(durationDistribution(), { dist: 'constant', value: 2_000 } as Distribution),
    deprovisioning: withDefault(durationDistribution(), { dist: 'constant', value: 0 } as Distribution),
  },
  strict,
);
export type StateDurationsSpec = Infer<typeof stateDurations>;

/** How the service scheduler behaves where AWS does not say (ASSUMPTIONs, docs/fidelity.md). */
const serviceKnobs = object(
  {
    healthyAfterRunning: withDefault(duration(), 40_000),
    placementRetryInterval: withDefault(duration({ positive: true }), 30_000),
    throttleFirstDelay: withDefault(duration({ positive: true }), 10_000),
    throttleMaxDelay: withDefault(duration({ positive: true }), 15 * 60_000),
    circuitBreakerMinimumThreshold: withDefault(integer({ min: 1 }), 3),
    eventSuppression: withDefault(duration(), 6 * 3_600_000),
  },
  strict,
);
export type ServiceKnobs = Infer<typeof serviceKnobs>;
export type CapacityKnobs = Infer<typeof capacityKnobs>;

/** How much of the run the Results keep (simulation only): sampling is coarsened and per-instance series dropped for very long or large runs. */
const resultsKnobs = object(
  {
    maxSamples: withDefault(integer({ min: 10 }), 2880),
    instanceSeriesLimit: withDefault(integer({ min: 0 }), 1000),
  },
  strict,
);
export type ResultsKnobs = Infer<typeof resultsKnobs>;

const defaultStateDurations = stateDurations.parse({}, '', new ParseContext()) as StateDurationsSpec;
const defaultServiceKnobs = serviceKnobs.parse({}, '', new ParseContext()) as ServiceKnobs;
const defaultCapacityKnobs = capacityKnobs.parse({}, '', new ParseContext()) as CapacityKnobs;
const defaultResultsKnobs = resultsKnobs.parse({}, '', new ParseContext()) as ResultsKnobs;

export const scenarioSchema = object(
  {
    name: string({ minLength: 1, maxLength: 200 }),
    description: optional(string()),
    seed: withDefault(integer({ min: 0 }), 1),
    duration: duration({ positive: true }),
    region: withDefault(string({ minLength: 1 }), 'us-east-1'),
    startTime: withDefault(doc(isoTime, 'The wall-clock time of simulated time 0 (for registeredAt in memberOf expressions).'), Date.parse(DEFAULT_START_TIME)),
    cluster: object(
      {
        clusterName: withDefault(string({ minLength: 1, maxLength: 255 }), 'default'),
        availabilityZones: optional(array(string({ minLength: 1 }), { min: 1 })),
        containerInstances: withDefault(array(containerInstanceGroup), []),
        capacityProviders: withDefault(array(either(oneOf(['FARGATE', 'FARGATE_SPOT'] as const), fileReferable(capacityProviderSchema, 'capacityProvider'))), []),
        defaultCapacityProviderStrategy: optional(capacityProviderStrategySchema),
      },
      strict,
    ),
    taskDefinitions: withDefault(array(fileReferable(taskDefinitionSchema, 'taskDefinition')), []),
    services: withDefault(array(fileReferable(serviceSchema, 'service')), []),
    loadBalancing: withDefault(loadBalancingSchema, { loadBalancers: [], targetGroups: [] }),
    serviceDiscovery: withDefault(serviceDiscoverySchema, { namespaces: [], services: [] }),
    workload: withDefault(
      object(
        {
          runTasks: withDefault(array(runTaskSource), []),
          taskBehavior: withDefault(array(taskBehaviorSchema), []),
          serviceLoad: withDefault(array(serviceLoadSchema), []),
          loadBalancerRequests: withDefault(array(loadBalancerRequestsSchema), []),
        },
        strict,
      ),
      { runTasks: [], taskBehavior: [], serviceLoad: [], loadBalancerRequests: [] },
    ),
    serviceAutoScaling: withDefault(array(serviceAutoScalingSchema), []),
    timeline: withDefault(array(timelineActionSchema), []),
    containerImages: withDefault(containerImages, {
      registries: { ecr: { bandwidthMiBps: 100, latency: 500 }, 'ecr-public': { bandwidthMiBps: 100, latency: 500 }, dockerhub: { bandwidthMiBps: 40, latency: 1_500 }, private: { bandwidthMiBps: 40, latency: 1_000 } },
      images: [],
    }),
    prices: optional(pricesSchema),
    simulation: withDefault(
      doc(
        object(
          {
            taskStateDurations: withDefault(stateDurations, defaultStateDurations),
            services: withDefault(serviceKnobs, defaultServiceKnobs),
            capacity: withDefault(capacityKnobs, defaultCapacityKnobs),
            results: withDefault(
              doc(resultsKnobs, 'maxSamples: at most this many samples of the series (one a minute until the run is longer; then every k minutes); instanceSeriesLimit: per-instance series only while the run has registered at most this many instances.'),
              defaultResultsKnobs,
            ),
          },
          strict,
        ),
        'Simulation-only knobs that AWS does not expose.',
      ),
      { taskStateDurations: defaultStateDurations, services: defaultServiceKnobs, capacity: defaultCapacityKnobs, results: defaultResultsKnobs },
    ),
  },
  strict,
);

/** A scenario as parsed from the file, before names are resolved. */
export type ScenarioFile = Infer<typeof scenarioSchema>;
export type RunTaskSourceSpec = Infer<typeof runTaskSource>;
export type ContainerInstanceGroupSpec = Infer<typeof containerInstanceGroup>;

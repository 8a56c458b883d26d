import { registerScalableTargetSchema } from './auto-scaling-schema.js';
import { placementConstraintsSchema, placementStrategiesSchema } from './placement-schema.js';
import { capacityProviderStrategySchema } from './capacity-schema.js';
import { durationDistribution } from './distribution-schema.js';
import { array, boolean, doc, duration, integer, number, object, oneOf, optional, refine, string, withDefault, type Infer } from './schema/index.js';

const aws = { unknownKeys: 'note' } as const;

const circuitBreaker = object({ enable: boolean(), rollback: boolean() }, aws);

const deploymentConfiguration = object(
  {
    minimumHealthyPercent: optional(integer({ min: 0, max: 100 })),
    maximumPercent: optional(integer({ min: 0, max: 200_000 })),
    deploymentCircuitBreaker: optional(circuitBreaker),
  },
  { ...aws, ignoredKeys: ['alarms', 'bakeTimeInMinutes', 'strategy', 'lifecycleHooks'] },
);

const loadBalancer = object(
  {
    targetGroupArn: optional(string({ minLength: 1 })),
    loadBalancerName: optional(string({ minLength: 1 })),
    containerName: string({ minLength: 1 }),
    containerPort: integer({ min: 1, max: 65535 }),
  },
  aws,
);

/** The CreateService input (AWS CLI `create-service --cli-input-json`), ECS deployment controller. */
export const serviceSchema = doc(
  refine(
    object(
      {
        serviceName: string({ minLength: 1, maxLength: 255, pattern: /^[A-Za-z0-9_-]+$/, expected: 'a service name of letters, numbers, hyphens and underscores' }),
        taskDefinition: string({ minLength: 1 }),
        desiredCount: optional(integer({ min: 0 })),
        schedulingStrategy: withDefault(oneOf(['REPLICA', 'DAEMON'] as const), 'REPLICA'),
        launchType: optional(oneOf(['EC2', 'FARGATE'] as const)),
        capacityProviderStrategy: optional(capacityProviderStrategySchema),
        placementStrategy: optional(placementStrategiesSchema),
        placementConstraints: withDefault(placementConstraintsSchema, []),
        deploymentConfiguration: optional(deploymentConfiguration),
        deploymentController: optional(object({ type: oneOf(['ECS'] as const) }, aws)),
        healthCheckGracePeriodSeconds: withDefault(integer({ min: 0, max: 2_147_483_647 }), 0),
        loadBalancers: withDefault(array(loadBalancer, { max: 5, what: 'load balancers' }), []),
        serviceRegistries: withDefault(array(object({ registryArn: string({ minLength: 1 }) }, { ...aws, ignoredKeys: ['port', 'containerName', 'containerPort'] }), { max: 1 }), []),
      },
      {
        ...aws,
        ignoredKeys: ['cluster', 'role', 'tags', 'enableECSManagedTags', 'propagateTags', 'enableExecuteCommand', 'platformVersion', 'networkConfiguration', 'clientToken'],
      },
    ),
    (s, path, ctx) => {
      if (s.schedulingStrategy === 'REPLICA' && s.desiredCount === undefined) {
        return ctx.error(`${path}.desiredCount`, 'required: a REPLICA service needs a desiredCount');
      }
      if (s.schedulingStrategy === 'DAEMON' && s.placementStrategy && s.placementStrategy.length > 0) {
        return ctx.error(`${path}.placementStrategy`, 'Placement strategies are not supported with the DAEMON scheduling strategy.');
      }
      const d = s.deploymentConfiguration;
      if (s.schedulingStrategy === 'DAEMON' && d?.maximumPercent !== undefined && d.maximumPercent !== 100) {
        return ctx.error(`${path}.deploymentConfiguration.maximumPercent`, 'The maximumPercent of a DAEMON service must be 100.');
      }
      return s;
    },
  ),
  'A CreateService input (ECS rolling deployment controller). Fields ecsim does not simulate are accepted and listed as notes.',
);
export type ServiceSpecFile = Infer<typeof serviceSchema>;

/** UpdateService input, as a timeline action. */
export const updateServiceSchema = object(
  {
    service: string({ minLength: 1 }),
    taskDefinition: optional(string({ minLength: 1 })),
    desiredCount: optional(integer({ min: 0 })),
    forceNewDeployment: withDefault(boolean(), false),
  },
  { ...aws, ignoredKeys: ['cluster'] },
);

/**
 * A CI/CD pipeline run: source, build and push stages take their time, then the pipeline registers a
 * task definition revision with the new image and updates the service (as CodePipeline's ECS deploy
 * action does). ASSUMPTION: default stage durations 30 s, 5 m, 1 m.
 */
export const pushImageSchema = object(
  {
    service: string({ minLength: 1 }),
    image: string({ minLength: 1 }),
    container: optional(string({ minLength: 1 })),
    source: withDefault(durationDistribution(), { dist: 'constant', value: 30_000 }),
    build: withDefault(durationDistribution(), { dist: 'constant', value: 300_000 }),
    push: withDefault(durationDistribution(), { dist: 'constant', value: 60_000 }),
  },
  { unknownKeys: 'error' },
);

/** Interrupt a share of the running Fargate Spot tasks (a Spot capacity reclaim). */
export const spotInterruptionSchema = object(
  { capacityProvider: oneOf(['FARGATE_SPOT'] as const), fraction: number({ min: 0, max: 1 }) },
  { unknownKeys: 'error' },
);

/** Faults: EC2 instances fail, agents disconnect for a while, or a whole AZ goes away for a while. */
export const instanceFailureSchema = object({ count: withDefault(integer({ min: 1 }), 1), availabilityZone: optional(string({ minLength: 1 })) }, { unknownKeys: 'error' });
export const agentDisconnectSchema = object({ count: withDefault(integer({ min: 1 }), 1), duration: duration({ positive: true }) }, { unknownKeys: 'error' });
export const ec2SpotInterruptionSchema = object({ capacityProvider: string({ minLength: 1 }), fraction: number({ min: 0, max: 1 }) }, { unknownKeys: 'error' });
export const azOutageSchema = object({ availabilityZone: string({ minLength: 1 }), duration: duration({ positive: true }) }, { unknownKeys: 'error' });

const ACTIONS = ['updateService', 'pushImage', 'spotInterruption', 'ec2SpotInterruption', 'instanceFailure', 'agentDisconnect', 'azOutage', 'registerScalableTarget'] as const;

/** A scripted action at a simulated time. */
export const timelineActionSchema = refine(
  object(
    {
      at: duration(),
      updateService: optional(updateServiceSchema),
      pushImage: optional(pushImageSchema),
      spotInterruption: optional(spotInterruptionSchema),
      ec2SpotInterruption: optional(ec2SpotInterruptionSchema),
      instanceFailure: optional(instanceFailureSchema),
      agentDisconnect: optional(agentDisconnectSchema),
      azOutage: optional(azOutageSchema),
      registerScalableTarget: optional(registerScalableTargetSchema),
    },
    { unknownKeys: 'error' },
  ),
  (a, path, ctx) => {
    const given = ACTIONS.filter((name) => a[name] !== undefined);
    if (given.length !== 1) return ctx.error(path, `expected exactly one action: ${ACTIONS.join(', ')}`);
    return { at: a.at, [given[0]]: a[given[0]] } as { at: number } & Partial<Omit<typeof a, 'at'>>;
  },
);
export type TimelineActionFile = Infer<typeof timelineActionSchema>;

const probability = number({ min: 0, max: 1 });

/** How the tasks of one task definition behave (simulation only): failing to start, exiting. */
export const taskBehaviorSchema = doc(
  refine(
  object(
    {
      taskDefinition: optional(string({ minLength: 1 })),
      image: optional(string({ minLength: 1 })),
      startFailureProbability: withDefault(probability, 0),
      startFailureReason: withDefault(string({ minLength: 1 }), 'CannotStartContainerError: Error response from daemon: failed to create task for container'),
      exitAfter: optional(durationDistribution()),
      exitProbability: withDefault(probability, 1),
      healthCheckFailureProbability: withDefault(probability, 0),
    },
    { unknownKeys: 'error' },
  ),
  (b, path, ctx) => ((b.taskDefinition === undefined) !== (b.image === undefined) ? b : ctx.error(path, 'expected exactly one of taskDefinition, image')),
  ),
  'How tasks of a task definition (family or family:revision), or of every task definition that runs an image, behave: the chance one fails to start (stopped with TaskFailedToStart and the reason), how long its essential container runs before it exits and the share of tasks that do (crash; the others run until stopped), and the chance one starts but fails its health checks (load balancer and container).',
);
export type TaskBehaviorFile = Infer<typeof taskBehaviorSchema>;

/** Cloud Map (AWS Cloud Map CreatePrivateDnsNamespace / CreateService inputs, by name). */
export const serviceDiscoverySchema = object(
  {
    namespaces: withDefault(array(object({ Name: string({ minLength: 1 }), Type: withDefault(oneOf(['DNS_PRIVATE', 'DNS_PUBLIC', 'HTTP'] as const), 'DNS_PRIVATE') }, aws)), []),
    services: withDefault(array(object({ Name: string({ minLength: 1 }), Namespace: string({ minLength: 1 }), Id: optional(string({ minLength: 1 })) }, { ...aws, ignoredKeys: ['DnsConfig', 'HealthCheckCustomConfig', 'NamespaceId'] })), []),
  },
  { unknownKeys: 'error' },
);

import { durationDistribution } from './distribution-schema.js';
import { array, doc, duration, integer, number, object, oneOf, optional, record, refine, string, withDefault, type Infer } from './schema/index.js';

const aws = { unknownKeys: 'note' } as const;

/** A capacity provider strategy item (API CapacityProviderStrategyItem): base 0-100000, weight 0-1000 (API default 0). */
export const strategyItemSchema = object(
  { capacityProvider: string({ minLength: 1 }), base: withDefault(integer({ min: 0, max: 100_000 }), 0), weight: withDefault(integer({ min: 0, max: 1000 }), 0) },
  aws,
);

/** At most 20 providers in a strategy (current API; 6 in older docs). */
export const MAX_STRATEGY_ITEMS = 20;

export const capacityProviderStrategySchema = array(strategyItemSchema, { min: 1, max: MAX_STRATEGY_ITEMS, what: 'capacity provider strategy items' });

const managedScaling = object(
  {
    status: withDefault(oneOf(['ENABLED', 'DISABLED'] as const), 'ENABLED'),
    targetCapacity: withDefault(number({ min: 0, max: 100, exclusiveMin: true }), 100),
    minimumScalingStepSize: withDefault(integer({ min: 1, max: 10_000 }), 1),
    maximumScalingStepSize: withDefault(integer({ min: 1, max: 10_000 }), 10_000),
    instanceWarmupPeriod: withDefault(integer({ min: 0, max: 10_000 }), 300),
  },
  aws,
);

/** The Auto Scaling group behind a capacity provider (simulation side: what CreateAutoScalingGroup would say). */
const autoScalingGroup = refine(
  object(
    {
      instanceType: optional(string({ minLength: 1 })),
      instanceTypes: optional(array(string({ minLength: 1 }), { min: 1, max: 40 })),
      allocationStrategy: withDefault(oneOf(['prioritized', 'lowest-price'] as const), 'prioritized'),
      minSize: withDefault(integer({ min: 0 }), 0),
      maxSize: integer({ min: 0 }),
      desiredCapacity: withDefault(integer({ min: 0 }), 0),
      purchase: withDefault(oneOf(['on-demand', 'spot'] as const), 'on-demand'),
      availabilityZones: optional(array(string({ minLength: 1 }), { min: 1 })),
      attributes: withDefault(record(string({ minLength: 1, maxLength: 128 })), {}),
      launchTime: withDefault(durationDistribution(), { dist: 'uniform', min: 30_000, max: 60_000 }),
      registrationTime: withDefault(durationDistribution(), { dist: 'uniform', min: 20_000, max: 40_000 }),
    },
    { unknownKeys: 'error' },
  ),
  (g, path, ctx) => {
    if ((g.instanceType === undefined) === (g.instanceTypes === undefined)) {
      return ctx.error(`${path}.instanceType`, 'expected either instanceType or instanceTypes (a mixed instances policy), not both or neither');
    }
    if (g.minSize > g.maxSize) return ctx.error(`${path}.minSize`, `expected minSize <= maxSize, got ${g.minSize} > ${g.maxSize}`);
    if (g.desiredCapacity < g.minSize || g.desiredCapacity > g.maxSize) {
      return ctx.error(`${path}.desiredCapacity`, `expected desiredCapacity between minSize ${g.minSize} and maxSize ${g.maxSize}, got ${g.desiredCapacity}`);
    }
    return g;
  },
);

/** A CreateCapacityProvider input with the Auto Scaling group it points at. */
export const capacityProviderSchema = doc(
  refine(
    object(
      {
        name: string({ minLength: 1, maxLength: 255, pattern: /^[A-Za-z0-9_-]+$/, expected: 'a name of letters, numbers, hyphens and underscores' }),
        autoScalingGroupProvider: object(
          {
            autoScalingGroupArn: optional(string()),
            managedScaling: withDefault(managedScaling, { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10_000, instanceWarmupPeriod: 300 }),
            managedTerminationProtection: withDefault(oneOf(['ENABLED', 'DISABLED'] as const), 'DISABLED'),
            managedDraining: withDefault(oneOf(['ENABLED', 'DISABLED'] as const), 'ENABLED'),
          },
          aws,
        ),
        autoScalingGroup,
      },
      { ...aws, ignoredKeys: ['tags'] },
    ),
    (p, path, ctx) => {
      const { managedScaling: ms, managedTerminationProtection } = p.autoScalingGroupProvider;
      if (managedTerminationProtection === 'ENABLED' && ms.status !== 'ENABLED') {
        return ctx.error(`${path}.autoScalingGroupProvider.managedTerminationProtection`, 'Managed termination protection requires managed scaling to be enabled.');
      }
      if (ms.minimumScalingStepSize > ms.maximumScalingStepSize) {
        return ctx.error(`${path}.autoScalingGroupProvider.managedScaling`, 'expected minimumScalingStepSize <= maximumScalingStepSize');
      }
      return p;
    },
  ),
  'A CreateCapacityProvider input (autoScalingGroupProvider with managedScaling, managedTerminationProtection, managedDraining) plus the Auto Scaling group it scales.',
);
export type CapacityProviderFile = Infer<typeof capacityProviderSchema>;

/** ASSUMPTIONS (docs/fidelity.md): what AWS does not publish about Fargate, Spot and prices. */
export const capacityKnobs = object(
  {
    provisioningTimeout: withDefault(duration({ positive: true }), 30 * 60_000),
    provisioningTasksQuota: withDefault(integer({ min: 1 }), 500),
    reservationFormula: withDefault(oneOf(['current', '2023'] as const), 'current'),
    fargateProvisioning: withDefault(durationDistribution(), { dist: 'uniform', min: 10_000, max: 25_000 }),
    fargateDefaultImageSizeMiB: withDefault(number({ min: 0 }), 200),
    spotInterruptionsPerTaskHour: withDefault(number({ min: 0 }), 0),
    spotUnavailable: withDefault(array(object({ from: duration(), to: duration() }, { unknownKeys: 'error' })), []),
    fargateSpotDiscount: withDefault(number({ min: 0, max: 1 }), 0.7),
    ec2SpotDiscount: withDefault(number({ min: 0, max: 1 }), 0.6),
    instanceFailuresPerInstanceHour: withDefault(number({ min: 0 }), 0),
    ec2SpotInterruptionsPerInstanceHour: withDefault(number({ min: 0 }), 0),
    fargateLaunchBurst: withDefault(integer({ min: 1 }), 100),
    fargateLaunchesPerSecond: withDefault(number({ min: 0, exclusiveMin: true }), 20),
  },
  { unknownKeys: 'error' },
);

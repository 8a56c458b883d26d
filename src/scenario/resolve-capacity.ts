import type { StrategyItem } from '../capacity/strategy-split.js';
import type { CapacityProvider } from '../model/capacity-provider.js';
import { instanceType } from '../model/instance-types.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { ParseContext } from './schema/index.js';

export type CapacityProviderSpec = Pick<CapacityProvider, 'name' | 'managedScaling' | 'managedTerminationProtection' | 'managedDraining' | 'asg'>;

/** The cluster's Auto Scaling group capacity providers, checked as CreateCapacityProvider checks them. */
export function resolveCapacityProviders(file: ScenarioFile, availabilityZones: string[], ctx: ParseContext): CapacityProviderSpec[] {
  const seen = new Set<string>();
  return file.cluster.capacityProviders.flatMap((p, i) => {
    if (typeof p === 'string') return [];
    const path = `cluster.capacityProviders[${i}]`;
    if (/^(aws|ecs|fargate)/i.test(p.name)) {
      ctx.error(`${path}.name`, 'The capacity provider name cannot be prefixed with "aws", "ecs", or "fargate".');
      return [];
    }
    if (seen.has(p.name)) ctx.error(`${path}.name`, `a capacity provider named "${p.name}" is already defined`);
    seen.add(p.name);
    const g = p.autoScalingGroup;
    const instanceTypes = g.instanceTypes ?? [g.instanceType!];
    const unknown = instanceTypes.map((type, k) => [type, g.instanceTypes ? `instanceTypes[${k}]` : 'instanceType'] as const).filter(([type]) => !instanceType(type));
    for (const [type, key] of unknown) ctx.error(`${path}.autoScalingGroup.${key}`, `unknown instance type "${type}"`);
    if (unknown.length > 0) return [];
    const zones = g.availabilityZones ?? availabilityZones;
    const outside = zones.filter((z) => !availabilityZones.includes(z));
    if (outside.length > 0) ctx.error(`${path}.autoScalingGroup.availabilityZones`, `expected the cluster's availabilityZones (${availabilityZones.join(', ')}), got ${outside.join(', ')}`);
    const ms = p.autoScalingGroupProvider.managedScaling;
    return [
      {
        name: p.name,
        managedScaling: {
          enabled: ms.status === 'ENABLED',
          targetCapacity: ms.targetCapacity,
          minimumScalingStepSize: ms.minimumScalingStepSize,
          maximumScalingStepSize: ms.maximumScalingStepSize,
          instanceWarmupPeriodMs: ms.instanceWarmupPeriod * 1000,
        },
        managedTerminationProtection: p.autoScalingGroupProvider.managedTerminationProtection === 'ENABLED',
        managedDraining: p.autoScalingGroupProvider.managedDraining === 'ENABLED',
        asg: {
          instanceTypes,
          allocationStrategy: g.allocationStrategy,
          minSize: g.minSize,
          maxSize: g.maxSize,
          desiredCapacity: g.desiredCapacity,
          purchase: g.purchase,
          availabilityZones: zones,
          attributes: g.attributes,
          launchTime: g.launchTime,
          registrationTime: g.registrationTime,
        },
      },
    ];
  });
}

/**
 * Where a service's or RunTask's tasks run: its capacity provider strategy, else its launch type, else
 * the cluster's default strategy, else EC2. A launch type and a strategy together are rejected, as are
 * strategies AWS rejects (an unknown provider, two bases, no weight above 0).
 */
/** The Fargate capacity providers the cluster has associated (PutClusterCapacityProviders). */
export function fargateProviders(file: ScenarioFile): string[] {
  return file.cluster.capacityProviders.filter((p): p is 'FARGATE' | 'FARGATE_SPOT' => typeof p === 'string');
}

export const isFargateProvider = (name: string) => name === 'FARGATE' || name === 'FARGATE_SPOT';

/**
 * Where a service's or RunTask's tasks run: its capacity provider strategy, else its launch type
 * (FARGATE is the FARGATE provider), else the cluster's default strategy, else EC2 on any instance
 * (undefined). A launch type and a strategy together are rejected, as are strategies AWS rejects.
 */
export function resolveLaunch(
  source: { launchType?: 'EC2' | 'FARGATE'; capacityProviderStrategy?: StrategyItem[] },
  path: string,
  file: ScenarioFile,
  providers: CapacityProviderSpec[],
  ctx: ParseContext,
): StrategyItem[] | undefined {
  if (source.launchType !== undefined && source.capacityProviderStrategy !== undefined) {
    ctx.error(path, 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
    return undefined;
  }
  if (source.launchType === 'FARGATE') return [{ capacityProvider: 'FARGATE', base: 0, weight: 1 }];
  if (source.launchType !== undefined) return undefined;
  const strategy = source.capacityProviderStrategy ?? file.cluster.defaultCapacityProviderStrategy;
  if (!strategy) return undefined;
  const at = source.capacityProviderStrategy ? `${path}.capacityProviderStrategy` : 'cluster.defaultCapacityProviderStrategy';
  return checkStrategy(strategy, at, [...providers.map((p) => p.name), ...fargateProviders(file)], ctx) ? strategy : undefined;
}

export function checkStrategy(strategy: StrategyItem[], path: string, known: string[], ctx: ParseContext): boolean {
  let ok = true;
  strategy.forEach((item, i) => {
    if (!known.includes(item.capacityProvider)) {
      ctx.error(`${path}[${i}].capacityProvider`, `unknown capacity provider "${item.capacityProvider}" (the cluster's providers: ${known.join(', ') || 'none'})`);
      ok = false;
    }
  });
  const fargate = strategy.filter((item) => isFargateProvider(item.capacityProvider)).length;
  if (fargate > 0 && fargate < strategy.length) {
    ctx.error(path, 'A capacity provider strategy cannot contain both Auto Scaling group capacity providers and Fargate capacity providers.');
    ok = false;
  }
  if (strategy.filter((item) => item.base > 0).length > 1) {
    ctx.error(path, 'Only one capacity provider in a strategy can have a base value greater than 0.');
    ok = false;
  }
  if (strategy.every((item) => item.weight === 0)) {
    ctx.error(path, 'At least one capacity provider in a strategy must have a weight greater than 0.');
    ok = false;
  }
  if (new Set(strategy.map((item) => item.capacityProvider)).size !== strategy.length) {
    ctx.error(path, 'A capacity provider can appear only once in a strategy.');
    ok = false;
  }
  return ok;
}

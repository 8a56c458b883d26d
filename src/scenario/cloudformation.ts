import { parse as parseYaml, YAMLMap } from 'yaml';
import { serviceAutoScalingOf } from './cloudformation-auto-scaling.js';

/**
 * CloudFormation templates to the API input shapes scenario files take: the AWS::ECS::TaskDefinition
 * and AWS::ECS::Service resources, with `Ref`s to parameters resolved (given values, else the
 * parameters' defaults) and property names in the API's camelCase. What cannot be resolved (GetAtt of
 * resources that do not exist in a simulation) is left as the logical id.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CloudFormationParts {
  taskDefinitions: Record<string, unknown>[];
  services: Record<string, unknown>[];
  /** AWS::ECS::CapacityProvider resources, with the Auto Scaling group they point at when the template has it. */
  capacityProviders: Record<string, unknown>[];
  /** From AWS::ECS::ClusterCapacityProviderAssociations. */
  defaultCapacityProviderStrategy?: Record<string, unknown>[];
  /** Scalable targets with their scaling policies and the alarms that invoke them. */
  serviceAutoScaling: Record<string, unknown>[];
  /** Parameters referenced that have neither a given value nor a default. */
  missingParameters: string[];
}

/** CloudFormation property names whose API name is not just the camelCase form. */
const RENAMED: Record<string, string> = { PlacementStrategies: 'placementStrategy' };

/** Values CloudFormation writes as strings that the API takes as numbers or booleans. */
const NUMERIC = new Set(['cpu', 'memory', 'memoryReservation', 'containerPort', 'hostPort', 'desiredCount', 'healthCheckGracePeriodSeconds', 'maximumPercent', 'minimumHealthyPercent', 'interval', 'timeout', 'retries', 'startPeriod']);
const BOOLEAN = new Set(['essential', 'enable', 'rollback']);

export function fromCloudFormation(template: unknown, parameters: Record<string, string> = {}): CloudFormationParts {
  const t = template as { Parameters?: Record<string, { Default?: Json }>; Resources?: Record<string, { Type: string; Properties?: Json }> };
  const resources = t.Resources ?? {};
  const values: Record<string, Json> = {};
  for (const [name, p] of Object.entries(t.Parameters ?? {})) if (p.Default !== undefined) values[name] = p.Default;
  Object.assign(values, parameters);
  const parts: CloudFormationParts = { taskDefinitions: [], services: [], capacityProviders: [], serviceAutoScaling: [], missingParameters: [] };
  const familyOf = (logicalId: string) => {
    const props = resources[logicalId]?.Properties as { Family?: string } | undefined;
    return props?.Family ?? logicalId;
  };
  const resolve = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== 'object') return value;
    if ('Ref' in value && typeof value.Ref === 'string') {
      const ref = value.Ref;
      if (ref in values) return values[ref];
      if (t.Parameters && ref in t.Parameters) {
        if (!parts.missingParameters.includes(ref)) parts.missingParameters.push(ref);
        return ref;
      }
      return resources[ref]?.Type === 'AWS::ECS::TaskDefinition' ? familyOf(ref) : ref;
    }
    if ('Fn::Sub' in value && typeof value['Fn::Sub'] === 'string') return value['Fn::Sub'].replace(/\$\{([^}]+)\}/g, (_, name: string) => String(values[name] ?? name));
    if ('Fn::Join' in value && Array.isArray(value['Fn::Join'])) {
      const [separator, list] = value['Fn::Join'];
      const items = resolve(list);
      if (typeof separator === 'string' && Array.isArray(items)) return items.map(String).join(separator);
    }
    if ('Fn::GetAtt' in value) return Array.isArray(value['Fn::GetAtt']) ? String(value['Fn::GetAtt'][0]) : String(value['Fn::GetAtt']);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  };
  for (const [logicalId, resource] of Object.entries(resources)) {
    const props = apiShape(resolve(resource.Properties ?? {})) as Record<string, unknown>;
    if (resource.Type === 'AWS::ECS::TaskDefinition') {
      // Task-level cpu and memory are strings in the API ("256", "1 vCPU"); container-level ones are numbers.
      for (const key of ['cpu', 'memory']) if (typeof props[key] === 'number') props[key] = String(props[key]);
      parts.taskDefinitions.push({ family: familyOf(logicalId), ...props });
    }
    if (resource.Type === 'AWS::ECS::Service') {
      const { cluster: _cluster, role: _role, ...service } = props;
      parts.services.push({ serviceName: logicalId, ...service });
    }
    if (resource.Type === 'AWS::ECS::CapacityProvider') {
      const provider = props as { name?: string; autoScalingGroupProvider?: { autoScalingGroupArn?: string } & Record<string, unknown> };
      const { autoScalingGroupArn, ...asgProvider } = provider.autoScalingGroupProvider ?? {};
      const group = typeof autoScalingGroupArn === 'string' ? autoScalingGroupOf(resources, autoScalingGroupArn, resolve) : undefined;
      parts.capacityProviders.push({ name: provider.name ?? logicalId, autoScalingGroupProvider: asgProvider, ...(group ? { autoScalingGroup: group } : {}) });
    }
    if (resource.Type === 'AWS::ECS::ClusterCapacityProviderAssociations') {
      const association = props as { defaultCapacityProviderStrategy?: Record<string, unknown>[] };
      parts.defaultCapacityProviderStrategy = association.defaultCapacityProviderStrategy;
    }
  }
  parts.serviceAutoScaling = serviceAutoScalingOf(resources, resolve);
  return parts;
}

/** PascalCase keys to camelCase, with the API's types for values CloudFormation writes as strings. */
function apiShape(value: Json, key = ''): Json {
  if (Array.isArray(value)) return value.map((v) => apiShape(v, key));
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && NUMERIC.has(key) && /^\d+$/.test(value)) return Number(value);
    if (typeof value === 'string' && BOOLEAN.has(key) && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const name = RENAMED[k] ?? k.charAt(0).toLowerCase() + k.slice(1);
      return [name, apiShape(v, name)];
    }),
  );
}

/** The Auto Scaling group a capacity provider names, as the scenario's autoScalingGroup (min, max, desired, instance type). */
function autoScalingGroupOf(
  resources: Record<string, { Type: string; Properties?: Json }>,
  logicalId: string,
  resolve: (value: Json) => Json,
): Record<string, unknown> | undefined {
  const group = resources[logicalId];
  if (group?.Type !== 'AWS::AutoScaling::AutoScalingGroup') return undefined;
  const props = resolve(group.Properties ?? {}) as Record<string, Json>;
  const template = props.LaunchTemplate as { LaunchTemplateId?: string } | undefined;
  const launch = template?.LaunchTemplateId ? (resolve(resources[template.LaunchTemplateId]?.Properties ?? {}) as { LaunchTemplateData?: { InstanceType?: string } }) : undefined;
  const num = (v: Json) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
  // A MixedInstancesPolicy lists its instance types as launch template overrides.
  const mixed = props.MixedInstancesPolicy as
    | { LaunchTemplate?: { Overrides?: { InstanceType?: string }[] }; InstancesDistribution?: { OnDemandAllocationStrategy?: string } }
    | undefined;
  const overrides = mixed?.LaunchTemplate?.Overrides?.map((o) => o.InstanceType).filter((t) => t !== undefined) ?? [];
  const types =
    overrides.length > 0
      ? { instanceTypes: overrides, ...(mixed?.InstancesDistribution?.OnDemandAllocationStrategy ? { allocationStrategy: mixed.InstancesDistribution.OnDemandAllocationStrategy } : {}) }
      : { instanceType: launch?.LaunchTemplateData?.InstanceType ?? props.InstanceType };
  return {
    ...types,
    minSize: num(props.MinSize),
    maxSize: num(props.MaxSize),
    desiredCapacity: num(props.DesiredCapacity ?? props.MinSize),
  };
}

/** CloudFormation's YAML short forms (!Ref, !Sub, !GetAtt, ...) as the JSON forms they stand for. */
export function cloudFormationTags(): { tag: string; resolve: (value: unknown) => unknown }[] {
  const fn = (name: string) => ({ tag: `!${name}`, resolve: (value: unknown) => ({ [`Fn::${name}`]: value }) });
  return [
    { tag: '!Ref', resolve: (value: unknown) => ({ Ref: value }) },
    { tag: '!GetAtt', resolve: (value: unknown) => ({ 'Fn::GetAtt': typeof value === 'string' ? value.split('.') : value }) },
    ...['Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'Base64', 'ImportValue', 'GetAZs', 'Cidr'].map(fn),
    { tag: '!Condition', resolve: (value: unknown) => ({ Condition: value }) },
  ];
}

/** Parses a CloudFormation template written in YAML, short-form intrinsic functions included. */
export function parseCloudFormationYaml(text: string): unknown {
  const customTags = cloudFormationTags().flatMap((t) => [
    { tag: t.tag, resolve: (value: string) => t.resolve(value) },
    { tag: t.tag, collection: 'seq' as const, resolve: (value: { toJSON(): unknown }) => asMap(t.resolve(value.toJSON())) },
    { tag: t.tag, collection: 'map' as const, resolve: (value: { toJSON(): unknown }) => asMap(t.resolve(value.toJSON())) },
  ]);
  return parseYaml(text, { customTags: customTags as never, uniqueKeys: false });
}

/** A one-key object ({ "Fn::Join": [...] }) as the YAML map node a collection tag must return. */
function asMap(value: unknown): YAMLMap {
  const map = new YAMLMap();
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) map.set(key, item);
  return map;
}

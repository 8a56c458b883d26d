import type { JsonSchema } from './schema/index.js';

/**
 * The shapes the AWS CLI prints, as the input shapes a scenario takes. `aws ecs describe-task-definition`
 * wraps its task definition in `{ taskDefinition, tags }`; `aws ecs describe-services` lists services in
 * `{ services, failures }`. Their objects carry read-only fields (ARNs, status, counts, event history)
 * that describe the registered resource, not what to register: those are dropped and named in a note.
 *
 * Field lists: the API reference's TaskDefinition, Service and CapacityProvider data types
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html, API_Service.html,
 * API_CapacityProvider.html), less the fields RegisterTaskDefinition, CreateService and
 * CreateCapacityProvider take.
 */

/** One input object found in a value: where it sits in that value (`services[1]`, '' for the value itself). */
export interface UnwrappedInput {
  value: unknown;
  at: string;
  /** Read-only fields dropped from it (sorted). */
  readOnly: string[];
  /** What printed it, for notes: `describe-task-definition output`; undefined for an input shape. */
  shape?: string;
  /** Problems the output reports about itself (describe-services `failures`). */
  failures?: string;
}

/** Fields of a DescribeTaskDefinition / RegisterTaskDefinition response's taskDefinition that no request takes. */
export const TASK_DEFINITION_READ_ONLY = ['taskDefinitionArn', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'];

/** Fields of a DescribeServices response's service that CreateService does not take (`roleArn` is its `role`). */
export const SERVICE_READ_ONLY = [
  'serviceArn',
  'clusterArn',
  'status',
  'runningCount',
  'pendingCount',
  'deployments',
  'taskSets',
  'events',
  'createdAt',
  'createdBy',
  'roleArn',
  'platformFamily',
  'currentServiceDeployment',
  'currentServiceRevisions',
  'resourceManagementType',
];

/** Fields of a DescribeCapacityProviders response's capacity provider that CreateCapacityProvider does not take. */
export const CAPACITY_PROVIDER_READ_ONLY = ['capacityProviderArn', 'status', 'updateStatus', 'updateStatusReason', 'type'];

/** PutScalingPolicy input fields that name the scalable target (the scenario's `service` does that). */
const SCALING_POLICY_TARGET = ['ServiceNamespace', 'ResourceId', 'ScalableDimension', 'PolicyType'];

/** How one kind of AWS input may arrive: the output shapes it is unwrapped from. */
export interface InputKind {
  /** What an entry is, for messages: `a task definition`. */
  what: string;
  /** The input objects in `value` when it is one of the CLI's output shapes, else undefined. */
  unwrap(value: Record<string, unknown>): UnwrappedInput[] | undefined;
  /** JSON Schemas of the output shapes (the wrapper only: the objects inside are the input's, with read-only fields). */
  outputShapes(): JsonSchema[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` without the read-only `fields`, and which of them it had. */
function withoutReadOnly(value: unknown, fields: readonly string[]): { value: unknown; readOnly: string[] } {
  if (!isObject(value)) return { value, readOnly: [] };
  const readOnly = fields.filter((f) => f in value).sort();
  return { value: Object.fromEntries(Object.entries(value).filter(([k]) => !fields.includes(k))), readOnly };
}

/**
 * `{ <one>: {...} }` (one resource), `{ <many>: [...] }` (a describe call's list), or one resource taken
 * out of either (`jq '.services[0]'`), known by its read-only fields: the resources in it.
 */
function wrapped(value: Record<string, unknown>, one: string, many: string | undefined, readOnlyFields: readonly string[], describe: string): UnwrappedInput[] | undefined {
  if (isObject(value[one])) return [{ ...withoutReadOnly(value[one], readOnlyFields), at: one, shape: `${describe} output` }];
  const list = many === undefined ? undefined : value[many];
  if (!Array.isArray(list)) {
    const bare = withoutReadOnly(value, readOnlyFields);
    return bare.readOnly.length > 0 ? [{ ...bare, at: '', shape: `${describe} output` }] : undefined;
  }
  const failures = Array.isArray(value.failures) && value.failures.length > 0 ? describeFailures(value.failures) : undefined;
  return list.map((item, i) => ({ ...withoutReadOnly(item, readOnlyFields), at: `${many}[${i}]`, shape: `${describe} output`, ...(i === 0 && failures ? { failures } : {}) }));
}

/** A describe call's `failures` ({arn, reason, detail}), in one line. */
function describeFailures(failures: unknown[]): string {
  return failures.map((f) => (isObject(f) ? `${String(f.arn ?? '?')} ${String(f.reason ?? '')}`.trim() : String(f))).join(', ');
}

const wrapper = (key: string): JsonSchema => ({ type: 'object', properties: { [key]: { type: 'object' } }, required: [key] });
const listWrapper = (key: string): JsonSchema => ({ type: 'object', properties: { [key]: { type: 'array', items: { type: 'object' } } }, required: [key] });

/** Input shapes only: files are read as they are. */
const plain: Omit<InputKind, 'what'> = { unwrap: () => undefined, outputShapes: () => [] };

export const INPUT_KINDS = {
  taskDefinition: {
    what: 'a task definition',
    // describe-task-definition and register-task-definition both print { taskDefinition, tags }.
    unwrap: (v) => wrapped(v, 'taskDefinition', undefined, TASK_DEFINITION_READ_ONLY, 'describe-task-definition'),
    outputShapes: () => [wrapper('taskDefinition')],
  },
  service: {
    what: 'a service',
    unwrap: (v) => wrapped(v, 'service', 'services', SERVICE_READ_ONLY, 'describe-services'),
    outputShapes: () => [listWrapper('services'), wrapper('service')],
  },
  capacityProvider: {
    what: 'a capacity provider',
    unwrap: (v) => wrapped(v, 'capacityProvider', 'capacityProviders', CAPACITY_PROVIDER_READ_ONLY, 'describe-capacity-providers'),
    outputShapes: () => [listWrapper('capacityProviders'), wrapper('capacityProvider')],
  },
  targetTrackingPolicy: {
    what: 'a target tracking scaling policy',
    // put-scaling-policy --cli-input-json: { PolicyName, ..., TargetTrackingScalingPolicyConfiguration }.
    unwrap: (v) => {
      if (!isObject(v.TargetTrackingScalingPolicyConfiguration)) return undefined;
      const rest = Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'TargetTrackingScalingPolicyConfiguration' && !SCALING_POLICY_TARGET.includes(k)));
      return [{ value: { ...rest, ...v.TargetTrackingScalingPolicyConfiguration }, at: '', readOnly: [] }];
    },
    outputShapes: () => [wrapper('TargetTrackingScalingPolicyConfiguration')],
  },
  stepScalingPolicy: {
    what: 'a step scaling policy',
    unwrap: (v) => {
      if (!SCALING_POLICY_TARGET.some((k) => k in v)) return undefined;
      return [{ value: Object.fromEntries(Object.entries(v).filter(([k]) => !SCALING_POLICY_TARGET.includes(k))), at: '', readOnly: [] }];
    },
    outputShapes: () => [],
  },
  loadBalancer: { what: 'a load balancer', ...plain },
  targetGroup: { what: 'a target group', ...plain },
} satisfies Record<string, InputKind>;

export type InputKindName = keyof typeof INPUT_KINDS;

import { fileReferable } from './file-reference-schema.js';
import { array, doc, integer, object, oneOf, optional, refine, string, withDefault, type Infer } from './schema/index.js';

const aws = { unknownKeys: 'note' } as const;

const forward = object({ Type: oneOf(['forward'] as const), TargetGroupArn: string({ minLength: 1 }) }, aws);

const condition = refine(
  object(
    {
      Field: oneOf(['path-pattern', 'host-header'] as const),
      Values: optional(array(string({ minLength: 1 }), { min: 1 })),
      PathPatternConfig: optional(object({ Values: array(string({ minLength: 1 }), { min: 1 }) }, aws)),
      HostHeaderConfig: optional(object({ Values: array(string({ minLength: 1 }), { min: 1 }) }, aws)),
    },
    aws,
  ),
  (c, path, ctx) => {
    const values = c.Values ?? c.PathPatternConfig?.Values ?? c.HostHeaderConfig?.Values;
    return values ? { field: c.Field, values } : ctx.error(path, 'expected Values (or PathPatternConfig / HostHeaderConfig)');
  },
);

/** A CreateRule input without ListenerArn. */
const rule = object({ Priority: integer({ min: 1, max: 50_000 }), Conditions: array(condition, { min: 1 }), Actions: array(forward, { min: 1, max: 1 }) }, aws);

/** A CreateListener input without LoadBalancerArn, with its CreateRule inputs. */
const listener = object(
  {
    Protocol: withDefault(oneOf(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP'] as const), 'HTTP'),
    Port: integer({ min: 1, max: 65535 }),
    DefaultActions: array(forward, { min: 1, max: 1 }),
    Rules: withDefault(array(rule), []),
  },
  { ...aws, ignoredKeys: ['Certificates', 'SslPolicy', 'AlpnPolicy'] },
);

/** A CreateLoadBalancer input, with its listeners. */
export const loadBalancerSchema = doc(
  refine(
    object({ Name: string({ minLength: 1, maxLength: 32 }), Type: withDefault(oneOf(['application', 'network'] as const), 'application'), Listeners: withDefault(array(listener), []) }, {
      ...aws,
      ignoredKeys: ['Subnets', 'SubnetMappings', 'SecurityGroups', 'Scheme', 'Tags', 'IpAddressType'],
    }),
    (lb, path, ctx) => {
      if (lb.Type !== 'network') return lb;
      const i = lb.Listeners.findIndex((l) => l.Rules.length > 0);
      return i < 0 ? lb : ctx.error(`${path}.Listeners[${i}].Rules`, 'Network Load Balancers do not support listener rules (path- or host-based routing); use an Application Load Balancer');
    },
  ),
  'A CreateLoadBalancer input (application or network) with its listeners (CreateListener inputs) and their rules (CreateRule inputs).',
);

const attribute = object({ Key: string({ minLength: 1 }), Value: string() }, aws);

/** A CreateTargetGroup input; `Attributes` are ModifyTargetGroupAttributes' (deregistration_delay.timeout_seconds). */
export const targetGroupSchema = doc(
  object(
    {
      Name: string({ minLength: 1, maxLength: 32 }),
      Protocol: withDefault(oneOf(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP'] as const), 'HTTP'),
      Port: withDefault(integer({ min: 1, max: 65535 }), 80),
      TargetType: withDefault(oneOf(['instance', 'ip'] as const), 'instance'),
      HealthCheckPath: optional(string({ minLength: 1 })),
      HealthCheckIntervalSeconds: optional(integer({ min: 5, max: 300 })),
      HealthCheckTimeoutSeconds: optional(integer({ min: 2, max: 120 })),
      HealthyThresholdCount: optional(integer({ min: 2, max: 10 })),
      UnhealthyThresholdCount: optional(integer({ min: 2, max: 10 })),
      Attributes: withDefault(array(attribute), []),
    },
    { ...aws, ignoredKeys: ['VpcId', 'HealthCheckProtocol', 'HealthCheckPort', 'HealthCheckEnabled', 'Matcher', 'Tags', 'ProtocolVersion'] },
  ),
  'A CreateTargetGroup input; Attributes may set deregistration_delay.timeout_seconds (default 300).',
);

export const loadBalancingSchema = object(
  { loadBalancers: withDefault(array(fileReferable(loadBalancerSchema, 'loadBalancer')), []), targetGroups: withDefault(array(fileReferable(targetGroupSchema, 'targetGroup')), []) },
  { unknownKeys: 'error' },
);
export type LoadBalancingFile = Infer<typeof loadBalancingSchema>;

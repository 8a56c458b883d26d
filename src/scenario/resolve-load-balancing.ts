import {
  ALB_HEALTH_DEFAULTS,
  CLASSIC_HEALTH_DEFAULTS,
  DEFAULT_DEREGISTRATION_DELAY_MS,
  NLB_HEALTH_DEFAULTS,
  type LoadBalancer,
} from '../model/load-balancing.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { TargetGroupSpec } from './scenario-spec.js';
import type { ParseContext } from './schema/index.js';

/** A target group named by name or ARN (`arn:aws:elasticloadbalancing:...:targetgroup/<name>/<id>`). */
export function targetGroupName(reference: string): string {
  const match = /:targetgroup\/([^/]+)/.exec(reference);
  return match ? match[1] : reference;
}

const arnOf = (region: string, name: string) => `arn:aws:elasticloadbalancing:${region}:000000000000:targetgroup/${name}/ecsim`;

/**
 * Target groups and load balancers with their listeners, names resolved. A target group's kind (and
 * so its health check defaults) follows the load balancer whose listener forwards to it.
 */
export function resolveLoadBalancing(file: ScenarioFile, ctx: ParseContext): { loadBalancers: LoadBalancer[]; targetGroups: TargetGroupSpec[] } {
  const { loadBalancing } = file;
  const names = new Set(loadBalancing.targetGroups.map((t) => t.Name));
  const kindOf = new Map<string, 'application' | 'network'>();
  const loadBalancers: LoadBalancer[] = loadBalancing.loadBalancers.map((lb, i) => ({
    name: lb.Name,
    type: lb.Type,
    listeners: lb.Listeners.map((l, j) => {
      const at = `loadBalancing.loadBalancers[${i}].Listeners[${j}]`;
      const target = (reference: string, path: string) => {
        const name = targetGroupName(reference);
        if (!names.has(name)) ctx.error(path, `unknown target group "${reference}" (target groups: ${[...names].join(', ') || 'none'})`);
        kindOf.set(name, lb.Type);
        return name;
      };
      return {
        protocol: l.Protocol,
        port: l.Port,
        defaultTargetGroup: target(l.DefaultActions[0].TargetGroupArn, `${at}.DefaultActions[0].TargetGroupArn`),
        rules: l.Rules.map((r, k) => ({
          priority: r.Priority,
          conditions: r.Conditions,
          targetGroup: target(r.Actions[0].TargetGroupArn, `${at}.Rules[${k}].Actions[0].TargetGroupArn`),
        })),
      };
    }),
  }));
  const targetGroups: TargetGroupSpec[] = loadBalancing.targetGroups.map((t) => {
    const kind = kindOf.get(t.Name) ?? (['TCP', 'TLS', 'UDP', 'TCP_UDP'].includes(t.Protocol) ? 'network' : 'application');
    const defaults = kind === 'network' ? NLB_HEALTH_DEFAULTS : ALB_HEALTH_DEFAULTS;
    const delay = t.Attributes.find((a) => a.Key === 'deregistration_delay.timeout_seconds');
    return {
      name: t.Name,
      arn: arnOf(file.region, t.Name),
      kind,
      protocol: t.Protocol,
      port: t.Port,
      targetType: t.TargetType,
      healthCheck: {
        intervalMs: (t.HealthCheckIntervalSeconds ?? defaults.intervalMs / 1000) * 1000,
        timeoutMs: (t.HealthCheckTimeoutSeconds ?? defaults.timeoutMs / 1000) * 1000,
        healthyThreshold: t.HealthyThresholdCount ?? defaults.healthyThreshold,
        unhealthyThreshold: t.UnhealthyThresholdCount ?? defaults.unhealthyThreshold,
        path: t.HealthCheckPath,
      },
      deregistrationDelayMs: delay ? Number(delay.Value) * 1000 : DEFAULT_DEREGISTRATION_DELAY_MS,
    };
  });
  return { loadBalancers, targetGroups };
}

/** A Classic Load Balancer a service names: registered by instance, with the classic health check defaults. */
export function classicTargetGroup(region: string, loadBalancerName: string): TargetGroupSpec {
  return {
    name: loadBalancerName,
    arn: `arn:aws:elasticloadbalancing:${region}:000000000000:loadbalancer/${loadBalancerName}`,
    kind: 'classic',
    protocol: 'HTTP',
    port: 80,
    targetType: 'instance',
    healthCheck: CLASSIC_HEALTH_DEFAULTS,
    deregistrationDelayMs: DEFAULT_DEREGISTRATION_DELAY_MS,
  };
}

/**
 * What ECS checks when a service names a load balancer: the container and port exist in the task
 * definition, and the target type suits its network mode (ip for awsvpc, instance otherwise).
 */
export function loadBalancerProblem(td: TaskDefinition, group: TargetGroupSpec, containerName: string, containerPort: number): string | undefined {
  const container = td.containers.find((c) => c.name === containerName);
  if (!container || !container.portMappings.some((p) => p.containerPort === containerPort)) {
    return `The container ${containerName} did not have a container port ${containerPort} defined.`;
  }
  if (group.targetType === 'instance' && td.networkMode === 'awsvpc') {
    return `The provided target group ${group.arn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`;
  }
  if (group.targetType === 'ip' && td.networkMode !== 'awsvpc') {
    return `The provided target group ${group.arn} has target type ip, which is incompatible with the ${td.networkMode} network mode specified in the task definition.`;
  }
  return undefined;
}

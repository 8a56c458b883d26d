import type { Millis } from '../engine/time.js';

/** ELB target health states (ELBv2 TargetHealth). */
export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining';

export interface HealthCheck {
  intervalMs: Millis;
  timeoutMs: Millis;
  healthyThreshold: number;
  unhealthyThreshold: number;
  path?: string;
}

/** A listener rule condition (ALB): every value is a pattern with `*` and `?` wildcards. */
export interface RuleCondition {
  field: 'path-pattern' | 'host-header';
  values: string[];
}

export interface ListenerRule {
  /** Lower first; the default action comes last. */
  priority: number;
  conditions: RuleCondition[];
  targetGroup: string;
}

export interface Listener {
  protocol: string;
  port: number;
  rules: ListenerRule[];
  defaultTargetGroup: string;
}

export interface LoadBalancer {
  name: string;
  type: 'application' | 'network' | 'classic';
  listeners: Listener[];
}

export interface TargetGroup {
  name: string;
  /** A per-run ARN, as ECS events print it. */
  arn: string;
  /** `classic` for a Classic Load Balancer registered by name. */
  kind: 'application' | 'network' | 'classic';
  protocol: string;
  port: number;
  targetType: 'instance' | 'ip';
  healthCheck: HealthCheck;
  deregistrationDelayMs: Millis;
  /** Registered targets by task id. */
  targets: Map<string, Target>;
  /** The services whose tasks register with it (from the scenario), in scenario order. */
  services: string[];
}

export interface Target {
  taskId: string;
  /** `i-0001:32768` (instance targets) or the task's id standing in for its ENI address (ip targets). */
  id: string;
  port: number;
  state: TargetState;
  registeredAt: Millis;
}

/** ALB target group defaults (ELBv2 CreateTargetGroup; target group health checks). */
export const ALB_HEALTH_DEFAULTS: HealthCheck = { intervalMs: 30_000, timeoutMs: 5_000, healthyThreshold: 5, unhealthyThreshold: 2 };
/** NLB target group defaults: 30 s interval, 10 s timeout, thresholds 5 and 2 (ELBv2 CreateTargetGroup). */
export const NLB_HEALTH_DEFAULTS: HealthCheck = { intervalMs: 30_000, timeoutMs: 10_000, healthyThreshold: 5, unhealthyThreshold: 2 };
/** Classic Load Balancer defaults: interval 30 s, timeout 5 s, healthy 10, unhealthy 2 (ELB ConfigureHealthCheck). */
export const CLASSIC_HEALTH_DEFAULTS: HealthCheck = { intervalMs: 30_000, timeoutMs: 5_000, healthyThreshold: 10, unhealthyThreshold: 2 };
/** deregistration_delay.timeout_seconds defaults to 300 s. */
export const DEFAULT_DEREGISTRATION_DELAY_MS = 300_000;

/**
 * Which target group a listener sends a request to: rules in priority order, the first whose
 * conditions all match (each condition: any of its values), else the default action (ELBv2 listener
 * rules). Host headers compare without case; paths with case.
 */
export function routeRequest(listener: Listener, request: { host?: string; path?: string }): string {
  const rules = [...listener.rules].sort((a, b) => a.priority - b.priority);
  for (const rule of rules) {
    const matches = rule.conditions.every((c) =>
      c.field === 'host-header'
        ? c.values.some((v) => wildcard(v, true).test(request.host ?? ''))
        : c.values.some((v) => wildcard(v, false).test(request.path ?? '/')),
    );
    if (matches) return rule.targetGroup;
  }
  return listener.defaultTargetGroup;
}

function wildcard(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}

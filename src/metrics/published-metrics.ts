import type { MetricKey } from './metric-store.js';

/**
 * The metrics ecsim publishes, named as CloudWatch names them, so alarms and custom-metric target
 * tracking in a scenario can address them the way they would address AWS's:
 *
 * - `AWS/ECS` {ClusterName, ServiceName}: CPUUtilization, MemoryUtilization (DG CloudWatch metrics)
 * - `AWS/ECS` {ClusterName}: CPUReservation, MemoryReservation, CPUUtilization, MemoryUtilization (EC2 only)
 * - `AWS/ApplicationELB` (Application Load Balancers only) {LoadBalancer}, {LoadBalancer, TargetGroup}: RequestCount, HTTPCode_ELB_5XX_Count;
 *   {TargetGroup}, {LoadBalancer, TargetGroup}: RequestCountPerTarget, TargetResponseTime (seconds)
 * - `AWS/ECS/ManagedScaling` {CapacityProviderName, ClusterName}: CapacityProviderReservation
 * - `ecsim` {ClusterName, ServiceName}: RequestRate (requests/s offered), RequestCountPerTarget (the
 *   minute's requests over healthy tasks), RequestsOverCapacity (requests/s not served), ResponseTime (ms):
 *   the simulated workload's own figures, for services without a load balancer.
 */
export const SERVICE_METRICS = ['CPUUtilization', 'MemoryUtilization'] as const;
export const CLUSTER_METRICS = ['CPUReservation', 'MemoryReservation', 'CPUUtilization', 'MemoryUtilization'] as const;
export const LOAD_BALANCER_METRICS = ['RequestCount', 'HTTPCode_ELB_5XX_Count'] as const;
export const TARGET_GROUP_METRICS = ['RequestCount', 'HTTPCode_ELB_5XX_Count', 'RequestCountPerTarget', 'TargetResponseTime'] as const;
/** Published under the TargetGroup dimension alone too. */
export const PER_TARGET_GROUP = ['RequestCountPerTarget', 'TargetResponseTime'] as const;
export const WORKLOAD_METRICS = ['RequestRate', 'RequestCountPerTarget', 'RequestsOverCapacity', 'ResponseTime'] as const;

export const serviceMetric = (clusterName: string, serviceName: string, metricName: string): MetricKey => ({ namespace: 'AWS/ECS', metricName, dimensions: { ClusterName: clusterName, ServiceName: serviceName } });
export const clusterMetric = (clusterName: string, metricName: string): MetricKey => ({ namespace: 'AWS/ECS', metricName, dimensions: { ClusterName: clusterName } });
export const workloadMetric = (clusterName: string, serviceName: string, metricName: string): MetricKey => ({ namespace: 'ecsim', metricName, dimensions: { ClusterName: clusterName, ServiceName: serviceName } });
export const capacityProviderReservation = (clusterName: string, provider: string): MetricKey => ({
  namespace: 'AWS/ECS/ManagedScaling',
  metricName: 'CapacityProviderReservation',
  dimensions: { CapacityProviderName: provider, ClusterName: clusterName },
});

/** The LoadBalancer dimension value of an ALB (`app/<name>/<id>`); ecsim's id is `ecsim`. */
export const loadBalancerDimension = (name: string) => `app/${name}/ecsim`;
/** The TargetGroup dimension value (`targetgroup/<name>/<id>`). */
export const targetGroupDimension = (name: string) => `targetgroup/${name}/ecsim`;

export function loadBalancerMetric(loadBalancer: string, metricName: string, targetGroup?: string): MetricKey {
  const dimensions: Record<string, string> = { LoadBalancer: loadBalancerDimension(loadBalancer) };
  if (targetGroup !== undefined) dimensions.TargetGroup = targetGroupDimension(targetGroup);
  return { namespace: 'AWS/ApplicationELB', metricName, dimensions };
}
export const targetGroupMetric = (targetGroup: string, metricName: string): MetricKey => ({ namespace: 'AWS/ApplicationELB', metricName, dimensions: { TargetGroup: targetGroupDimension(targetGroup) } });

/**
 * A dimension value as ecsim names it: load balancer and target group values keep their name and take
 * ecsim's id, so `targetgroup/web/6d4ea56ca2d6a18d`, an ARN ending in it, or plain `web` all name the
 * target group `web`.
 */
export function canonicalDimension(name: string, value: string): string {
  if (name === 'TargetGroup') {
    const match = /targetgroup\/([^/]+)/.exec(value);
    return targetGroupDimension(match ? match[1] : value);
  }
  if (name === 'LoadBalancer') {
    const match = /app\/([^/]+)/.exec(value);
    return loadBalancerDimension(match ? match[1] : value);
  }
  return value;
}

/** The target group a target tracking ResourceLabel names (`app/<lb>/<id>/targetgroup/<tg>/<id>`), if it is well formed. */
export function resourceLabelTargetGroup(label: string): { loadBalancer: string; targetGroup: string } | undefined {
  const match = /^app\/([^/]+)\/[^/]+\/targetgroup\/([^/]+)\/[^/]+$/.exec(label);
  return match ? { loadBalancer: match[1], targetGroup: match[2] } : undefined;
}

/** What a scenario's names make ecsim publish (for checking that an alarm's metric will have data). */
export interface PublishedNames {
  clusterName: string;
  services: readonly string[];
  /** Application Load Balancers and the target groups their listeners forward to. */
  loadBalancers: readonly { name: string; targetGroups: readonly string[] }[];
  capacityProviders: readonly string[];
}

export function publishedMetrics(names: PublishedNames): MetricKey[] {
  const { clusterName } = names;
  return [
    ...CLUSTER_METRICS.map((m) => clusterMetric(clusterName, m)),
    ...names.services.flatMap((s) => [...SERVICE_METRICS.map((m) => serviceMetric(clusterName, s, m)), ...WORKLOAD_METRICS.map((m) => workloadMetric(clusterName, s, m))]),
    ...names.loadBalancers.flatMap((lb) => [
      ...LOAD_BALANCER_METRICS.map((m) => loadBalancerMetric(lb.name, m)),
      ...lb.targetGroups.flatMap((tg) => [...TARGET_GROUP_METRICS.map((m) => loadBalancerMetric(lb.name, m, tg)), ...PER_TARGET_GROUP.map((m) => targetGroupMetric(tg, m))]),
    ]),
    ...names.capacityProviders.map((p) => capacityProviderReservation(clusterName, p)),
  ];
}

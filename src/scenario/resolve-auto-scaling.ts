import { targetGroupShares } from '../workload/request-mix.js';
import { azureTraceTimes, perMinuteRate } from '../workload/trace-rate.js';
import { toRequestRate } from './service-load-schema.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { LoadBalancerRequestsSpec, ScalingMetric, ServiceAutoScalingSpec, ServiceLoadSpec } from './scenario-spec.js';
import type { StepScalingFile, TargetTrackingFile } from './auto-scaling-schema.js';
import { metricId, type MetricKey } from '../metrics/metric-store.js';
import { canonicalDimension, publishedMetrics, resourceLabelTargetGroup, serviceMetric, targetGroupMetric, workloadMetric } from '../metrics/published-metrics.js';
import type { LoadBalancer } from '../model/load-balancing.js';
import type { ParseContext } from './schema/index.js';
import { readScenarioFile, type ReadFile } from './read-scenario-file.js';


/** What the metrics of a scenario are named after (see published-metrics.ts). */
export interface MetricNames {
  loadBalancers: LoadBalancer[];
  capacityProviders: readonly { name: string }[];
  /** Each service's target groups, by service name. */
  serviceTargetGroups: ReadonlyMap<string, readonly string[]>;
}

/**
 * Service load, load balancer requests and auto scaling: loads and scalable targets name REPLICA
 * services of the scenario (one scalable target per service), requests name a load balancer and one
 * of its listeners, and every policy's metric is one ecsim publishes.
 */
export function resolveAutoScaling(
  file: ScenarioFile,
  names: MetricNames,
  ctx: ParseContext,
  readFile?: ReadFile,
): { serviceLoad: ServiceLoadSpec[]; loadBalancerRequests: LoadBalancerRequestsSpec[]; serviceAutoScaling: ServiceAutoScalingSpec[] } {
  const replicas = new Set(file.services.filter((s) => s.schedulingStrategy !== 'DAEMON').map((s) => s.serviceName));
  const known = (name: string, path: string) => {
    if (replicas.has(name)) return true;
    const daemon = file.services.some((s) => s.serviceName === name);
    ctx.error(path, daemon ? `service "${name}" uses the DAEMON scheduling strategy: its tasks follow the instances, not a desired count` : `unknown service "${name}" (services: ${[...replicas].join(', ') || 'none'})`);
    return false;
  };
  const rateOf = (rate: Parameters<typeof toRequestRate>[0], path: string) => toRequestRate(rate, () => readTrace(rate as { file: string }, `${path}.file`, ctx, readFile));
  const serviceLoad = file.workload.serviceLoad.flatMap((l, i) => {
    if (!known(l.service, `workload.serviceLoad[${i}].service`)) return [];
    return [{ ...l, rate: l.rate && rateOf(l.rate, `workload.serviceLoad[${i}].rate`) }];
  });
  const loadBalancerRequests = file.workload.loadBalancerRequests.flatMap((r, i) => {
    const path = `workload.loadBalancerRequests[${i}]`;
    const lb = names.loadBalancers.find((l) => l.name === r.loadBalancer);
    if (!lb) {
      ctx.error(`${path}.loadBalancer`, `unknown load balancer "${r.loadBalancer}" (load balancers: ${names.loadBalancers.map((l) => l.name).join(', ') || 'none'})`);
      return [];
    }
    const listener = r.port === undefined ? lb.listeners[0] : lb.listeners.find((l) => l.port === r.port);
    if (!listener) {
      const ports = lb.listeners.map((l) => l.port).join(', ');
      ctx.error(r.port === undefined ? `${path}.loadBalancer` : `${path}.port`, `load balancer "${lb.name}" has no listener${r.port === undefined ? '' : ` on port ${r.port}`} (listener ports: ${ports || 'none'})`);
      return [];
    }
    const shares = [...targetGroupShares(listener, r.mix)].map(([targetGroup, share]) => ({ targetGroup, share }));
    return [{ loadBalancer: lb.name, listener, rate: rateOf(r.rate, `${path}.rate`), mix: r.mix, shares }];
  });
  const published = new Set(publishedMetrics({
    clusterName: file.cluster.clusterName,
    services: [...replicas],
    loadBalancers: names.loadBalancers.filter((lb) => lb.type === 'application').map((lb) => ({ name: lb.name, targetGroups: listenerTargetGroups(lb) })),
    capacityProviders: names.capacityProviders.map((p) => p.name),
  }).map(metricId));
  const seen = new Set<string>();
  const serviceAutoScaling = file.serviceAutoScaling.flatMap((t, i) => {
    if (!known(t.service, `serviceAutoScaling[${i}].service`)) return [];
    if (seen.has(t.service)) ctx.error(`serviceAutoScaling[${i}].service`, `service "${t.service}" already has a scalable target`);
    seen.add(t.service);
    const checked = (metric: ScalingMetric, path: string) => {
      if (!published.has(metricId(metric.key))) ctx.error(path, `ecsim publishes no metric ${describeMetric(metric.key)}; it publishes the metrics listed in docs/scenarios.md (e.g. ${describeMetric(serviceMetric(file.cluster.clusterName, t.service, 'CPUUtilization'))})`);
      return metric;
    };
    const cluster = file.cluster.clusterName;
    return [{
      ...t,
      targetTrackingPolicies: t.targetTrackingPolicies.map((p, k) => ({ ...p, metric: checked(targetTrackingMetric(p, cluster, t.service, names.serviceTargetGroups.get(t.service) ?? []), `serviceAutoScaling[${i}].targetTrackingPolicies[${k}]`) })),
      stepScalingPolicies: t.stepScalingPolicies.map((p, k) => ({ ...p, metric: checked(alarmMetric(p.alarm, cluster, t.service), `serviceAutoScaling[${i}].stepScalingPolicies[${k}].alarm`) })),
    }];
  });
  return { serviceLoad, loadBalancerRequests, serviceAutoScaling };
}

/** The target groups a load balancer's listeners forward to. */
function listenerTargetGroups(lb: LoadBalancer): string[] {
  return [...new Set(lb.listeners.flatMap((l) => [l.defaultTargetGroup, ...l.rules.map((r) => r.targetGroup)]))];
}

/**
 * A target tracking policy's metric: the predefined ones as AAS defines them (the service's average
 * CPU or memory utilization; ALBRequestCountPerTarget: the Sum of the ResourceLabel's target group's
 * RequestCountPerTarget, else the service's first target group's, else ecsim's own per-task request
 * count for a service without a load balancer), or the customized metric as written.
 */
function targetTrackingMetric(policy: TargetTrackingFile, cluster: string, service: string, targetGroups: readonly string[]): ScalingMetric {
  const custom = policy.CustomizedMetricSpecification;
  if (custom) return { key: { namespace: custom.Namespace, metricName: custom.MetricName, dimensions: dimensionsOf(custom.Dimensions) }, statistic: custom.Statistic, periodMinutes: 1 };
  const predefined = policy.PredefinedMetricSpecification!;
  switch (predefined.PredefinedMetricType) {
    case 'ECSServiceAverageCPUUtilization':
      return { key: serviceMetric(cluster, service, 'CPUUtilization'), statistic: 'Average', periodMinutes: 1 };
    case 'ECSServiceAverageMemoryUtilization':
      return { key: serviceMetric(cluster, service, 'MemoryUtilization'), statistic: 'Average', periodMinutes: 1 };
    case 'ALBRequestCountPerTarget': {
      const label = predefined.ResourceLabel === undefined ? undefined : resourceLabelTargetGroup(predefined.ResourceLabel);
      const group = label?.targetGroup ?? targetGroups[0];
      const key = group === undefined ? workloadMetric(cluster, service, 'RequestCountPerTarget') : targetGroupMetric(group, 'RequestCountPerTarget');
      return { key, statistic: 'Sum', periodMinutes: 1 };
    }
  }
}

/** A step scaling alarm's metric: its namespace and name, its dimensions (AWS/ECS defaults to the service's). */
function alarmMetric(alarm: StepScalingFile['alarm'], cluster: string, service: string): ScalingMetric {
  const dimensions = alarm.Dimensions ? dimensionsOf(alarm.Dimensions) : alarm.Namespace === 'AWS/ECS' ? { ClusterName: cluster, ServiceName: service } : {};
  return { key: { namespace: alarm.Namespace, metricName: alarm.MetricName, dimensions }, statistic: alarm.statistic, periodMinutes: alarm.Period / 60 };
}

const dimensionsOf = (list: readonly { Name: string; Value: string }[]) => Object.fromEntries(list.map((d) => [d.Name, canonicalDimension(d.Name, d.Value)]));

const describeMetric = (key: MetricKey) => `${key.namespace} ${key.metricName} {${Object.entries(key.dimensions).map(([k, v]) => `${k}=${v}`).join(', ')}}`;

/** A request trace as requests per second per minute; a file that cannot be read or parsed is an error at `path`. */
function readTrace(rate: { file: string }, path: string, ctx: ParseContext, readFile: ReadFile | undefined): number[] {
  const text = readScenarioFile(rate.file, path, ctx, readFile);
  if (text === undefined) return [];
  const times = azureTraceTimes(text);
  if (!Array.isArray(times)) {
    ctx.error(path, `${rate.file} line ${times.line}: ${times.problem}`);
    return [];
  }
  return perMinuteRate(times);
}

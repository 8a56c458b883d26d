import { stepAlarmName, stepPolicyName, targetTrackingAlarmName, targetTrackingPolicyName } from '../autoscaling/scaling-names.js';
import type { World } from '../model/world.js';
import type { ScalingMetric, ScenarioSpec } from '../scenario/scenario-spec.js';
import type { Series, ServiceScalingPolicyRecord } from './results.js';

/** The Results parts that come from the per-minute metrics: services', the cluster's, load balancers', and the scaling policies. */

/** The minute that ended at sample time t, as an index into per-minute records (undefined between minutes). */
const minuteAt = (t: number) => (t % 60_000 === 0 && t >= 60_000 ? t / 60_000 - 1 : undefined);
const perSecond = (perMinute: number | undefined) => (perMinute === undefined ? undefined : perMinute / 60);
const round2 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

export function clusterUtilization(world: World, t: readonly number[]): Pick<Series, 'cpuUtilization' | 'memoryUtilization'> {
  const at = (ms: number) => {
    const m = minuteAt(ms);
    return m === undefined ? undefined : world.clusterMinutes[m];
  };
  return { cpuUtilization: t.map((ms) => round2(at(ms)?.cpuUtilization)), memoryUtilization: t.map((ms) => round2(at(ms)?.memoryUtilization)) };
}

export function loadBalancerSeries(world: World, t: readonly number[]): Series['byLoadBalancer'] {
  const out: Series['byLoadBalancer'] = {};
  for (const [name, minutes] of world.loadBalancerMinutes) {
    const at = (ms: number) => {
      const m = minuteAt(ms);
      return m === undefined ? undefined : minutes[m];
    };
    out[name] = { requestRate: t.map((ms) => round2(perSecond(at(ms)?.requests))), failedRate: t.map((ms) => round2(perSecond(at(ms)?.failed))) };
  }
  return out;
}

export function scalingPolicies(spec: ScenarioSpec): ServiceScalingPolicyRecord[] {
  const cluster = spec.cluster.clusterName;
  const metric = (m: ScalingMetric) => ({ namespace: m.key.namespace, metricName: m.key.metricName, dimensions: { ...m.key.dimensions }, statistic: m.statistic, periodSeconds: m.periodMinutes * 60 });
  return spec.serviceAutoScaling.flatMap((t) => [
    ...t.targetTrackingPolicies.map((p, k) => ({
      service: t.service,
      policyName: targetTrackingPolicyName(t.service, p, k),
      policyType: 'TargetTrackingScaling' as const,
      metric: metric(p.metric),
      targetValue: p.TargetValue,
      threshold: null,
      comparisonOperator: null,
      alarms: [targetTrackingAlarmName(cluster, t.service, k, 'AlarmHigh'), targetTrackingAlarmName(cluster, t.service, k, 'AlarmLow')],
      scaleOutCooldownMs: p.ScaleOutCooldown * 1000,
      scaleInCooldownMs: p.ScaleInCooldown * 1000,
    })),
    ...t.stepScalingPolicies.map((p, k) => ({
      service: t.service,
      policyName: stepPolicyName(t.service, p, k),
      policyType: 'StepScaling' as const,
      metric: metric(p.metric),
      targetValue: null,
      threshold: p.alarm.Threshold,
      comparisonOperator: p.alarm.ComparisonOperator,
      alarms: [stepAlarmName(t.service, p, k)],
      scaleOutCooldownMs: p.StepScalingPolicyConfiguration.Cooldown * 1000,
      scaleInCooldownMs: p.StepScalingPolicyConfiguration.Cooldown * 1000,
    })),
  ]);
}

/** Each service's minute datapoints at the sample times: the sample at t shows the minute that ended at t. */
export function serviceMetrics(world: World, t: readonly number[]): Series['serviceMetrics'] {
  const out: Series['serviceMetrics'] = {};
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  for (const scaling of world.serviceScaling.values()) {
    const at = (i: number) => (t[i] % 60_000 === 0 && t[i] >= 60_000 ? scaling.minutes[t[i] / 60_000 - 1] : undefined);
    const pick = (f: (m: NonNullable<ReturnType<typeof at>>) => number | null) => t.map((_, i) => {
      const m = at(i);
      return m === undefined ? null : round(f(m));
    });
    out[scaling.service] = {
      requestRate: pick((m) => m.requestRate),
      cpuUtilization: pick((m) => m.cpuUtilization),
      memoryUtilization: pick((m) => m.memoryUtilization),
      requestCountPerTarget: pick((m) => m.requestCountPerTarget),
      requestsOverCapacity: pick((m) => m.requestsOverCapacity),
      latencyMs: pick((m) => m.latencyMs),
      alarms: Object.fromEntries(
        Object.entries(scaling.alarmHistory).map(([name, states]) => [name, t.map((ms) => (ms % 60_000 === 0 && ms >= 60_000 ? states.at(ms / 60_000 - 1) ?? null : null))]),
      ),
    };
  }
  return out;
}

/**
 * Application Auto Scaling in CloudFormation templates as scenario `serviceAutoScaling` entries: an
 * AWS::ApplicationAutoScaling::ScalableTarget per service (the service named by its ResourceId
 * `service/<cluster>/<service>`), its AWS::ApplicationAutoScaling::ScalingPolicy resources (by
 * ScalingTargetId, or the same ResourceId), and for a step policy the AWS::CloudWatch::Alarm whose
 * AlarmActions name it. Property names stay PascalCase, as the scenario takes these inputs.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Resources = Record<string, { Type: string; Properties?: Json }>;

/** Numbers CloudFormation templates often write as strings. */
const NUMERIC = new Set(['MinCapacity', 'MaxCapacity', 'Cooldown', 'ScalingAdjustment', 'MetricIntervalLowerBound', 'MetricIntervalUpperBound', 'MinAdjustmentMagnitude', 'TargetValue', 'ScaleInCooldown', 'ScaleOutCooldown', 'Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold']);

export function serviceAutoScalingOf(resources: Resources, resolve: (value: Json) => Json): Record<string, unknown>[] {
  const of = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type).map(([id, r]) => [id, numbers(resolve(r.Properties ?? {})) as Record<string, Json>] as const);
  const policies = of('AWS::ApplicationAutoScaling::ScalingPolicy');
  const alarms = of('AWS::CloudWatch::Alarm');
  return of('AWS::ApplicationAutoScaling::ScalableTarget').map(([targetId, target]) => {
    const mine = policies.filter(([, p]) => p.ScalingTargetId === targetId || (p.ResourceId !== undefined && p.ResourceId === target.ResourceId));
    const alarmFor = (policyId: string) => alarms.find(([, a]) => Array.isArray(a.AlarmActions) && a.AlarmActions.includes(policyId))?.[1];
    return {
      service: String(target.ResourceId ?? '').split('/').pop(),
      minCapacity: target.MinCapacity,
      maxCapacity: target.MaxCapacity,
      ...(target.SuspendedState !== undefined ? { suspendedState: target.SuspendedState } : {}),
      targetTrackingPolicies: mine
        .filter(([, p]) => p.PolicyType === 'TargetTrackingScaling')
        .map(([, p]) => ({ PolicyName: p.PolicyName, ...(p.TargetTrackingScalingPolicyConfiguration as object) })),
      stepScalingPolicies: mine
        .filter(([, p]) => p.PolicyType === 'StepScaling')
        .map(([id, p]) => {
          const alarm = alarmFor(id);
          return {
            PolicyName: p.PolicyName,
            StepScalingPolicyConfiguration: p.StepScalingPolicyConfiguration,
            ...(alarm ? { alarm: alarmInput(alarm) } : {}),
          };
        }),
    };
  });
}

/**
 * The PutMetricAlarm fields a scenario alarm takes (name and actions are implied). The dimensions of a
 * service's own AWS/ECS metric are left out: the alarm watches the service the policy scales (a
 * template's ServiceName often refers to a parameter, not the simulated service's name).
 */
function alarmInput(alarm: Record<string, Json>): Record<string, Json> {
  const keys = ['Namespace', 'MetricName', 'Statistic', 'ExtendedStatistic', 'Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold', 'ComparisonOperator', 'TreatMissingData'];
  const dimensions = Array.isArray(alarm.Dimensions) ? alarm.Dimensions : [];
  const ownService = (alarm.Namespace ?? 'AWS/ECS') === 'AWS/ECS' && dimensions.some((d) => d !== null && typeof d === 'object' && !Array.isArray(d) && d.Name === 'ServiceName');
  return {
    ...Object.fromEntries(keys.filter((k) => alarm[k] !== undefined).map((k) => [k, alarm[k]])),
    ...(dimensions.length > 0 && !ownService ? { Dimensions: dimensions } : {}),
  };
}

function numbers(value: Json, key = ''): Json {
  if (Array.isArray(value)) return value.map((v) => numbers(v, key));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbers(v, k)]));
  return typeof value === 'string' && NUMERIC.has(key) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** The names AWS gives (or ecsim gives, where AWS adds a uuid) to scaling policies and their alarms. */

/** The alarms target tracking creates: `TargetTracking-service/<cluster>/<service>-AlarmHigh-<n>` (AWS adds a uuid where ecsim numbers the policy). */
export function targetTrackingAlarmName(clusterName: string, service: string, k: number, which: 'AlarmHigh' | 'AlarmLow'): string {
  return `TargetTracking-service/${clusterName}/${service}-${which}-${k + 1}`;
}

export const targetTrackingPolicyName = (service: string, policy: { PolicyName?: string }, k: number) => policy.PolicyName ?? `${service}-target-tracking-${k + 1}`;
export const stepPolicyName = (service: string, policy: { PolicyName?: string }, k: number) => policy.PolicyName ?? `${service}-step-scaling-${k + 1}`;
export const stepAlarmName = (service: string, policy: { PolicyName?: string; alarm: { MetricName: string } }, k: number) => `${policy.alarm.MetricName}-${stepPolicyName(service, policy, k)}`;

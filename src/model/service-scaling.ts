import type { ServiceAutoScalingSpec, ServiceLoadSpec } from '../scenario/scenario-spec.js';
import type { StepCooldown } from '../autoscaling/step-cooldown.js';
import type { Millis } from '../engine/time.js';
import type { AlarmRule, AlarmState } from '../metrics/alarm.js';
import type { AlarmHistory } from '../metrics/alarm-history.js';
import type { MetricHandle } from '../metrics/metric-store.js';

/** One minute's datapoints of a service's metrics (null: no datapoint, e.g. no task running). */
export interface ServiceMinute {
  /** RUNNING tasks at the minute's end (the SampleCount of the service's metrics). */
  runningTasks: number;
  requestRate: number;
  cpuUtilization: number | null;
  memoryUtilization: number | null;
  requestCountPerTarget: number | null;
  /** Requests per second the running tasks could not serve. */
  requestsOverCapacity: number;
  /** Mean response time of the served requests (a queueing approximation); null with no task running. */
  latencyMs: number | null;
}

/** The metrics published for a service each minute, found once in the metric store. */
export interface ServiceMetricHandles {
  cpuUtilization: MetricHandle;
  memoryUtilization: MetricHandle;
  requestRate: MetricHandle;
  requestCountPerTarget: MetricHandle;
  requestsOverCapacity: MetricHandle;
  responseTime: MetricHandle;
}

/** A service's metrics so far and Application Auto Scaling's state for it. */
export interface ServiceScaling {
  service: string;
  /** The service's load model and scalable target, if it has them. */
  load?: ServiceLoadSpec;
  target?: ServiceAutoScalingSpec;
  /** The service's metrics in the metric store. */
  published: ServiceMetricHandles;
  /** The metric each target tracking policy, then each step scaling policy, reads. */
  policyMetrics: { targetTracking: MetricHandle[]; stepScaling: MetricHandle[] };
  /** Per minute, the minute's datapoints when the minute ends at a sample time of the Results' series (else undefined). */
  minutes: (ServiceMinute | undefined)[];
  /** Per target tracking policy: its AlarmHigh and AlarmLow states (alarms start in INSUFFICIENT_DATA). */
  alarms: { high: AlarmState; low: AlarmState }[];
  /** Per target tracking policy: the rules of its AlarmHigh and AlarmLow. */
  targetTrackingRules: { high: AlarmRule; low: AlarmRule }[];
  /** Per step scaling policy: the state of the alarm that invokes it. */
  stepAlarms: AlarmState[];
  /** Every alarm's state at the end of each minute so far, by alarm name. */
  alarmHistory: Record<string, AlarmHistory>;
  /** The histories of alarmHistory in the order the alarms are evaluated (made at the first minute). */
  alarmHistories?: AlarmHistory[];
  cooldown?: StepCooldown;
  /** The scalable target's capacity bounds now (scheduled actions change them). */
  minCapacity: number;
  maxCapacity: number;
  /** Which scaling activities are suspended now (RegisterScalableTarget SuspendedState). */
  suspended: { scaleIn: boolean; scaleOut: boolean; scheduled: boolean };
}

/** A change of a service's desired count by Application Auto Scaling. */
export interface ServiceScalingActivity {
  at: Millis;
  service: string;
  from: number;
  to: number;
  cause: string;
  /** When the cooldown this activity started (or continued) ends; null for scheduled actions. */
  cooldownEndsAt: Millis | null;
}

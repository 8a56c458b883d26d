import { adjustedCapacity, stepFor } from '../autoscaling/step-adjustment.js';
import { applyStep, type StepCooldown } from '../autoscaling/step-cooldown.js';
import { combineWishes, targetTrackingAlarms, targetTrackingCapacity, type PolicyWish } from '../autoscaling/target-tracking.js';
import { nextOccurrence } from '../autoscaling/schedule.js';
import { evaluateAlarm, evaluationRange } from '../metrics/alarm.js';
import { metricHandle, newMetricStore, periodDatapointsOf } from '../metrics/metric-store.js';
import { AlarmHistory } from '../metrics/alarm-history.js';
import type { Millis } from '../engine/time.js';
import type { ServiceScaling } from '../model/service-scaling.js';
import type { Service } from '../model/service.js';
import type { ServiceAutoScalingSpec } from '../scenario/scenario-spec.js';
import type { RegisterScalableTargetFile } from '../scenario/auto-scaling-schema.js';

type SuspendedState = ServiceAutoScalingSpec['suspendedState'];
import { publishMetricsMinute, serviceMetricHandles } from './metrics-minute.js';
import { stepAlarmName, stepPolicyName, targetTrackingAlarmName, targetTrackingPolicyName } from '../autoscaling/scaling-names.js';
import { PHASE } from './events.js';
import { requestReconcile } from './reconcile-requests.js';
import type { Simulation } from './simulation.js';

const MINUTE = 60_000;

/**
 * Starts the once-a-minute metrics (the first datapoint at 1 min) when something produces or watches
 * them: services with load, behind load balancers that get requests, or with a scalable target. The
 * metric store keeps the metrics the alarms read, as many minutes as the longest alarm needs.
 */
export function startServiceMetrics(sim: Simulation): void {
  const routed = sim.spec.loadBalancerRequests.flatMap((r) => r.shares.map((s) => s.targetGroup));
  const behindLoadBalancers = sim.spec.services.filter((s) => s.loadBalancers.some((lb) => routed.includes(lb.targetGroup))).map((s) => s.name);
  const names = new Set([...sim.spec.serviceLoad.map((l) => l.service), ...sim.spec.serviceAutoScaling.map((t) => t.service), ...behindLoadBalancers]);
  // The store keeps what the alarms read.
  const read = sim.spec.serviceAutoScaling.flatMap((t) => [...t.targetTrackingPolicies, ...t.stepScalingPolicies].map((p) => p.metric.key));
  sim.world.metrics = newMetricStore(retentionMinutes(sim.spec.serviceAutoScaling), read);
  for (const service of [...names].sort()) {
    const target = sim.spec.serviceAutoScaling.find((t) => t.service === service);
    const alarms = (target?.targetTrackingPolicies ?? []).map(() => ({ high: 'INSUFFICIENT_DATA' as const, low: 'INSUFFICIENT_DATA' as const }));
    const stepAlarms = (target?.stepScalingPolicies ?? []).map(() => 'INSUFFICIENT_DATA' as const);
    const scaling: ServiceScaling = {
      service,
      load: sim.spec.serviceLoad.find((l) => l.service === service),
      target,
      published: serviceMetricHandles(sim.world.metrics, sim.world.clusterName, service),
      policyMetrics: {
        targetTracking: (target?.targetTrackingPolicies ?? []).map((p) => metricHandle(sim.world.metrics, p.metric.key)),
        stepScaling: (target?.stepScalingPolicies ?? []).map((p) => metricHandle(sim.world.metrics, p.metric.key)),
      },
      minutes: [],
      alarms,
      targetTrackingRules: (target?.targetTrackingPolicies ?? []).map((p) => targetTrackingAlarms(p.TargetValue)),
      stepAlarms,
      alarmHistory: {},
      minCapacity: target?.minCapacity ?? 0,
      maxCapacity: target?.maxCapacity ?? Infinity,
      suspended: { scaleIn: false, scaleOut: false, scheduled: false },
    };
    if (target) suspend(scaling, target.suspendedState);
    sim.world.serviceScaling.set(service, scaling);
    // RegisterScalableTarget brings a desired count outside [min, max] into it.
    const svc = sim.world.services.get(service)!;
    if (target) setDesiredCount(sim, svc, clamp(svc.desiredCount, scaling), 'the scalable target\'s minimum and maximum capacity');
    target?.scheduledActions.forEach((_, k) => scheduleAction(sim, service, k, sim.spec.startEpochMs - 1));
  }
  if (names.size > 0 && MINUTE <= sim.spec.durationMs) sim.engine.at(MINUTE, PHASE.metrics, { kind: 'ServiceMetricsDue' });
}

/** Minutes the store must keep: every alarm's evaluation range of whole periods, and the period in progress. */
function retentionMinutes(targets: readonly ServiceAutoScalingSpec[]): number {
  const needs = targets.flatMap((t) => [
    ...t.targetTrackingPolicies.map(() => evaluationRange(targetTrackingAlarms(1).low.evaluationPeriods) + 1),
    ...t.stepScalingPolicies.map((p) => p.metric.periodMinutes * (evaluationRange(p.alarm.EvaluationPeriods) + 1)),
  ]);
  return Math.max(1, ...needs);
}

/**
 * Once a minute: the datapoints of the minute just ended (publishMetricsMinute), then each service's
 * scaling alarms (target tracking and step scaling) and, while one is in ALARM, its policy (AAS
 * re-invokes a policy every minute its alarm stays in ALARM); then the alarms' states are kept.
 */
export function serviceMetricsDue(sim: Simulation): void {
  publishMetricsMinute(sim);
  for (const scaling of sim.world.serviceScaling.values()) {
    const { target } = scaling;
    if (!target) continue;
    scaleService(sim, sim.world.services.get(scaling.service)!, scaling, target);
    recordAlarms(sim, scaling, target);
  }
  const next = sim.engine.now + MINUTE;
  if (next <= sim.spec.durationMs) sim.engine.at(next, PHASE.metrics, { kind: 'ServiceMetricsDue' });
}

/** A scaling a policy asks for this minute, after its cooldown: the capacity, the cooldown state it leaves, and why. */
interface Proposal {
  desired: number;
  cooldown: StepCooldown | undefined;
  cause: string;
}

/**
 * Application Auto Scaling for one service this minute: each policy whose alarm is in ALARM proposes a
 * capacity (target tracking policies combined first); a scale-out beats a scale-in and the largest
 * capacity wins (AAS: with several policies, the one giving the largest capacity).
 */
function scaleService(sim: Simulation, service: Service, scaling: ServiceScaling, target: ServiceAutoScalingSpec): void {
  // Every policy's alarms are evaluated each minute, whether or not one proposes anything.
  const tracking = targetTrackingProposal(sim, service, scaling, target);
  const steps = target.stepScalingPolicies.length === 0 ? [] : stepProposals(sim, service, scaling, target);
  if (tracking === undefined && steps.every((p) => p === undefined)) return;
  const proposals = [tracking, ...steps].filter((p): p is Proposal => p !== undefined);
  // A suspended direction does nothing; the alarms go on being evaluated (AAS UG: suspend and resume scaling).
  const outs = scaling.suspended.scaleOut ? [] : proposals.filter((p) => p.desired > service.desiredCount);
  const ins = scaling.suspended.scaleIn ? [] : proposals.filter((p) => p.desired < service.desiredCount);
  // Application Auto Scaling turns off scale-in while an ECS deployment is in progress; scale-out goes on
  // (DG troubleshooting service auto scaling).
  const deploying = service.deployments.some((d) => d.rolloutState === 'IN_PROGRESS');
  const pool = outs.length > 0 ? outs : deploying ? [] : ins;
  if (pool.length === 0) return;
  const chosen = pool.reduce((best, p) => (p.desired > best.desired ? p : best));
  scaling.cooldown = chosen.cooldown;
  setDesiredCount(sim, service, chosen.desired, chosen.cause, chosen.cooldown?.until ?? null);
}

function targetTrackingProposal(sim: Simulation, service: Service, scaling: ServiceScaling, target: ServiceAutoScalingSpec): Proposal | undefined {
  const running = runningTasks(sim, service);
  const policies = target.targetTrackingPolicies;
  // Every policy's alarms first; most minutes none is in ALARM and nothing more is asked.
  const latest: (number | null | undefined)[] = [];
  let asking = false;
  policies.forEach((policy, k) => {
    const rules = scaling.targetTrackingRules[k];
    const { statistic, periodMinutes } = policy.metric;
    const series = periodDatapointsOf(sim.world.metrics, scaling.policyMetrics.targetTracking[k], statistic, periodMinutes, evaluationRange(rules.low.evaluationPeriods), minutesElapsed(sim));
    const alarms = scaling.alarms[k];
    alarms.high = evaluateAlarm(series, rules.high, alarms.high);
    alarms.low = evaluateAlarm(series, rules.low, alarms.low);
    latest.push(series.at(-1));
    if (alarms.high === 'ALARM' || (alarms.low === 'ALARM' && !policy.DisableScaleIn)) asking = true;
  });
  if (!asking) return undefined;
  const wishes: PolicyWish[] = policies.map((policy, k) => {
    const alarms = scaling.alarms[k];
    const latestValue = latest[k];
    if (latestValue === null || latestValue === undefined) return { capacity: service.desiredCount, direction: 'none' };
    const capacity = targetTrackingCapacity(running, latestValue, policy.TargetValue);
    if (alarms.high === 'ALARM') return { capacity, direction: 'out' };
    if (alarms.low === 'ALARM' && !policy.DisableScaleIn) return { capacity, direction: 'in' };
    return { capacity: service.desiredCount, direction: 'none' };
  });
  const wanted = combineWishes(service.desiredCount, wishes);
  if (wanted === undefined) return undefined;
  const desired = clamp(wanted, scaling);
  const out = desired > service.desiredCount;
  const cooldownMs = 1000 * Math.max(...policies.map((p) => (out ? p.ScaleOutCooldown : p.ScaleInCooldown)));
  const decision = applyStep(sim.engine.now, service.desiredCount, () => desired, cooldownMs, scaling.cooldown);
  if (decision.desired === undefined || decision.desired === service.desiredCount) return undefined;
  // AAS's activity cause names the alarm and the policy it triggered (the first policy that asked for this direction).
  const k = wishes.findIndex((w) => w.direction === (out ? 'out' : 'in'));
  const alarm = targetTrackingAlarmName(sim.world.clusterName, service.name, k, out ? 'AlarmHigh' : 'AlarmLow');
  const name = targetTrackingPolicyName(service.name, policies[k], k);
  return { desired: decision.desired, cooldown: decision.cooldown, cause: `monitor alarm ${alarm} in state ALARM triggered policy ${name}` };
}

/**
 * Step scaling: each policy's alarm is evaluated on its statistic over its period; while it is in ALARM
 * the policy runs every minute, on the alarm's latest datapoint, from the running count (DG service
 * auto scaling), within the cooldown and [min, max].
 */
function stepProposals(sim: Simulation, service: Service, scaling: ServiceScaling, target: ServiceAutoScalingSpec): (Proposal | undefined)[] {
  return target.stepScalingPolicies.map((policy, k) => {
    const { alarm } = policy;
    const { statistic, periodMinutes } = policy.metric;
    // The evaluation range's whole periods, aligned to time 0.
    const datapoints = periodDatapointsOf(sim.world.metrics, scaling.policyMetrics.stepScaling[k], statistic, periodMinutes, evaluationRange(alarm.EvaluationPeriods), minutesElapsed(sim));
    const rule = {
      threshold: alarm.Threshold,
      comparisonOperator: alarm.ComparisonOperator,
      evaluationPeriods: alarm.EvaluationPeriods,
      datapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods,
      treatMissingData: alarm.TreatMissingData,
    };
    scaling.stepAlarms[k] = evaluateAlarm(datapoints, rule, scaling.stepAlarms[k]);
    const latest = datapoints.at(-1);
    if (scaling.stepAlarms[k] !== 'ALARM' || latest === null || latest === undefined) return undefined;
    const config = policy.StepScalingPolicyConfiguration;
    const step = stepFor(latest, alarm.Threshold, config.StepAdjustments.map(toStep));
    if (!step) return undefined;
    const capacity = (base: number) => clamp(adjustedCapacity(base, config.AdjustmentType, step.scalingAdjustment, config.MinAdjustmentMagnitude), scaling);
    const decision = applyStep(sim.engine.now, service.desiredCount, capacity, config.Cooldown * 1000, scaling.cooldown, runningTasks(sim, service));
    if (decision.desired === undefined || decision.desired === service.desiredCount) return undefined;
    const name = stepPolicyName(service.name, policy, k);
    return { desired: decision.desired, cooldown: decision.cooldown, cause: `monitor alarm ${stepAlarmName(service.name, policy, k)} in state ALARM triggered policy ${name}` };
  });
}

const toStep = (s: { MetricIntervalLowerBound?: number; MetricIntervalUpperBound?: number; ScalingAdjustment: number }) => ({
  metricIntervalLowerBound: s.MetricIntervalLowerBound,
  metricIntervalUpperBound: s.MetricIntervalUpperBound,
  scalingAdjustment: s.ScalingAdjustment,
});

function setDesiredCount(sim: Simulation, service: Service, to: number, cause: string, cooldownEndsAt: Millis | null = null): void {
  if (to === service.desiredCount) return;
  sim.world.serviceScalingActivities.push({ at: sim.engine.now, service: service.name, from: service.desiredCount, to, cause, cooldownEndsAt });
  service.desiredCount = to;
  requestReconcile(sim, service);
}

const clamp = (count: number, bounds: { minCapacity: number; maxCapacity: number }) => Math.min(bounds.maxCapacity, Math.max(bounds.minCapacity, count));

function runningTasks(sim: Simulation, service: Service): number {
  return service.counts.running;
}

const minutesElapsed = (sim: Simulation) => Math.floor(sim.engine.now / MINUTE);

/** Schedules a scheduled action's next occurrence after `afterEpochMs`, within its StartTime / EndTime and the run. */
function scheduleAction(sim: Simulation, service: string, k: number, afterEpochMs: number): void {
  const action = sim.world.serviceScaling.get(service)!.target!.scheduledActions[k];
  const start = sim.spec.startEpochMs;
  const from = Math.max(afterEpochMs, (action.StartTime ?? start) - 1);
  const until = Math.min(start + sim.spec.durationMs, action.EndTime ?? Infinity);
  const next = nextOccurrence(action.schedule, from, until, action.StartTime ?? start);
  if (next !== undefined) sim.engine.at(next - start, PHASE.metrics, { kind: 'ScheduledActionDue', service, action: k });
}

/**
 * A scheduled action sets the scalable target's minimum and/or maximum; a desired count below the new
 * minimum scales out to it, one above the new maximum scales in to it. Cooldowns do not apply.
 */
export function scheduledActionDue(sim: Simulation, service: string, k: number): void {
  const scaling = sim.world.serviceScaling.get(service)!;
  const action = sim.world.serviceScaling.get(service)!.target!.scheduledActions[k];
  // While scheduled scaling is suspended an occurrence is skipped, not kept for later (ASSUMPTION, as EC2 Auto Scaling documents).
  if (scaling.suspended.scheduled) return scheduleAction(sim, service, k, sim.spec.startEpochMs + sim.engine.now);
  const { MinCapacity: min, MaxCapacity: max } = action.ScalableTargetAction;
  if (min !== undefined) scaling.minCapacity = min;
  if (max !== undefined) scaling.maxCapacity = max;
  const svc = sim.world.services.get(service)!;
  const name = action.ScheduledActionName ?? `${service}-scheduled-${k + 1}`;
  setDesiredCount(sim, svc, clamp(svc.desiredCount, scaling), `scheduled action ${name} set min capacity to ${scaling.minCapacity} and max capacity to ${scaling.maxCapacity}`);
  scheduleAction(sim, service, k, sim.spec.startEpochMs + sim.engine.now);
}

/** Sets the suspended flags a RegisterScalableTarget call gives (those it leaves out stay as they are). */
function suspend(scaling: ServiceScaling, state: SuspendedState): void {
  scaling.suspended = {
    scaleIn: state.DynamicScalingInSuspended ?? scaling.suspended.scaleIn,
    scaleOut: state.DynamicScalingOutSuspended ?? scaling.suspended.scaleOut,
    scheduled: state.ScheduledScalingSuspended ?? scaling.suspended.scheduled,
  };
}

/**
 * A later RegisterScalableTarget call (a timeline action): new bounds, with the desired count moved
 * into them at once as at registration, and/or suspending or resuming scaling activities.
 */
export function registerScalableTarget(sim: Simulation, call: RegisterScalableTargetFile): void {
  const scaling = sim.world.serviceScaling.get(call.service)!;
  if (call.suspendedState) suspend(scaling, call.suspendedState);
  if (call.minCapacity !== undefined) scaling.minCapacity = call.minCapacity;
  if (call.maxCapacity !== undefined) scaling.maxCapacity = call.maxCapacity;
  // Only one bound given, past the other: the new one holds, as RegisterScalableTarget would have refused the old pair.
  if (scaling.minCapacity > scaling.maxCapacity) {
    if (call.minCapacity !== undefined) scaling.maxCapacity = scaling.minCapacity;
    else scaling.minCapacity = scaling.maxCapacity;
  }
  const service = sim.world.services.get(call.service)!;
  setDesiredCount(sim, service, clamp(service.desiredCount, scaling), `RegisterScalableTarget set min capacity to ${scaling.minCapacity} and max capacity to ${scaling.maxCapacity}`);
}

/** Appends every alarm's state for the minute just evaluated. */
function recordAlarms(sim: Simulation, scaling: ServiceScaling, target: ServiceAutoScalingSpec): void {
  // The histories in order: each target tracking policy's AlarmHigh and AlarmLow, then each step policy's alarm.
  const histories = (scaling.alarmHistories ??= [
    ...scaling.alarms.flatMap((_, k) => [targetTrackingAlarmName(sim.world.clusterName, scaling.service, k, 'AlarmHigh'), targetTrackingAlarmName(sim.world.clusterName, scaling.service, k, 'AlarmLow')]),
    ...target.stepScalingPolicies.map((policy, k) => stepAlarmName(scaling.service, policy, k)),
  ].map((name) => (scaling.alarmHistory[name] ??= new AlarmHistory())));
  let h = 0;
  for (const a of scaling.alarms) {
    histories[h++].push(a.high);
    histories[h++].push(a.low);
  }
  for (const state of scaling.stepAlarms) histories[h++].push(state);
}

import { adjustedCapacity, stepFor } from '../autoscaling/step-adjustment.js';
import { applyStep, type StepCooldown } from '../autoscaling/step-cooldown.js';
import { combineWishes, targetTrackingAlarms, targetTrackingCapacity, type PolicyWish } from '../autoscaling/target-tracking.js';
import { nextOccurrence } from '../autoscaling/schedule.js';
import { evaluateAlarm, evaluationRange, type AlarmState } from '../metrics/alarm.js';
import { periodDatapoints } from '../metrics/period-datapoints.js';
import { serviceUtilization } from '../metrics/service-utilization.js';
import type { ServiceMinute, ServiceScaling } from '../model/service-scaling.js';
import type { Service } from '../model/service.js';
import type { ServiceAutoScalingSpec, ServiceLoadSpec } from '../scenario/scenario-spec.js';
import type { TargetTrackingFile } from '../scenario/auto-scaling-schema.js';
import { requestRate } from '../workload/request-rate.js';
import { PHASE } from './events.js';
import { requestReconcile } from './service-scheduler.js';
import type { Simulation } from './simulation.js';

const MINUTE = 60_000;

/** Starts the once-a-minute metrics of services with load or auto scaling (the first datapoint at 1 min). */
export function startServiceMetrics(sim: Simulation): void {
  const names = new Set([...sim.spec.serviceLoad.map((l) => l.service), ...sim.spec.serviceAutoScaling.map((t) => t.service)]);
  for (const service of [...names].sort()) {
    const target = sim.spec.serviceAutoScaling.find((t) => t.service === service);
    const alarms = (target?.targetTrackingPolicies ?? []).map(() => ({ high: 'INSUFFICIENT_DATA' as const, low: 'INSUFFICIENT_DATA' as const }));
    const stepAlarms = (target?.stepScalingPolicies ?? []).map(() => 'INSUFFICIENT_DATA' as const);
    const scaling: ServiceScaling = { service, minutes: [], alarms, stepAlarms, alarmHistory: {}, minCapacity: target?.minCapacity ?? 0, maxCapacity: target?.maxCapacity ?? Infinity };
    sim.world.serviceScaling.set(service, scaling);
    // RegisterScalableTarget brings a desired count outside [min, max] into it.
    const svc = sim.world.services.get(service)!;
    if (target) setDesiredCount(sim, svc, clamp(svc.desiredCount, scaling), 'the scalable target\'s minimum and maximum capacity');
    target?.scheduledActions.forEach((_, k) => scheduleAction(sim, service, k, sim.spec.startEpochMs - 1));
  }
  if (names.size > 0 && MINUTE <= sim.spec.durationMs) sim.engine.at(MINUTE, PHASE.metrics, { kind: 'ServiceMetricsDue' });
}

/**
 * Once a minute: each service's datapoints for the minute just ended (ECS sends one aggregated point a
 * minute), then its scaling alarms (target tracking and step scaling) and, while one is in ALARM, its
 * policy (AAS re-invokes a policy every minute its alarm stays in ALARM); then the alarms' states are kept.
 */
export function serviceMetricsDue(sim: Simulation): void {
  for (const scaling of sim.world.serviceScaling.values()) {
    const service = sim.world.services.get(scaling.service)!;
    const load = sim.spec.serviceLoad.find((l) => l.service === scaling.service);
    scaling.minutes.push(serviceMinute(sim, service, load));
    const target = sim.spec.serviceAutoScaling.find((t) => t.service === scaling.service);
    if (target) {
      scaleService(sim, service, scaling, target);
      recordAlarms(sim, scaling, target);
    }
  }
  const next = sim.engine.now + MINUTE;
  if (next <= sim.spec.durationMs) sim.engine.at(next, PHASE.metrics, { kind: 'ServiceMetricsDue' });
}

/**
 * The minute's datapoints. Requests spread evenly over the serving tasks, RUNNING and healthy (a load
 * balancer routes only to healthy targets; ASSUMPTION: a service without one serves from its healthy
 * tasks too); a serving task uses its base plus so much per request per second, up to its CPU
 * reservation (ASSUMPTION: no task gets more CPU than it reserved, so requests beyond that are over
 * capacity); a task not yet serving uses its base. Utilization averages over every RUNNING task, as
 * ECS's does. The minute's rate is the rate at its middle.
 */
function serviceMinute(sim: Simulation, service: Service, load: ServiceLoadSpec | undefined): ServiceMinute {
  const rate = load ? requestRate(load.rate, sim.engine.now - MINUTE / 2) : 0;
  const { running, serving } = taskCounts(sim, service);
  const reserved = sim.world.taskDefinitions.get(service.deployments[0].taskDefinition)!.reservation;
  if (running === 0 || !load) {
    return { runningTasks: running, requestRate: rate, cpuUtilization: null, memoryUtilization: null, requestCountPerTarget: null, requestsOverCapacity: rate, latencyMs: null };
  }
  const idle = running - serving;
  const perTask = serving === 0 ? 0 : rate / serving;
  const servable = load.cpuUnitsPerRps === 0 ? Infinity : Math.max(0, reserved.cpuUnits - load.baseCpuUnits) / load.cpuUnitsPerRps;
  const served = Math.min(perTask, servable);
  const cpuUsed = serving * Math.min(reserved.cpuUnits, load.baseCpuUnits + served * load.cpuUnitsPerRps) + idle * Math.min(reserved.cpuUnits, load.baseCpuUnits);
  const memoryUsed = serving * (load.baseMemoryMiB + served * load.memoryMiBPerRps) + idle * load.baseMemoryMiB;
  return {
    runningTasks: running,
    requestRate: rate,
    cpuUtilization: serviceUtilization(cpuUsed, reserved.cpuUnits, running),
    memoryUtilization: serviceUtilization(memoryUsed, reserved.memoryMiB, running),
    // ALB RequestCountPerTarget: the minute's requests over the healthy targets.
    requestCountPerTarget: serving === 0 ? null : (rate * 60) / serving,
    requestsOverCapacity: Math.max(0, rate - served * serving),
    latencyMs: serving === 0 ? null : queueingLatency(load.baseLatencyMs, perTask, servable),
  };
}

/** The most a response is stretched by queueing: the latency of a task at 99% of what it can serve, or over it. */
export const MAX_LATENCY_STRETCH = 100;

/**
 * Mean response time of a task offered `perTaskRps` when it can serve `servableRps`: the base latency
 * stretched by 1 / (1 - utilization), an M/M/1 queue's factor (ASSUMPTION: a stated approximation, not
 * a measurement), at most MAX_LATENCY_STRETCH times the base (a saturated task).
 */
export function queueingLatency(baseLatencyMs: number, perTaskRps: number, servableRps: number): number {
  const utilization = servableRps === Infinity ? 0 : servableRps === 0 ? 1 : perTaskRps / servableRps;
  return Math.round(baseLatencyMs * Math.min(MAX_LATENCY_STRETCH, 1 / Math.max(1 / MAX_LATENCY_STRETCH, 1 - utilization)) * 100) / 100;
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
  const proposals = [targetTrackingProposal(sim, service, scaling, target), ...stepProposals(sim, service, scaling, target)].filter((p): p is Proposal => p !== undefined);
  const outs = proposals.filter((p) => p.desired > service.desiredCount);
  // Application Auto Scaling turns off scale-in while an ECS deployment is in progress; scale-out goes on
  // (DG troubleshooting service auto scaling).
  const deploying = service.deployments.some((d) => d.rolloutState === 'IN_PROGRESS');
  const pool = outs.length > 0 ? outs : deploying ? [] : proposals;
  if (pool.length === 0) return;
  const chosen = pool.reduce((best, p) => (p.desired > best.desired ? p : best));
  scaling.cooldown = chosen.cooldown;
  setDesiredCount(sim, service, chosen.desired, chosen.cause);
}

function targetTrackingProposal(sim: Simulation, service: Service, scaling: ServiceScaling, target: ServiceAutoScalingSpec): Proposal | undefined {
  const running = runningTasks(sim, service);
  const policies = target.targetTrackingPolicies;
  const wishes: PolicyWish[] = policies.map((policy, k) => {
    const rules = targetTrackingAlarms(policy.TargetValue);
    // Only the evaluation range matters: the latest minutes, not the whole run (a week is 10,080 of them).
    const series = scaling.minutes.slice(-evaluationRange(rules.low.evaluationPeriods)).map((m) => metricOf(m, policy));
    const alarms = scaling.alarms[k];
    alarms.high = evaluateAlarm(series, rules.high, alarms.high);
    alarms.low = evaluateAlarm(series, rules.low, alarms.low);
    const latest = series.at(-1);
    if (latest === null || latest === undefined) return { capacity: service.desiredCount, direction: 'none' };
    const capacity = targetTrackingCapacity(running, latest, policy.TargetValue);
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
  const alarm = targetTrackingAlarmName(sim, service.name, k, out ? 'AlarmHigh' : 'AlarmLow');
  const name = policies[k].PolicyName ?? `${service.name}-target-tracking-${k + 1}`;
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
    // The evaluation range's whole periods, aligned to time 0 (not the whole run: a week is 10,080 minutes).
    const period = alarm.Period / 60;
    const complete = Math.floor(scaling.minutes.length / period);
    const from = Math.max(0, complete - evaluationRange(alarm.EvaluationPeriods)) * period;
    const samples = scaling.minutes.slice(from, complete * period).map((m) => ({ value: alarm.MetricName === 'CPUUtilization' ? m.cpuUtilization : m.memoryUtilization, tasks: m.runningTasks }));
    const datapoints = periodDatapoints(samples, period, alarm.Statistic);
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

function metricOf(minute: ServiceMinute, policy: TargetTrackingFile): number | null {
  switch (policy.PredefinedMetricSpecification.PredefinedMetricType) {
    case 'ECSServiceAverageCPUUtilization':
      return minute.cpuUtilization;
    case 'ECSServiceAverageMemoryUtilization':
      return minute.memoryUtilization;
    case 'ALBRequestCountPerTarget':
      return minute.requestCountPerTarget;
  }
}

function setDesiredCount(sim: Simulation, service: Service, to: number, cause: string): void {
  if (to === service.desiredCount) return;
  sim.world.serviceScalingActivities.push({ at: sim.engine.now, service: service.name, from: service.desiredCount, to, cause });
  service.desiredCount = to;
  requestReconcile(sim, service);
}

const clamp = (count: number, bounds: { minCapacity: number; maxCapacity: number }) => Math.min(bounds.maxCapacity, Math.max(bounds.minCapacity, count));

function runningTasks(sim: Simulation, service: Service): number {
  return taskCounts(sim, service).running;
}

/** The service's RUNNING tasks, and those of them that are healthy (and so get requests). */
function taskCounts(sim: Simulation, service: Service): { running: number; serving: number } {
  let running = 0;
  let serving = 0;
  for (const id of service.taskIds) {
    const task = sim.world.tasksById.get(id)!;
    if (task.lastStatus !== 'RUNNING') continue;
    running++;
    if (task.healthStatus === 'HEALTHY' && task.desiredStatus === 'RUNNING') serving++;
  }
  return { running, serving };
}

/** Schedules a scheduled action's next occurrence after `afterEpochMs`, within its StartTime / EndTime and the run. */
function scheduleAction(sim: Simulation, service: string, k: number, afterEpochMs: number): void {
  const action = sim.spec.serviceAutoScaling.find((t) => t.service === service)!.scheduledActions[k];
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
  const action = sim.spec.serviceAutoScaling.find((t) => t.service === service)!.scheduledActions[k];
  const { MinCapacity: min, MaxCapacity: max } = action.ScalableTargetAction;
  if (min !== undefined) scaling.minCapacity = min;
  if (max !== undefined) scaling.maxCapacity = max;
  const svc = sim.world.services.get(service)!;
  const name = action.ScheduledActionName ?? `${service}-scheduled-${k + 1}`;
  setDesiredCount(sim, svc, clamp(svc.desiredCount, scaling), `scheduled action ${name} set min capacity to ${scaling.minCapacity} and max capacity to ${scaling.maxCapacity}`);
  scheduleAction(sim, service, k, sim.spec.startEpochMs + sim.engine.now);
}

/** The alarms target tracking creates: `TargetTracking-service/<cluster>/<service>-AlarmHigh-<n>` (AWS adds a uuid where ecsim numbers the policy). */
function targetTrackingAlarmName(sim: Simulation, service: string, k: number, which: 'AlarmHigh' | 'AlarmLow'): string {
  return `TargetTracking-service/${sim.world.clusterName}/${service}-${which}-${k + 1}`;
}

const stepPolicyName = (service: string, policy: { PolicyName?: string }, k: number) => policy.PolicyName ?? `${service}-step-scaling-${k + 1}`;
const stepAlarmName = (service: string, policy: { PolicyName?: string; alarm: { MetricName: string } }, k: number) => `${policy.alarm.MetricName}-${stepPolicyName(service, policy, k)}`;

/** Appends every alarm's state for the minute just evaluated. */
function recordAlarms(sim: Simulation, scaling: ServiceScaling, target: ServiceAutoScalingSpec): void {
  const push = (name: string, state: AlarmState) => (scaling.alarmHistory[name] ??= []).push(state);
  scaling.alarms.forEach((a, k) => {
    push(targetTrackingAlarmName(sim, scaling.service, k, 'AlarmHigh'), a.high);
    push(targetTrackingAlarmName(sim, scaling.service, k, 'AlarmLow'), a.low);
  });
  target.stepScalingPolicies.forEach((policy, k) => push(stepAlarmName(scaling.service, policy, k), scaling.stepAlarms[k]));
}

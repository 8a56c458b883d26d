import { equalSamples, metricHandle, putMinute, putSamplesTo, type MetricKey, type MetricStore, type StatisticSet } from '../metrics/metric-store.js';
import { clusterMetric, loadBalancerMetric, serviceMetric, targetGroupMetric, workloadMetric } from '../metrics/published-metrics.js';
import { serviceUtilization } from '../metrics/service-utilization.js';
import type { ServiceMetricHandles, ServiceMinute } from '../model/service-scaling.js';
import type { Service } from '../model/service.js';
import type { ServiceLoadSpec } from '../scenario/scenario-spec.js';
import { requestRate } from '../workload/request-rate.js';
import type { Simulation } from './simulation.js';

const MINUTE = 60_000;

/** What reaches a service in a minute: requests/s for its healthy tasks, and requests/s that found no healthy target. */
interface Offered {
  toTasks: number;
  noTarget: number;
}

const NOTHING_OFFERED: Readonly<Offered> = { toTasks: 0, noTarget: 0 };

/**
 * The minute that just ended, as CloudWatch would have it (ECS sends one aggregated datapoint a
 * minute): load balancer requests routed to target groups and spread over their healthy targets,
 * each service's utilization and response time, the load balancers' metrics and the cluster's. The
 * figures go to the metric store; each service's minute is also kept for the Results.
 */
export function publishMetricsMinute(sim: Simulation): void {
  const minute = sim.engine.now / MINUTE - 1;
  const put = (key: MetricKey, set: StatisticSet | undefined) => putMinute(sim.world.metrics, key, minute, set);
  const sampled = sim.engine.now % sim.series.periodMs === 0;
  const offered = routeLoadBalancerRequests(sim, put);
  const usage = { cpuUnits: 0, memoryMiB: 0, reservedCpuUnits: 0, reservedMemoryMiB: 0 };
  // Response times are published per target group, for load balancers that get requests.
  const routedAny = sim.spec.loadBalancerRequests.length > 0;
  const latency = new Map<string, { ms: number; rate: number }>();
  for (const scaling of sim.world.serviceScaling.values()) {
    const service = sim.world.services.get(scaling.service)!;
    const { load } = scaling;
    const routed = offered.get(scaling.service) ?? NOTHING_OFFERED;
    const direct = load?.rate ? requestRate(load.rate, sim.engine.now - MINUTE / 2) : 0;
    const m = serviceMinute(sim, service, load, { toTasks: routed.toTasks + direct, noTarget: routed.noTarget }, usage);
    // Results show the minutes that end at sample times; the others are not kept (a week of 200 services).
    scaling.minutes.push(sampled ? m : undefined);
    const handles = scaling.published;
    const { metrics } = sim.world;
    putSamplesTo(metrics, handles.cpuUtilization, minute, m.cpuUtilization, m.runningTasks);
    putSamplesTo(metrics, handles.memoryUtilization, minute, m.memoryUtilization, m.runningTasks);
    putSamplesTo(metrics, handles.requestRate, minute, m.requestRate, 1);
    putSamplesTo(metrics, handles.requestCountPerTarget, minute, m.requestCountPerTarget, 1);
    putSamplesTo(metrics, handles.requestsOverCapacity, minute, m.requestsOverCapacity, 1);
    putSamplesTo(metrics, handles.responseTime, minute, m.latencyMs, 1);
    if (m.latencyMs !== null && routedAny) latency.set(service.name, { ms: m.latencyMs, rate: m.requestRate });
  }
  publishResponseTimes(sim, latency, put);
  publishClusterMinute(sim, usage, put);
}

/** What publishMetricsMinute publishes for a service, found in the store. */
export function serviceMetricHandles(store: MetricStore, clusterName: string, service: string): ServiceMetricHandles {
  return {
    cpuUtilization: metricHandle(store, serviceMetric(clusterName, service, 'CPUUtilization')),
    memoryUtilization: metricHandle(store, serviceMetric(clusterName, service, 'MemoryUtilization')),
    requestRate: metricHandle(store, workloadMetric(clusterName, service, 'RequestRate')),
    requestCountPerTarget: metricHandle(store, workloadMetric(clusterName, service, 'RequestCountPerTarget')),
    requestsOverCapacity: metricHandle(store, workloadMetric(clusterName, service, 'RequestsOverCapacity')),
    responseTime: metricHandle(store, workloadMetric(clusterName, service, 'ResponseTime')),
  };
}

/**
 * Requests arriving at load balancers this minute: each listener's rules send each kind of request
 * to a target group, which spreads them over its healthy targets (services get requests in proportion
 * to their healthy targets). With no healthy target the requests fail (HTTP 503, counted as over
 * capacity). ASSUMPTION: ELB's fail-open (all targets unhealthy: route to all) sends requests to
 * targets failing their health checks, which ecsim takes to serve none of them.
 */
function routeLoadBalancerRequests(sim: Simulation, put: (key: MetricKey, set: StatisticSet | undefined) => void): Map<string, Offered> {
  const offered = new Map<string, Offered>();
  const byPair = new Map<string, { loadBalancer: string; targetGroup: string; rate: number }>();
  for (const source of sim.spec.loadBalancerRequests) {
    const rate = requestRate(source.rate, sim.engine.now - MINUTE / 2);
    for (const { targetGroup, share } of source.shares) {
      const key = `${source.loadBalancer}\u0000${targetGroup}`;
      const pair = byPair.get(key) ?? { loadBalancer: source.loadBalancer, targetGroup, rate: 0 };
      pair.rate += rate * share;
      byPair.set(key, pair);
    }
  }
  const lbTotals = new Map<string, { requests: number; failed: number }>();
  const groupTotals = new Map<string, { requests: number; healthy: number }>();
  for (const { loadBalancer, targetGroup, rate } of byPair.values()) {
    const healthy = healthyTargetsByService(sim, targetGroup);
    const total = [...healthy.values()].reduce((n, c) => n + c, 0);
    const services = total > 0 ? [...healthy.keys()] : servicesOf(sim, targetGroup);
    for (const name of services) {
      const o = offered.get(name) ?? { toTasks: 0, noTarget: 0 };
      if (total > 0) o.toTasks += (rate * healthy.get(name)!) / total;
      else o.noTarget += rate / services.length;
      offered.set(name, o);
    }
    const failed = total > 0 ? 0 : rate * 60;
    put(loadBalancerMetric(loadBalancer, 'RequestCount', targetGroup), equalSamples(rate * 60, 1));
    if (failed > 0) put(loadBalancerMetric(loadBalancer, 'HTTPCode_ELB_5XX_Count', targetGroup), equalSamples(failed, 1));
    if (total > 0) put(loadBalancerMetric(loadBalancer, 'RequestCountPerTarget', targetGroup), equalSamples((rate * 60) / total, 1));
    const lb = lbTotals.get(loadBalancer) ?? { requests: 0, failed: 0 };
    lb.requests += rate * 60;
    lb.failed += failed;
    lbTotals.set(loadBalancer, lb);
    const group = groupTotals.get(targetGroup) ?? { requests: 0, healthy: total };
    group.requests += rate * 60;
    groupTotals.set(targetGroup, group);
  }
  for (const source of sim.spec.loadBalancerRequests) {
    const minutes = sim.world.loadBalancerMinutes.get(source.loadBalancer) ?? [];
    const totals = lbTotals.get(source.loadBalancer) ?? { requests: 0, failed: 0 };
    if (minutes.length === sim.engine.now / MINUTE - 1) minutes.push({ requests: totals.requests, failed: totals.failed });
    sim.world.loadBalancerMinutes.set(source.loadBalancer, minutes);
  }
  for (const [name, lb] of lbTotals) {
    put(loadBalancerMetric(name, 'RequestCount'), equalSamples(lb.requests, 1));
    if (lb.failed > 0) put(loadBalancerMetric(name, 'HTTPCode_ELB_5XX_Count'), equalSamples(lb.failed, 1));
  }
  // RequestCountPerTarget by TargetGroup alone: all the group's requests over its healthy targets.
  for (const [name, group] of groupTotals) if (group.healthy > 0) put(targetGroupMetric(name, 'RequestCountPerTarget'), equalSamples(group.requests / group.healthy, 1));
  return offered;
}

/** A target group's healthy targets, counted by the service whose task each is. */
function healthyTargetsByService(sim: Simulation, targetGroup: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const target of sim.world.targetGroups.get(targetGroup)!.targets.values()) {
    if (target.state !== 'healthy') continue;
    const service = sim.world.tasksById.get(target.taskId)!.serviceName!;
    counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  return counts;
}

/** The services whose tasks register with a target group. */
function servicesOf(sim: Simulation, targetGroup: string): readonly string[] {
  return sim.world.targetGroups.get(targetGroup)!.services;
}

/** TargetResponseTime (seconds) of each target group that got requests: its services' response times weighted by their requests. */
function publishResponseTimes(sim: Simulation, latency: ReadonlyMap<string, { ms: number; rate: number }>, put: (key: MetricKey, set: StatisticSet | undefined) => void): void {
  for (const source of sim.spec.loadBalancerRequests) {
    for (const { targetGroup } of source.shares) {
      const mine = servicesOf(sim, targetGroup).flatMap((s) => latency.get(s) ?? []);
      const rate = mine.reduce((n, l) => n + l.rate, 0);
      if (mine.length === 0) continue;
      const seconds = rate === 0 ? mine[0].ms / 1000 : mine.reduce((t, l) => t + l.ms * l.rate, 0) / rate / 1000;
      put(loadBalancerMetric(source.loadBalancer, 'TargetResponseTime', targetGroup), equalSamples(seconds, 1));
      put(targetGroupMetric(targetGroup, 'TargetResponseTime'), equalSamples(seconds, 1));
    }
  }
}

/**
 * Cluster CPUReservation / MemoryReservation and CPUUtilization / MemoryUtilization (DG CloudWatch
 * metrics: units reserved by, or used by, tasks on the cluster's ACTIVE and DRAINING container
 * instances over the units those instances registered; EC2 only; none while no task runs there).
 * Tasks of services with a load model use what the load makes them use. ASSUMPTION: every other
 * RUNNING task uses what it reserved (a batch task works flat out; no model says otherwise), and the
 * statistic set is one sample per minute.
 */
function publishClusterMinute(sim: Simulation, loaded: { cpuUnits: number; memoryMiB: number; reservedCpuUnits: number; reservedMemoryMiB: number }, put: (key: MetricKey, set: StatisticSet | undefined) => void): void {
  const { world } = sim;
  const live = sim.placement.index.live;
  const cpuRegistered = live.registeredCpuUnits;
  const memRegistered = live.registeredMemoryMiB;
  const cpuRemaining = live.remainingCpuUnits;
  const memRemaining = live.remainingMemoryMiB;
  const running = world.runningOnInstances;
  if (running.tasks === 0 || cpuRegistered === 0) {
    world.clusterMinutes.push({ cpuUtilization: null, memoryUtilization: null });
    return;
  }
  const cpuUsed = running.cpuUnits - loaded.reservedCpuUnits + loaded.cpuUnits;
  const memUsed = running.memoryMiB - loaded.reservedMemoryMiB + loaded.memoryMiB;
  const figures = {
    CPUReservation: ((cpuRegistered - cpuRemaining) * 100) / cpuRegistered,
    MemoryReservation: ((memRegistered - memRemaining) * 100) / memRegistered,
    CPUUtilization: (cpuUsed * 100) / cpuRegistered,
    MemoryUtilization: (memUsed * 100) / memRegistered,
  };
  for (const [name, value] of Object.entries(figures)) put(clusterMetric(world.clusterName, name), equalSamples(value, 1));
  world.clusterMinutes.push({ cpuUtilization: figures.CPUUtilization, memoryUtilization: figures.MemoryUtilization });
}

/**
 * A service's minute. Its requests spread evenly over the serving tasks, RUNNING and healthy (a load
 * balancer routes only to healthy targets; ASSUMPTION: a service without one serves from its healthy
 * tasks too); a serving task uses its base plus so much per request per second, up to its CPU
 * reservation (ASSUMPTION: no task gets more CPU than it reserved, so requests beyond that are over
 * capacity); a task not yet serving uses its base. Utilization averages over every RUNNING task, as
 * ECS's does. What its tasks on container instances use and reserve is added to `onInstances`.
 */
function serviceMinute(sim: Simulation, service: Service, load: ServiceLoadSpec | undefined, offered: Offered, onInstances: { cpuUnits: number; memoryMiB: number; reservedCpuUnits: number; reservedMemoryMiB: number }): ServiceMinute {
  const rate = offered.toTasks + offered.noTarget;
  const counts = service.counts;
  const { running, serving } = counts;
  const reserved = sim.world.taskDefinitions.get(service.deployments[0].taskDefinition)!.reservation;
  if (running === 0 || !load) {
    // Without a load model the tasks' use is unknown (no utilization datapoint); healthy tasks serve what reaches them.
    const over = running === 0 || serving === 0 ? rate : offered.noTarget;
    return { runningTasks: running, requestRate: rate, cpuUtilization: null, memoryUtilization: null, requestCountPerTarget: null, requestsOverCapacity: over, latencyMs: null };
  }
  const idle = running - serving;
  const perTask = serving === 0 ? 0 : offered.toTasks / serving;
  const servable = load.cpuUnitsPerRps === 0 ? Infinity : Math.max(0, reserved.cpuUnits - load.baseCpuUnits) / load.cpuUnitsPerRps;
  const served = Math.min(perTask, servable);
  const servingCpu = Math.min(reserved.cpuUnits, load.baseCpuUnits + served * load.cpuUnitsPerRps);
  const idleCpu = Math.min(reserved.cpuUnits, load.baseCpuUnits);
  const servingMemory = load.baseMemoryMiB + served * load.memoryMiBPerRps;
  onInstances.cpuUnits += counts.servingOnInstances * servingCpu + (counts.runningOnInstances - counts.servingOnInstances) * idleCpu;
  onInstances.memoryMiB += counts.servingOnInstances * servingMemory + (counts.runningOnInstances - counts.servingOnInstances) * load.baseMemoryMiB;
  onInstances.reservedCpuUnits += counts.reservedCpuOnInstances;
  onInstances.reservedMemoryMiB += counts.reservedMemoryOnInstances;
  return {
    runningTasks: running,
    requestRate: rate,
    cpuUtilization: serviceUtilization(serving * servingCpu + idle * idleCpu, reserved.cpuUnits, running),
    memoryUtilization: serviceUtilization(serving * servingMemory + idle * load.baseMemoryMiB, reserved.memoryMiB, running),
    // RequestCountPerTarget: the minute's requests over the healthy targets.
    requestCountPerTarget: serving === 0 ? null : (offered.toTasks * 60) / serving,
    requestsOverCapacity: offered.noTarget + Math.max(0, offered.toTasks - served * serving),
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

import { countServiceTask, describeCounts, emptyServiceTaskCounts } from '../model/service-task-counts.js';
import { TASK_STATUSES, isPending, type TaskStatus } from '../model/task.js';
import type { World } from '../model/world.js';
import type { LiveCapacity } from '../placement/candidate-index.js';
import type { Millis } from '../engine/time.js';

/** An impossible state: the simulator is wrong, not the scenario. */
export class InvariantViolation extends Error {
  constructor(readonly violations: string[], readonly at: Millis) {
    super(`invariant violated at ${at} ms: ${violations.join('; ')}`);
    this.name = 'InvariantViolation';
  }
}

/**
 * Every invariant of the world, checked from scratch (O(instances + tasks)): run after every event
 * under `--check` and in tests. Returns the violations found, empty when all hold.
 */
export function findViolations(world: World): string[] {
  const problems: string[] = [];
  const counted = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const perInstance = new Map<string, Usage>();
  for (const task of world.tasks) {
    counted[task.lastStatus]++;
    if (task.lastStatus === 'STOPPED') continue;
    if (task.containerInstanceId === undefined || task.claim === undefined) {
      const waiting = task.launchType === 'EC2' && task.lastStatus === 'PROVISIONING';
      if (!(waiting || task.launchType === 'FARGATE') || task.containerInstanceId !== task.claim) {
        problems.push(`task ${task.id} (${task.lastStatus}, ${task.launchType}) has no instance but is past PROVISIONING`);
      }
      continue;
    }
    const usage = perInstance.get(task.containerInstanceId) ?? emptyUsage();
    usage.cpu += task.reservation.cpuUnits;
    usage.mem += task.reservation.memoryMiB;
    usage.ids++;
    if (task.claim.eni) usage.enis++;
    usage.groups.set(task.group, (usage.groups.get(task.group) ?? 0) + 1);
    for (const b of task.claim.bindings) {
      const key = `${b.protocol}/${b.hostPort}`;
      if (usage.ports.has(key)) problems.push(`host port ${key} bound twice on instance ${task.containerInstanceId} (task ${task.id})`);
      usage.ports.add(key);
    }
    usage.staticPorts += task.claim.staticPorts.length;
    if (task.lastStatus === 'RUNNING') usage.running++;
    if (isPending(task.lastStatus)) usage.pending++;
    perInstance.set(task.containerInstanceId, usage);
    if (task.instance !== world.instancesById.get(task.containerInstanceId)) problems.push(`task ${task.id} holds another instance than ${task.containerInstanceId}`);
    if (!world.instancesById.get(task.containerInstanceId)?.taskIds.has(task.id)) {
      problems.push(`task ${task.id} (${task.lastStatus}) is not listed on instance ${task.containerInstanceId}`);
    }
  }
  const running = { tasks: 0, cpuUnits: 0, memoryMiB: 0 };
  for (const task of world.tasks) {
    if (task.lastStatus !== 'RUNNING' || task.containerInstanceId === undefined) continue;
    running.tasks++;
    running.cpuUnits += task.reservation.cpuUnits;
    running.memoryMiB += task.reservation.memoryMiB;
  }
  const counts = world.runningOnInstances;
  if (running.tasks !== counts.tasks || running.cpuUnits !== counts.cpuUnits || running.memoryMiB !== counts.memoryMiB) {
    problems.push(`${running.tasks} RUNNING tasks on instances reserve ${running.cpuUnits} CPU / ${running.memoryMiB} MiB but the world counts ${counts.tasks}: ${counts.cpuUnits} / ${counts.memoryMiB}`);
  }
  if ([...world.services.values()].some((s, k) => world.serviceList[k] !== s) || world.serviceList.length !== world.services.size) problems.push('the service list is not the services in order');
  const live = world.instances.filter((i) => i.terminatedAt === undefined);
  if (live.length !== world.liveInstances.size || [...world.liveInstances].some((i, k) => i !== live[k])) {
    problems.push(`the live instances are ${live.map((i) => i.id).join(',')} but the world keeps ${[...world.liveInstances].map((i) => i.id).join(',')}`);
  }
  for (const provider of world.capacityProviders.values()) {
    const mine = live.filter((i) => i.capacityProvider === provider.name);
    const perZone = new Map<string, number>();
    for (const where of [...mine.map((i) => i.availabilityZone), ...provider.launching.map((l) => l.availabilityZone)]) perZone.set(where, (perZone.get(where) ?? 0) + 1);
    const zones = new Set([...perZone.keys(), ...provider.perZone.keys()]);
    if ([...zones].some((z) => (perZone.get(z) ?? 0) !== (provider.perZone.get(z) ?? 0))) {
      problems.push(`capacity provider ${provider.name} has ${JSON.stringify([...perZone])} instances and launches per AZ but keeps ${JSON.stringify([...provider.perZone])}`);
    }
    const inUse = mine.filter((i) => i.nonDaemonTasks > 0).length;
    const idle = mine.filter((i) => i.nonDaemonTasks === 0 && i.status === 'ACTIVE').length;
    if (inUse !== provider.instanceUse.inUse || idle !== provider.instanceUse.idle) {
      problems.push(`capacity provider ${provider.name} has ${inUse} instances in use and ${idle} idle but keeps ${JSON.stringify(provider.instanceUse)}`);
    }
    if (mine.length !== provider.instances.length || mine.some((i, k) => i !== provider.instances[k])) {
      problems.push(`capacity provider ${provider.name} runs ${mine.map((i) => i.id).join(',')} but keeps ${provider.instances.map((i) => i.id).join(',')}`);
    }
  }
  for (const instance of world.instances) {
    let nonDaemon = 0;
    for (const id of instance.taskIds) {
      const task = world.tasksById.get(id)!;
      if (task.serviceName === undefined || world.services.get(task.serviceName)!.schedulingStrategy !== 'DAEMON') nonDaemon++;
    }
    if (nonDaemon !== instance.nonDaemonTasks) problems.push(`instance ${instance.id} holds ${nonDaemon} non-daemon tasks but counts ${instance.nonDaemonTasks}`);
  }
  for (const service of world.services.values()) {
    const recount = emptyServiceTaskCounts();
    for (const id of service.taskIds) countServiceTask(recount, world.tasksById.get(id)!, 1);
    const byDeployment = new Map<string, number>();
    let onDraining = 0;
    for (const id of service.taskIds) {
      const task = world.tasksById.get(id)!;
      byDeployment.set(task.deploymentId!, (byDeployment.get(task.deploymentId!) ?? 0) + 1);
      if (task.containerInstanceId !== undefined && world.instancesById.get(task.containerInstanceId)!.status === 'DRAINING') onDraining++;
    }
    for (const [id, n] of service.tasksByDeployment) {
      if ((byDeployment.get(id) ?? 0) !== n) problems.push(`service ${service.name}: deployment ${id} has ${byDeployment.get(id) ?? 0} tasks but the service counts ${n}`);
    }
    if (onDraining !== service.tasksOnDrainingInstances) problems.push(`service ${service.name}: ${onDraining} tasks on draining instances but the service counts ${service.tasksOnDrainingInstances}`);
    if (describeCounts(recount) !== describeCounts(service.counts)) {
      problems.push(`service ${service.name}: its tasks count ${describeCounts(recount)} but the service keeps ${describeCounts(service.counts)}`);
    }
  }
  for (const status of TASK_STATUSES) {
    // Tasks a summary run let go of (and took out of the list) are STOPPED ones.
    if (counted[status] + (status === 'STOPPED' ? world.retiredTasks.removed : 0) !== world.statusCounts[status]) {
      problems.push(`${status} count is ${world.statusCounts[status]} but ${counted[status]} tasks are ${status}`);
    }
  }
  for (const instance of world.instances) {
    const usage = perInstance.get(instance.id) ?? emptyUsage();
    const { registered, remaining } = instance;
    if (remaining.cpuUnits < 0 || remaining.memoryMiB < 0) {
      problems.push(`instance ${instance.id} over-committed: remaining ${remaining.cpuUnits} CPU, ${remaining.memoryMiB} MiB`);
    }
    if (registered.cpuUnits - remaining.cpuUnits !== usage.cpu || registered.memoryMiB - remaining.memoryMiB !== usage.mem) {
      problems.push(
        `instance ${instance.id} accounts ${registered.cpuUnits - remaining.cpuUnits} CPU / ${registered.memoryMiB - remaining.memoryMiB} MiB reserved, its tasks hold ${usage.cpu} / ${usage.mem}`,
      );
    }
    if (instance.runningTasksCount !== usage.running || instance.pendingTasksCount !== usage.pending || instance.taskIds.size !== usage.ids) {
      problems.push(
        `instance ${instance.id} counts running ${instance.runningTasksCount}, pending ${instance.pendingTasksCount}, tasks ${instance.taskIds.size}; actual ${usage.running}, ${usage.pending}, ${usage.ids}`,
      );
    }
  }
  return [...problems, ...networkViolations(world, perInstance), ...groupViolations(world), ...serviceViolations(world)];
}

interface Usage {
  cpu: number;
  mem: number;
  running: number;
  pending: number;
  ids: number;
  enis: number;
  staticPorts: number;
  ports: Set<string>;
  groups: Map<string, number>;
}

function emptyUsage(): Usage {
  return { cpu: 0, mem: 0, running: 0, pending: 0, ids: 0, enis: 0, staticPorts: 0, ports: new Set(), groups: new Map() };
}

/** Host ports, ENIs and per-group counts on each instance agree with the tasks that hold them. */
function networkViolations(world: World, perInstance: Map<string, Usage>): string[] {
  const problems: string[] = [];
  for (const instance of world.instances) {
    const usage = perInstance.get(instance.id) ?? emptyUsage();
    const bound = [...instance.ports.tcp.bound].map((p) => `tcp/${p}`).concat([...instance.ports.udp.bound].map((p) => `udp/${p}`));
    if (bound.length !== usage.ports.size || bound.some((p) => !usage.ports.has(p))) {
      problems.push(`instance ${instance.id} has ports ${bound.join(',')} bound, its tasks hold ${[...usage.ports].join(',')}`);
    }
    for (const protocol of ['tcp', 'udp'] as const) {
      const ports = instance.ports[protocol];
      for (const p of ports.reserved) if (ports.bound.has(p)) problems.push(`instance ${instance.id}: reserved port ${protocol}/${p} is bound by a task`);
    }
    const staticCount = instance.ports.tcp.staticBound.size + instance.ports.udp.staticBound.size;
    if (staticCount !== usage.staticPorts) problems.push(`instance ${instance.id} counts ${staticCount} static ports, its tasks hold ${usage.staticPorts}`);
    if (instance.enisInUse !== usage.enis || instance.enisInUse > instance.eniLimit) {
      problems.push(`instance ${instance.id} has ${instance.enisInUse} ENIs in use (limit ${instance.eniLimit}), its tasks hold ${usage.enis}`);
    }
    const groups = [...instance.groupCounts].sort().join(',');
    const actual = [...usage.groups].sort().join(',');
    if (groups !== actual) problems.push(`instance ${instance.id} counts task groups ${groups}, its tasks are ${actual}`);
  }
  return problems;
}

function groupViolations(world: World): string[] {
  const problems: string[] = [];
  let running = 0;
  let pending = 0;
  for (const counts of world.groupCounts.values()) {
    running += counts.running;
    pending += counts.pending;
  }
  if (running !== world.statusCounts.RUNNING) problems.push(`task groups count ${running} RUNNING, the cluster ${world.statusCounts.RUNNING}`);
  const clusterPending = world.statusCounts.PROVISIONING + world.statusCounts.PENDING + world.statusCounts.ACTIVATING;
  if (pending !== clusterPending) problems.push(`task groups count ${pending} pending, the cluster ${clusterPending}`);
  return problems;
}

export function assertInvariants(world: World, now: Millis, live?: LiveCapacity): void {
  const problems = findViolations(world);
  if (live) problems.push(...liveCapacityViolations(world, live));
  if (problems.length > 0) throw new InvariantViolation(problems, now);
}

/** The placement index's sums over the instances not terminated are those instances' own. */
export function liveCapacityViolations(world: World, live: LiveCapacity): string[] {
  const sums: LiveCapacity = { instances: 0, registeredCpuUnits: 0, registeredMemoryMiB: 0, remainingCpuUnits: 0, remainingMemoryMiB: 0 };
  for (const instance of world.liveInstances) {
    sums.instances++;
    sums.registeredCpuUnits += instance.registered.cpuUnits;
    sums.registeredMemoryMiB += instance.registered.memoryMiB;
    sums.remainingCpuUnits += instance.remaining.cpuUnits;
    sums.remainingMemoryMiB += instance.remaining.memoryMiB;
  }
  const differ = (Object.keys(sums) as (keyof LiveCapacity)[]).filter((k) => sums[k] !== live[k]);
  return differ.length === 0 ? [] : [`the live instances sum to ${JSON.stringify(sums)} but placement keeps ${JSON.stringify(live)}`];
}

/** Each service lists exactly its tasks that are not STOPPED, and each of them belongs to a deployment it knows. */
function serviceViolations(world: World): string[] {
  const problems: string[] = [];
  const expected = new Map<string, Set<string>>();
  for (const task of world.tasks) {
    if (task.serviceName === undefined || task.lastStatus === 'STOPPED') continue;
    const ids = expected.get(task.serviceName) ?? new Set();
    ids.add(task.id);
    expected.set(task.serviceName, ids);
    if (!world.deployments.some((d) => d.id === task.deploymentId && d.serviceName === task.serviceName)) {
      problems.push(`task ${task.id} of service ${task.serviceName} has unknown deployment ${task.deploymentId}`);
    }
  }
  for (const service of world.services.values()) {
    const want = [...(expected.get(service.name) ?? [])].sort().join(',');
    const have = [...service.taskIds].sort().join(',');
    if (want !== have) problems.push(`service ${service.name} lists tasks ${have}, its live tasks are ${want}`);
    if (service.deployments[0]?.status !== 'PRIMARY') problems.push(`service ${service.name} has no PRIMARY deployment first`);
  }
  return problems;
}

import type { ContainerInstance } from '../model/container-instance.js';
import type { Deployment, Service } from '../model/service.js';
import type { Task } from '../model/task.js';
import type { Simulation } from './simulation.js';

/** One line of the event log: an Amazon EventBridge event, as ECS sends them (`source: aws.ecs`). */
export interface LogRecord {
  version: '0';
  id: string;
  'detail-type': 'ECS Task State Change' | 'ECS Service Action' | 'ECS Deployment State Change' | 'ECS Container Instance State Change';
  source: 'aws.ecs';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

const ACCOUNT = '000000000000';

function arn(sim: Simulation, resource: string): string {
  return `arn:aws:ecs:${sim.spec.region}:${ACCOUNT}:${resource}`;
}

function iso(sim: Simulation, at: number | undefined): string | undefined {
  return at === undefined ? undefined : new Date(sim.spec.startEpochMs + at).toISOString();
}

function emit(sim: Simulation, type: LogRecord['detail-type'], resources: string[], detail: Record<string, unknown>): void {
  if (!sim.log) return;
  sim.logCount++;
  sim.log({
    version: '0',
    id: `ecsim-${String(sim.logCount).padStart(8, '0')}`,
    'detail-type': type,
    source: 'aws.ecs',
    account: ACCOUNT,
    time: iso(sim, sim.engine.now)!,
    region: sim.spec.region,
    resources,
    detail,
  });
}

const clusterArn = (sim: Simulation) => arn(sim, `cluster/${sim.spec.cluster.clusterName}`);
const taskArn = (sim: Simulation, task: Task) => arn(sim, `task/${sim.spec.cluster.clusterName}/${task.id}`);
const instanceArn = (sim: Simulation, id: string) => arn(sim, `container-instance/${sim.spec.cluster.clusterName}/${id}`);
const serviceArn = (sim: Simulation, name: string) => arn(sim, `service/${sim.spec.cluster.clusterName}/${name}`);

/** "ECS Task State Change": the task's state, shaped like the EventBridge event's detail. */
export function logTaskStateChange(sim: Simulation, task: Task): void {
  if (!sim.log) return;
  const td = sim.world.taskDefinitions.get(task.taskDefinition)!;
  emit(sim, 'ECS Task State Change', [taskArn(sim, task)], {
    clusterArn: clusterArn(sim),
    taskArn: taskArn(sim, task),
    taskDefinitionArn: arn(sim, `task-definition/${task.taskDefinition}`),
    containerInstanceArn: task.containerInstanceId === undefined ? undefined : instanceArn(sim, task.containerInstanceId),
    capacityProviderName: task.capacityProvider,
    availabilityZone: task.availabilityZone,
    group: task.group,
    startedBy: task.startedBy,
    launchType: task.launchType,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    healthStatus: task.healthStatus,
    createdAt: iso(sim, task.createdAt),
    startedAt: iso(sim, task.startedAt),
    stoppingAt: iso(sim, task.stoppingAt),
    stoppedAt: iso(sim, task.stoppedAt),
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    cpu: String(task.reservation.cpuUnits),
    memory: String(task.reservation.memoryMiB),
    containers: td.containers.map((c) => ({
      name: c.name,
      image: c.image,
      lastStatus: task.lastStatus === 'RUNNING' ? 'RUNNING' : task.lastStatus === 'STOPPED' ? 'STOPPED' : 'PENDING',
      networkBindings: (task.claim?.bindings ?? []).filter((b) => b.containerName === c.name),
    })),
  });
}

/** Service events go out as "ECS Service Action", with ECS's event name where one fits and the console's message. */
export function logServiceAction(sim: Simulation, service: string, message: string): void {
  if (!sim.log) return;
  const [eventType, eventName] = message.includes('has reached a steady state')
    ? ['INFO', 'SERVICE_STEADY_STATE']
    : message.includes('was unable to place a task')
      ? ['ERROR', 'SERVICE_TASK_PLACEMENT_FAILURE']
      : message.includes('unable to consistently start tasks')
        ? ['WARN', 'SERVICE_TASK_START_IMPAIRED']
        : ['INFO', 'SERVICE_EVENT'];
  emit(sim, 'ECS Service Action', [serviceArn(sim, service)], { eventType, eventName, clusterArn: clusterArn(sim), message });
}

/** "ECS Deployment State Change": SERVICE_DEPLOYMENT_IN_PROGRESS, _COMPLETED or _FAILED. */
export function logDeploymentStateChange(sim: Simulation, service: Service, deployment: Deployment): void {
  if (!sim.log) return;
  const name = { IN_PROGRESS: 'SERVICE_DEPLOYMENT_IN_PROGRESS', COMPLETED: 'SERVICE_DEPLOYMENT_COMPLETED', FAILED: 'SERVICE_DEPLOYMENT_FAILED' }[deployment.rolloutState];
  emit(sim, 'ECS Deployment State Change', [serviceArn(sim, service.name)], {
    eventType: deployment.rolloutState === 'FAILED' ? 'ERROR' : 'INFO',
    eventName: name,
    deploymentId: deployment.id,
    updatedAt: iso(sim, deployment.updatedAt),
    reason: deployment.rolloutStateReason,
  });
}

/** "ECS Container Instance State Change", as an instance registers. */
export function logContainerInstanceStateChange(sim: Simulation, instance: ContainerInstance): void {
  if (!sim.log) return;
  emit(sim, 'ECS Container Instance State Change', [instanceArn(sim, instance.id)], {
    clusterArn: clusterArn(sim),
    containerInstanceArn: instanceArn(sim, instance.id),
    ec2InstanceId: instance.id,
    status: instance.status,
    agentConnected: instance.agentConnected,
    versionInfo: { agentVersion: instance.agentVersion },
    attributes: Object.entries(instance.attributes).map(([name, value]) => ({ name, value })),
    registeredResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: instance.registered.cpuUnits },
      { name: 'MEMORY', type: 'INTEGER', integerValue: instance.registered.memoryMiB },
    ],
  });
}

import type { Distribution } from '../engine/distributions.js';
import type { Millis } from '../engine/time.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { PlacementConstraint, PlacementStrategy } from '../placement/placement-request.js';
import type { Problem } from './schema/index.js';
import type { ImageSpec, RegistryKind, RegistrySpec } from '../model/images.js';
import type { Listener, LoadBalancer, TargetGroup } from '../model/load-balancing.js';
import type { StrategyItem } from '../capacity/strategy-split.js';
import type { DeploymentConfiguration } from '../model/service.js';
import type { PriceCatalog } from '../cost/prices.js';
import type { RequestRateSpec } from '../workload/request-rate.js';
import type { RunTaskArrivals } from '../workload/arrivals.js';
import type { Resources } from '../model/resources.js';
import type { RegisterScalableTargetFile, ServiceAutoScalingFile, StepScalingFile, TargetTrackingFile } from './auto-scaling-schema.js';
import type { MetricKey } from '../metrics/metric-store.js';
import type { Statistic } from '../metrics/statistics.js';
import type { CapacityProviderSpec } from './resolve-capacity.js';
import type { CapacityKnobs, ResultsKnobs, ContainerInstanceGroupSpec, ServiceKnobs, StateDurationsSpec } from './scenario-schema.js';

/** A validated scenario with every name resolved: what `simulate()` runs. */
export interface ScenarioSpec {
  name: string;
  description?: string;
  seed: number;
  durationMs: Millis;
  region: string;
  /** Epoch ms of simulated time 0 (registeredAt in memberOf expressions compares against dates). */
  startEpochMs: number;
  cluster: {
    clusterName: string;
    availabilityZones: string[];
    containerInstances: (ContainerInstanceGroupSpec & { availabilityZone: string | undefined })[];
  };
  /** Auto Scaling group capacity providers. */
  capacityProviders: CapacityProviderSpec[];
  /** FARGATE and FARGATE_SPOT, when the cluster associates them. */
  fargateProviders: string[];
  capacityKnobs: CapacityKnobs;
  /** How much of the run the Results keep. */
  resultsKnobs: ResultsKnobs;
  /** Offered load per service and what its tasks use for it (simulation only). */
  serviceLoad: ServiceLoadSpec[];
  /** Requests arriving at load balancers, routed by listener rules to target groups. */
  loadBalancerRequests: LoadBalancerRequestsSpec[];
  /** Application Auto Scaling of services' desired counts. */
  serviceAutoScaling: ServiceAutoScalingSpec[];
  /** What cost is computed from: the built-in us-east-1 catalogue with the scenario's own prices over it. */
  prices: PriceCatalog;
  /** Every registered revision, in registration order. */
  taskDefinitions: TaskDefinition[];
  /** The memberOf constraints of each task definition revision, parsed. */
  taskDefinitionConstraints: Record<string, PlacementConstraint[]>;
  services: ServiceSpec[];
  /** Cloud Map services, as `namespace/service`. */
  discoveryServices: string[];
  loadBalancers: LoadBalancer[];
  /** Target groups (and Classic Load Balancers services register with), without targets. */
  targetGroups: TargetGroupSpec[];
  runTasks: RunTaskSource[];
  /** How tasks behave, by task definition (family or revision) or by image; `behaviorOf` picks the rule. */
  taskBehavior: TaskBehaviorRule[];
  timeline: TimelineAction[];
  taskStateDurations: StateDurationsSpec;
  serviceKnobs: ServiceKnobs;
  registries: Record<RegistryKind, RegistrySpec>;
  images: Map<string, ImageSpec>;
  /** Fields accepted but not simulated (unknown AWS fields). */
  notes: Problem[];
}

export interface RunTaskSource {
  name: string;
  /** `family:revision` of the task definition it runs. */
  taskDefinition: string;
  count: number;
  group: string;
  startedBy: string;
  launchType: 'EC2';
  capacityProviderStrategy?: StrategyItem[];
  /** RunTask's overrides of the task definition's IAM roles and task-level CPU (units) and memory (MiB). */
  overrides: { taskRoleArn?: string; executionRoleArn?: string; cpuUnits?: number; memoryMiB?: number };
  /** What each task reserves: the task definition's, with RunTask's cpu/memory overrides (a trace call carries its own). */
  reservation: Resources;
  /** RunTask's placementStrategy; without one, RunTask places at random (ASSUMPTION, docs/fidelity.md). */
  strategies: PlacementStrategy[];
  /** The task definition's memberOf constraints, then RunTask's placementConstraints. */
  constraints: PlacementConstraint[];
  /** When calls come; a trace's calls each carry their task's size and run duration. */
  arrivals: RunTaskArrivals;
  /** How long each task runs once RUNNING (undefined for a trace, whose calls carry it). */
  duration?: Distribution;
  startAt: Millis;
  stopAt: Millis;
}

/** A service as CreateService described it, names resolved and defaults applied. */
export interface ServiceSpec {
  name: string;
  /** `family:revision`. */
  taskDefinition: string;
  desiredCount: number;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  launchType: 'EC2';
  /** Its tasks go to these capacity providers (else they use the EC2 launch type on any instance). */
  capacityProviderStrategy?: StrategyItem[];
  strategies: PlacementStrategy[];
  /** The service's own constraints (each task definition's are added per deployment). */
  constraints: PlacementConstraint[];
  deploymentConfiguration: DeploymentConfiguration;
  healthCheckGracePeriodMs: Millis;
  /** The Cloud Map service its healthy tasks register in (`namespace/service`). */
  registry?: string;
  /** Target groups its tasks register with: which container and port. */
  loadBalancers: { targetGroup: string; containerName: string; containerPort: number }[];
}

export type TargetGroupSpec = Omit<TargetGroup, 'targets' | 'services'>;

export interface TaskBehavior {
  startFailureProbability: number;
  startFailureReason: string;
  exitAfter?: Distribution;
  /** The share of tasks whose essential container exits after `exitAfter`; the others run until stopped. */
  exitProbability: number;
  healthCheckFailureProbability: number;
}

export interface TaskBehaviorRule {
  taskDefinition?: string;
  image?: string;
  behavior: TaskBehavior;
}

export type TimelineAction =
  | { at: Millis; updateService: { service: string; taskDefinition?: string; desiredCount?: number; forceNewDeployment: boolean } }
  | { at: Millis; pushImage: { service: string; image: string; container?: string; source: Distribution; build: Distribution; push: Distribution } }
  | { at: Millis; spotInterruption: { capacityProvider: 'FARGATE_SPOT'; fraction: number } }
  | { at: Millis; ec2SpotInterruption: { capacityProvider: string; fraction: number } }
  | { at: Millis; instanceFailure: { count: number; availabilityZone?: string } }
  | { at: Millis; agentDisconnect: { count: number; duration: Millis } }
  | { at: Millis; azOutage: { availabilityZone: string; duration: Millis } }
  | { at: Millis; registerScalableTarget: RegisterScalableTargetFile };

export interface ServiceLoadSpec {
  service: string;
  /** Requests offered to the service directly (besides what load balancers route to it). */
  rate?: RequestRateSpec;
  cpuUnitsPerRps: number;
  baseCpuUnits: number;
  memoryMiBPerRps: number;
  baseMemoryMiB: number;
  /** Response time of an idle task; queueing stretches it. */
  baseLatencyMs: number;
}

/** Requests arriving at a load balancer listener, and their mix by host and path. */
export interface LoadBalancerRequestsSpec {
  loadBalancer: string;
  listener: Listener;
  rate: RequestRateSpec;
  mix: { host?: string; path: string; weight: number }[];
  /** Where the listener's rules send the mix: each target group's share of the requests (fixed for the run). */
  shares: { targetGroup: string; share: number }[];
}

/** The metric a scaling policy or its alarm watches: which one, by which statistic, over what period. */
export interface ScalingMetric {
  key: MetricKey;
  statistic: Statistic;
  periodMinutes: number;
}

export type TargetTrackingSpec = TargetTrackingFile & { metric: ScalingMetric };
export type StepScalingSpec = StepScalingFile & { metric: ScalingMetric };

export type ServiceAutoScalingSpec = Omit<ServiceAutoScalingFile, 'targetTrackingPolicies' | 'stepScalingPolicies'> & {
  targetTrackingPolicies: TargetTrackingSpec[];
  stepScalingPolicies: StepScalingSpec[];
};

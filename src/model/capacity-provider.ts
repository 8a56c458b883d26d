import type { ContainerInstance } from './container-instance.js';
import type { Distribution } from '../engine/distributions.js';
import type { Millis } from '../engine/time.js';

/** ManagedScaling (API): cluster auto scaling's settings. */
export interface ManagedScaling {
  enabled: boolean;
  /** Percent (0 < x <= 100) of instances to keep in use; 100 keeps none spare. */
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
  instanceWarmupPeriodMs: Millis;
}

/** An Auto Scaling group as the simulation needs it. */
export interface AutoScalingGroupSpec {
  /** One type, or a mixed instances policy's overrides in priority order. */
  instanceTypes: string[];
  /** Which type a launch takes: the first of the list, or the cheapest (ties to the earlier). */
  allocationStrategy: 'prioritized' | 'lowest-price';
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  purchase: 'on-demand' | 'spot';
  availabilityZones: string[];
  attributes: Record<string, string>;
  /** EC2 launch (pending -> running) and the agent's registration after it. */
  launchTime: Distribution;
  registrationTime: Distribution;
}

/** An Auto Scaling group capacity provider: the ASG, its instances and cluster auto scaling's state. */
export interface CapacityProvider {
  name: string;
  managedScaling: ManagedScaling;
  managedTerminationProtection: boolean;
  managedDraining: boolean;
  asg: AutoScalingGroupSpec;
  /** The ASG's desired capacity now. */
  desiredCapacity: number;
  /** EC2 instances launching (not yet registered with the cluster). */
  launching: { id: number; availabilityZone: string; launchedAt: Millis; handle: number }[];
  /** Launches so far (ids for `launching`). */
  launches: number;
  /** The last CapacityProviderReservation computed, for the series. */
  reservation: number;
  /** Its registered, not terminated container instances, in registration order. */
  instances: ContainerInstance[];
  /** How many of them run a task other than a daemon's, and how many are ACTIVE and empty (kept as they change). */
  instanceUse: { inUse: number; idle: number };
  /** Its instances and launches in flight, per AZ (kept as they change). */
  perZone: Map<string, number>;
  /** Tasks waiting in PROVISIONING for its capacity, in arrival order. */
  waiting: string[];
  /** No scale-out before this time (instance warm-up). */
  warmupUntil: Millis;
  /** Consecutive one-minute datapoints above / below the target (the managed alarms' memory). */
  minutesAbove: number;
  minutesBelow: number;
}

/**
 * CapacityProviderReservation = M / N x 100 (DG cluster auto scaling): M instances needed, N running;
 * with N = 0, 100 when nothing is needed and 200 when something is.
 */
export function capacityProviderReservation(needed: number, running: number): number {
  if (running === 0) return needed === 0 ? 100 : 200;
  return (needed / running) * 100;
}

/**
 * The instance type the Auto Scaling group launches next (EC2 Auto Scaling allocation strategies).
 * ASSUMPTION: no capacity shortage of any type, so `prioritized` always launches the first type; Spot
 * instances follow the same rule (their pools' capacity is not modelled).
 */
export function instanceTypeToLaunch(asg: AutoScalingGroupSpec, usdPerHour: (type: string) => number): string {
  if (asg.allocationStrategy === 'prioritized') return asg.instanceTypes[0];
  return asg.instanceTypes.reduce((best, type) => (usdPerHour(type) < usdPerHour(best) ? type : best));
}

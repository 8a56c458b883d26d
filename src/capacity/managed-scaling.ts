import { capacityProviderReservation, type ManagedScaling } from '../model/capacity-provider.js';

/** One minute of cluster auto scaling for one provider: what it sees. */
export interface ScalingView {
  now: number;
  managedScaling: ManagedScaling;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  /** Instances running: registered and launching. */
  running: number;
  /** Instances running at least one non-daemon task. */
  inUse: number;
  /** What the PROVISIONING tasks need (estimateInstances). */
  usedIdle: number;
  extra: number;
  warmupUntil: number;
  minutesAbove: number;
  minutesBelow: number;
  /** `2023`: while instances sit empty and nothing waits, CapacityProviderReservation = 100 - empty (the 2023 docs). */
  formula: 'current' | '2023';
}

export interface ScalingDecision {
  reservation: number;
  needed: number;
  minutesAbove: number;
  minutesBelow: number;
  /** The new desired capacity, when it changes. */
  desiredCapacity?: number;
}

/** Scale-in alarm: 15 datapoints of 1 minute below the target; scale-out: 1 above (DG cluster auto scaling). */
export const SCALE_IN_DATAPOINTS = 15;
export const SCALE_OUT_DATAPOINTS = 1;

/**
 * Cluster auto scaling's decision (DG cluster auto scaling; managed scaling behavior), pure:
 * - M (instances needed) = instances in use + idle ones the waiting tasks would fill + new ones they
 *   need, the last clamped to [minimumScalingStepSize, maximumScalingStepSize] when there are any;
 * - CapacityProviderReservation = M / N x 100 (100 with N = M = 0, 200 with N = 0 < M);
 * - the managed target tracking policy: scale out after 1 minute above targetCapacity, to
 *   ceil(M x 100 / target) instances, not while an instance warms up; scale in after 15 minutes below,
 *   each minute by at most half the group (at least 1) (ASSUMPTION: the docs' "less than 50% each
 *   minute"); always within the group's minimum and maximum.
 */
export function decideScaling(v: ScalingView): ScalingDecision {
  const ms = v.managedScaling;
  const stepped = v.extra === 0 ? 0 : Math.min(ms.maximumScalingStepSize, Math.max(ms.minimumScalingStepSize, v.extra));
  const needed = v.inUse + v.usedIdle + stepped;
  const empty = v.running - v.inUse;
  const reservation =
    v.formula === '2023' && v.running > 0 && stepped === 0 && v.usedIdle === 0 && empty > 0
      ? 100 - empty
      : capacityProviderReservation(needed, v.running);
  const target = ms.targetCapacity;
  const minutesAbove = reservation > target ? v.minutesAbove + 1 : 0;
  const minutesBelow = reservation < target ? v.minutesBelow + 1 : 0;
  const decision: ScalingDecision = { reservation, needed, minutesAbove, minutesBelow };
  const wanted = Math.ceil((needed * 100) / target);
  if (minutesAbove >= SCALE_OUT_DATAPOINTS && v.now >= v.warmupUntil) {
    const desired = Math.min(v.maxSize, Math.max(v.desiredCapacity, wanted));
    if (desired > v.desiredCapacity) decision.desiredCapacity = desired;
  } else if (minutesBelow >= SCALE_IN_DATAPOINTS) {
    const floor = Math.max(v.minSize, wanted);
    const step = Math.max(1, Math.floor(v.running * 0.5));
    const desired = Math.max(floor, v.desiredCapacity - step);
    if (desired < v.desiredCapacity) decision.desiredCapacity = desired;
  }
  return decision;
}

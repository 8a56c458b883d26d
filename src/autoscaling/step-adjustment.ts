/**
 * Application Auto Scaling step scaling, the pure part (AAS user guide, "Step scaling policies";
 * API StepScalingPolicyConfiguration): which step a metric value falls in, and what capacity it asks for.
 */

export type AdjustmentType = 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';

/** A step: bounds relative to the alarm threshold (undefined: unbounded), and its adjustment. */
export interface StepAdjustment {
  metricIntervalLowerBound?: number;
  metricIntervalUpperBound?: number;
  scalingAdjustment: number;
}

/**
 * The step the metric falls in. Bounds are relative to the threshold; above the threshold a step's
 * lower bound is inclusive and its upper bound exclusive, below it the reverse. A policy whose steps
 * all start at or above 0 is an above-threshold policy (so 0 falls in its [0, x) step), one whose steps
 * all end at or below 0 a below-threshold one (0 falls in its (x, 0] step).
 */
export function stepFor(metric: number, threshold: number, steps: readonly StepAdjustment[]): StepAdjustment | undefined {
  const d = metric - threshold;
  const lower = (s: StepAdjustment) => s.metricIntervalLowerBound ?? -Infinity;
  const upper = (s: StepAdjustment) => s.metricIntervalUpperBound ?? Infinity;
  const above = steps.every((s) => lower(s) >= 0) || (!steps.every((s) => upper(s) <= 0) && d >= 0);
  return steps.find((s) => (above ? lower(s) <= d && d < upper(s) : lower(s) < d && d <= upper(s)));
}

/**
 * The capacity a step asks for from `capacity`. PercentChangeInCapacity rounds as AWS documents:
 * above 1 down (12.7 -> 12), between 0 and 1 to 1, between -1 and 0 to -1, below -1 toward zero
 * (-6.67 -> -6); then at least MinAdjustmentMagnitude in size (+25% of 4 with a minimum of 2 adds 2).
 */
export function adjustedCapacity(capacity: number, type: AdjustmentType, adjustment: number, minAdjustmentMagnitude = 0): number {
  if (type === 'ExactCapacity') return adjustment;
  if (type === 'ChangeInCapacity') return capacity + adjustment;
  const change = roundPercentChange((capacity * adjustment) / 100);
  if (change === 0 || Math.abs(change) >= minAdjustmentMagnitude) return capacity + change;
  return capacity + Math.sign(change) * minAdjustmentMagnitude;
}

export function roundPercentChange(change: number): number {
  if (change === 0) return 0;
  if (change > 0) return change < 1 ? 1 : Math.floor(change);
  return change > -1 ? -1 : Math.ceil(change);
}

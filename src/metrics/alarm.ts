/**
 * CloudWatch alarm evaluation (PutMetricAlarm semantics; CloudWatch user guide, "Using Amazon
 * CloudWatch alarms" and "Configuring how CloudWatch alarms treat missing data").
 *
 * An alarm looks at the last EvaluationPeriods (N) datapoints and goes to ALARM when at least
 * DatapointsToAlarm (M) of them breach ("M out of N"; breaching points need not be consecutive). To
 * judge, CloudWatch fetches an evaluation range longer than N: with N or more real points in it, the most
 * recent N real ones decide and missing data plays no part; with fewer, TreatMissingData fills the
 * shortfall.
 */

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export type ComparisonOperator = 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';

export type TreatMissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

export interface AlarmRule {
  threshold: number;
  comparisonOperator: ComparisonOperator;
  /** N: how many of the latest datapoints are looked at. */
  evaluationPeriods: number;
  /** M: how many of them must breach (M <= N). */
  datapointsToAlarm: number;
  treatMissingData: TreatMissingData;
}

/** A datapoint per period, oldest first; `null` where the metric has no data for that period. */
export type Datapoints = readonly (number | null)[];

/**
 * How many periods CloudWatch fetches to evaluate N. ASSUMPTION: N + 2, the size of the user guide's
 * examples (5 datapoints for N = 3); AWS says only that the range is larger than N.
 */
export function evaluationRange(evaluationPeriods: number): number {
  return evaluationPeriods + 2;
}

export function breaches(value: number, rule: Pick<AlarmRule, 'threshold' | 'comparisonOperator'>): boolean {
  switch (rule.comparisonOperator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= rule.threshold;
    case 'GreaterThanThreshold':
      return value > rule.threshold;
    case 'LessThanThreshold':
      return value < rule.threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= rule.threshold;
  }
}

/**
 * The alarm's next state from the datapoints of its evaluation range (oldest first; only the last
 * `evaluationRange(N)` are looked at) and its current state.
 */
export function evaluateAlarm(points: Datapoints, rule: AlarmRule, current: AlarmState): AlarmState {
  const N = rule.evaluationPeriods;
  const M = rule.datapointsToAlarm;
  const from = Math.max(0, points.length - evaluationRange(N));
  // The latest real points, newest first, up to N: with N of them they decide.
  let real = 0;
  let breaching = 0;
  for (let i = points.length - 1; i >= from && real < N; i--) {
    const p = points[i];
    if (p === null) continue;
    real++;
    if (breaches(p, rule)) breaching++;
  }
  if (real >= N) return breaching >= M ? 'ALARM' : 'OK';

  // Fewer than N real points in the range: `real` and `breaching` count all of them.
  const range = points.slice(from);
  const shortfall = N - real;
  if (real === 0) {
    return { missing: 'INSUFFICIENT_DATA', ignore: current, breaching: 'ALARM', notBreaching: 'OK' }[rule.treatMissingData] as AlarmState;
  }
  if (rule.treatMissingData === 'breaching') return breaching + shortfall >= M ? 'ALARM' : 'OK';
  if (rule.treatMissingData === 'notBreaching') return breaching >= M ? 'ALARM' : 'OK';
  // ignore and missing: decide where the missing points could not change the outcome.
  if (breaching >= M) return 'ALARM';
  if (breaching + shortfall < M) return 'OK';
  if (rule.treatMissingData === 'ignore') return current;
  // missing: avoid a premature ALARM (the next point may be fine), unless the oldest breaching point
  // is at least M periods old and every newer point breaches or is missing.
  return oldBreachUnchallenged(range, rule) ? 'ALARM' : current;
}

/** The user guide's guard against premature alarms: "- - X - -" alarms with N = M = 3, "- - - - X" does not yet. */
function oldBreachUnchallenged(range: Datapoints, rule: AlarmRule): boolean {
  const oldest = range.findIndex((p) => p !== null && breaches(p, rule));
  if (oldest < 0 || range.length - oldest < rule.datapointsToAlarm) return false;
  return range.slice(oldest).every((p) => p === null || breaches(p, rule));
}

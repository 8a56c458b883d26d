import { billedUsd, fargateUsdPerHour, instanceUsdPerHour } from './prices.js';

/** A span of billed use: an EC2 instance's life or a Fargate task's. */
export interface BilledUse {
  fromMs: number;
  /** Billing stops here (the end of the run for what is still running). */
  toMs: number;
  /** When it really ended (Infinity: still running when the run ended), for the cost rate. */
  endedMs: number;
  usdPerHour: number;
  capacityProvider: string;
  service: string | null;
  purchaseOption: 'on-demand' | 'spot';
}

export interface CostBreakdown {
  totalUsd: number;
  byCapacityProvider: Record<string, number>;
  byService: Record<string, number>;
  byPurchaseOption: Record<string, number>;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Cost totals (EC2 per instance from launch to termination, Fargate per task from the start of its
 * image pulls to STOPPED; per second with a one-minute minimum) and their parts. EC2 instance cost is
 * not divided among services (byService covers Fargate tasks); every total is the sum of its parts.
 */
export function computeCost(uses: readonly BilledUse[]): CostBreakdown {
  const out: CostBreakdown = { totalUsd: 0, byCapacityProvider: {}, byService: {}, byPurchaseOption: {} };
  for (const use of uses) {
    const usd = billedUsd(use.usdPerHour, use.fromMs, use.toMs);
    out.totalUsd += usd;
    out.byCapacityProvider[use.capacityProvider] = (out.byCapacityProvider[use.capacityProvider] ?? 0) + usd;
    out.byPurchaseOption[use.purchaseOption] = (out.byPurchaseOption[use.purchaseOption] ?? 0) + usd;
    if (use.service !== null) out.byService[use.service] = (out.byService[use.service] ?? 0) + usd;
  }
  const round = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, round6(v)]));
  return {
    totalUsd: round6(out.totalUsd),
    byCapacityProvider: round(out.byCapacityProvider),
    byService: round(out.byService),
    byPurchaseOption: round(out.byPurchaseOption),
  };
}

/** USD per hour being spent at each sample time (a sweep over the spans' starts and ends). */
export function costRate(uses: readonly BilledUse[], times: readonly number[]): number[] {
  const changes = uses.flatMap((u) => [
    { at: u.fromMs, delta: u.usdPerHour },
    { at: u.endedMs, delta: -u.usdPerHour },
  ]);
  changes.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const out: number[] = [];
  let rate = 0;
  let i = 0;
  for (const t of times) {
    while (i < changes.length && changes[i].at <= t) rate += changes[i++].delta;
    out.push(Math.round(Math.max(0, rate) * 1e4) / 1e4);
  }
  return out;
}

export { fargateUsdPerHour, instanceUsdPerHour };

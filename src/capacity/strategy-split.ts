/** One item of a capacity provider strategy (API CapacityProviderStrategyItem). */
export interface StrategyItem {
  capacityProvider: string;
  base: number;
  weight: number;
}

/**
 * The provider for the next task (DG capacity providers): the provider with a base takes tasks until it
 * has `base`; after that tasks are shared in proportion to the weights (weights 1 and 3: one task on
 * the first for every three on the second). ASSUMPTION (AWS does not say how it rounds): each next task
 * goes to the provider whose (tasks beyond its base + 1/2) / weight is lowest, ties to the earlier
 * provider (Sainte-Lague's rule), so shares stay close to the weights and a service scaled one task at a
 * time ends where a batch of the same size would.
 */
export function nextProvider(items: readonly StrategyItem[], current: readonly number[]): number {
  const baseIndex = items.findIndex((item) => item.base > 0);
  if (baseIndex >= 0 && current[baseIndex] < items[baseIndex].base) return baseIndex;
  let best = -1;
  let bestScore = Infinity;
  items.forEach((item, i) => {
    if (item.weight <= 0) return;
    const beyondBase = current[i] - (i === baseIndex ? items[i].base : 0);
    const score = (beyondBase + 0.5) / item.weight;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** How `count` tasks split over a strategy: `nextProvider`, one task at a time. -1 never occurs unless every weight is 0. */
export function splitByStrategy(items: readonly StrategyItem[], count: number): number[] {
  const counts = items.map(() => 0);
  for (let k = 0; k < count; k++) {
    const i = nextProvider(items, counts);
    if (i < 0) break;
    counts[i]++;
  }
  return counts;
}

import type { ContainerInstance } from '../../model/container-instance.js';
import type { GroupStats } from '../group-stats.js';
import type { PlacementStrategy } from '../placement-request.js';
import { binpackKey } from './binpack.js';
import { randomKey } from './random.js';
import { spreadKey } from './spread.js';

export interface RankContext {
  group: string;
  stats: GroupStats;
  instances: readonly ContainerInstance[];
  /** Drawn once per placement when a strategy is random. */
  salt: number;
}

/** An instance's rank under one strategy: lower ranks first. */
export function strategyKey(strategy: PlacementStrategy, instance: ContainerInstance, ctx: RankContext): number {
  switch (strategy.type) {
    case 'binpack':
      return binpackKey(instance, strategy.field);
    case 'spread':
      return spreadKey(instance, strategy.field, ctx.group, ctx.stats, ctx.instances);
    case 'random':
      return randomKey(instance.index, ctx.salt);
  }
}

/** Compares two instances under strategies[from..], then by index: negative when `a` ranks first. */
export function compareRank(a: ContainerInstance, b: ContainerInstance, strategies: readonly PlacementStrategy[], from: number, ctx: RankContext): number {
  for (let i = from; i < strategies.length; i++) {
    const d = strategyKey(strategies[i], a, ctx) - strategyKey(strategies[i], b, ctx);
    if (d !== 0) return d;
  }
  return a.index - b.index;
}

import type { Millis } from '../engine/time.js';

/**
 * What a step scaling policy remembers between invocations for its cooldown (AAS user guide, "Cooldown
 * period"): when the current cooldown ends, which way it scaled, and the capacity before the scale-out
 * that started it.
 */
export interface StepCooldown {
  until: Millis;
  direction: 'out' | 'in';
  /** Capacity before the scale-out that started the cooldown: later steps count from it. */
  base: number;
}

export interface StepDecision {
  /** The capacity to set, or undefined to leave it. */
  desired?: number;
  cooldown?: StepCooldown;
}

/**
 * Applies a step's request under the cooldown rules:
 * - during a scale-out cooldown a larger step adds only the difference (a +2 then a +3 adds 1 more,
 *   as the +2 already counts); an equal or smaller one does nothing; scale-in waits;
 * - a scale-in cooldown blocks scale-in until it ends; a scale-out runs at once and ends it.
 * `target(base)` is the capacity the step asks for from a base capacity; `from` is where a new scaling
 * starts (the running count, for ECS: "the actual running task count is the starting point", so tasks
 * that cannot be placed do not make scaling run away), by default the current capacity.
 */
export function applyStep(now: Millis, current: number, target: (base: number) => number, cooldownMs: Millis, cooldown: StepCooldown | undefined, from = current): StepDecision {
  const active = cooldown !== undefined && now < cooldown.until ? cooldown : undefined;
  if (active?.direction === 'out') {
    const wanted = target(active.base);
    if (wanted <= current) return { cooldown: active };
    return { desired: wanted, cooldown: active };
  }
  const wanted = target(from);
  if (wanted > current) return { desired: wanted, cooldown: { until: now + cooldownMs, direction: 'out', base: from } };
  if (wanted < current && active === undefined) return { desired: wanted, cooldown: { until: now + cooldownMs, direction: 'in', base: from } };
  return { cooldown: active };
}

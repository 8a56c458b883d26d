import { describe, expect, it } from 'vitest';
import { decideScaling, type ScalingView } from '../../src/capacity/managed-scaling.js';
import { capacityProviderReservation } from '../../src/model/capacity-provider.js';

const view = (v: Partial<ScalingView>): ScalingView => ({
  now: 0,
  managedScaling: { enabled: true, targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10_000, instanceWarmupPeriodMs: 300_000 },
  minSize: 0,
  maxSize: 100,
  desiredCapacity: 0,
  running: 0,
  inUse: 0,
  usedIdle: 0,
  extra: 0,
  warmupUntil: 0,
  minutesAbove: 0,
  minutesBelow: 0,
  formula: 'current',
  ...v,
});
const target = (t: number) => ({ enabled: true, targetCapacity: t, minimumScalingStepSize: 1, maximumScalingStepSize: 10_000, instanceWarmupPeriodMs: 300_000 });

describe('CapacityProviderReservation = M / N x 100', () => {
  it('with N = 0: 100 when nothing is needed, 200 when something is', () => {
    expect(capacityProviderReservation(0, 0)).toBe(100);
    expect(capacityProviderReservation(3, 0)).toBe(200);
    expect(capacityProviderReservation(2, 3)).toBeCloseTo(66.67, 2);
  });

  it("the 2023 docs' scale-in form: 2 empty instances -> 98", () => {
    expect(decideScaling(view({ running: 10, desiredCapacity: 10, inUse: 8, formula: '2023' })).reservation).toBe(98);
    expect(decideScaling(view({ running: 10, desiredCapacity: 10, inUse: 8 })).reservation).toBe(80);
  });
});

describe("cluster auto scaling's decisions (the fact sheet's worked examples)", () => {
  it('N 3, M 2, target 100: 66.7; after 15 minutes below, desired 2', () => {
    const v = view({ running: 3, desiredCapacity: 3, inUse: 2 });
    const waiting = decideScaling({ ...v, minutesBelow: 13 });
    expect(waiting).toMatchObject({ reservation: expect.closeTo(66.67, 1), minutesBelow: 14 });
    expect(waiting.desiredCapacity).toBeUndefined();
    expect(decideScaling({ ...v, minutesBelow: 14 })).toMatchObject({ minutesBelow: 15, desiredCapacity: 2 });
  });

  it('N 3, M 2, target 50: 66.7 is above; after 1 minute, desired ceil(2 x 100 / 50) = 4', () => {
    expect(decideScaling(view({ running: 3, desiredCapacity: 3, inUse: 2, managedScaling: target(50) }))).toMatchObject({ desiredCapacity: 4 });
  });

  it('N 4, M 4: steady; N 0, M 0: steady at zero', () => {
    for (const d of [decideScaling(view({ running: 4, desiredCapacity: 4, inUse: 4 })), decideScaling(view({}))]) {
      expect(d.reservation).toBe(100);
      expect(d.desiredCapacity).toBeUndefined();
    }
  });

  it('N 0, tasks waiting: 200, scale out from zero', () => {
    expect(decideScaling(view({ extra: 3 }))).toMatchObject({ reservation: 200, desiredCapacity: 3 });
  });

  it('N 10, M 9, target 90: 90, steady (10% spare kept)', () => {
    const d = decideScaling(view({ running: 10, desiredCapacity: 10, inUse: 9, managedScaling: target(90) }));
    expect(d.reservation).toBe(90);
    expect(d.desiredCapacity).toBeUndefined();
  });

  it('the step clamp: N 4, estimate 3 -> M 7 (175); minimum step 5 -> M 9 (225); maximum step 2 -> M 6', () => {
    const v = view({ running: 4, desiredCapacity: 4, inUse: 4, extra: 3 });
    expect(decideScaling(v)).toMatchObject({ needed: 7, reservation: 175, desiredCapacity: 7 });
    expect(decideScaling({ ...v, managedScaling: { ...v.managedScaling, minimumScalingStepSize: 5 } })).toMatchObject({ needed: 9, reservation: 225 });
    expect(decideScaling({ ...v, managedScaling: { ...v.managedScaling, maximumScalingStepSize: 2 } })).toMatchObject({ needed: 6, desiredCapacity: 6 });
  });

  it('no scale-out while an instance warms up', () => {
    expect(decideScaling(view({ now: 60_000, warmupUntil: 120_000, extra: 2 })).desiredCapacity).toBeUndefined();
  });

  it('scale-in removes at most half the group a minute, and never below minSize', () => {
    expect(decideScaling(view({ running: 10, desiredCapacity: 10, minutesBelow: 20 })).desiredCapacity).toBe(5);
    expect(decideScaling(view({ running: 1, desiredCapacity: 1, minutesBelow: 20 })).desiredCapacity).toBe(0);
    expect(decideScaling(view({ running: 3, desiredCapacity: 3, minSize: 2, minutesBelow: 20 })).desiredCapacity).toBe(2);
  });

  it('scale-out never passes maxSize', () => {
    expect(decideScaling(view({ extra: 50, maxSize: 8 })).desiredCapacity).toBe(8);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedCapacity, roundPercentChange, stepFor, type StepAdjustment } from '../../src/autoscaling/step-adjustment.js';
import { applyStep, type StepCooldown } from '../../src/autoscaling/step-cooldown.js';

const step = (lower: number | undefined, upper: number | undefined, scalingAdjustment: number): StepAdjustment => ({
  metricIntervalLowerBound: lower,
  metricIntervalUpperBound: upper,
  scalingAdjustment,
});
// The user guide's example: one threshold (50) for both policies, PercentChangeInCapacity.
const OUT = [step(0, 10, 0), step(10, 20, 10), step(20, undefined, 30)];
const IN = [step(-10, 0, 0), step(-20, -10, -10), step(undefined, -20, -30)];

/** The policy the alarm on that side of the threshold invokes, applied to `capacity`. */
const scale = (capacity: number, metric: number) => {
  const chosen = stepFor(metric, 50, metric >= 50 ? OUT : IN)!;
  return adjustedCapacity(capacity, 'PercentChangeInCapacity', chosen.scalingAdjustment);
};

describe('step scaling, as the Application Auto Scaling guide works it', () => {
  it('capacity 10 -> 11 -> 14 -> 13 -> 10', () => {
    const trajectory = [10];
    for (const metric of [60, 70, 40, 30]) trajectory.push(scale(trajectory.at(-1)!, metric));
    expect(trajectory).toEqual([10, 11, 14, 13, 10]);
  });

  it('holds capacity while 40 < metric < 60; bounds inclusive at the bottom above the threshold, at the top below it', () => {
    expect([41, 50, 59.9].map((m) => scale(10, m))).toEqual([10, 10, 10]);
    expect(stepFor(60, 50, OUT)).toBe(OUT[1]);
    expect(stepFor(70, 50, OUT)).toBe(OUT[2]);
    expect(stepFor(40.1, 50, IN)).toBe(IN[0]);
    expect(stepFor(40, 50, IN)).toBe(IN[1]);
    expect(stepFor(30.1, 50, IN)).toBe(IN[1]);
    expect(stepFor(30, 50, IN)).toBe(IN[2]);
    expect(stepFor(50, 50, OUT)).toBe(OUT[0]);
    expect(stepFor(50, 50, IN)).toBe(IN[0]);
  });

  it('rounds PercentChangeInCapacity as documented: 12.7 -> 12, 0.67 -> 1, -0.58 -> -1, -6.67 -> -6', () => {
    expect([12.7, 0.67, -0.58, -6.67, 0].map(roundPercentChange)).toEqual([12, 1, -1, -6, 0]);
  });

  it('MinAdjustmentMagnitude: +25% of 4 is 1, with a minimum of 2 it adds 2', () => {
    expect(adjustedCapacity(4, 'PercentChangeInCapacity', 25)).toBe(5);
    expect(adjustedCapacity(4, 'PercentChangeInCapacity', 25, 2)).toBe(6);
    expect(adjustedCapacity(4, 'PercentChangeInCapacity', -25, 2)).toBe(2);
  });

  it('ChangeInCapacity 3 + 5 = 8; ExactCapacity 5 from 3 is 5', () => {
    expect(adjustedCapacity(3, 'ChangeInCapacity', 5)).toBe(8);
    expect(adjustedCapacity(3, 'ExactCapacity', 5)).toBe(5);
  });

  it('the CloudFormation example (threshold 70): 80 -> +1, 90 -> +2, 97 -> +3', () => {
    const steps = [step(0, 15, 1), step(15, 25, 2), step(25, undefined, 3)];
    expect([80, 90, 97].map((m) => stepFor(m, 70, steps)!.scalingAdjustment)).toEqual([1, 2, 3]);
  });

  it('percent changes never go the wrong way and are whole', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -100, max: 1000 }), (capacity, percent) => {
      const after = adjustedCapacity(capacity, 'PercentChangeInCapacity', percent);
      expect(Number.isInteger(after)).toBe(true);
      expect(Math.sign(after - capacity)).toBe(capacity === 0 ? 0 : Math.sign(percent));
    }));
  });
});

describe('step scaling cooldowns', () => {
  const COOLDOWN = 300_000;
  const plus = (n: number) => (base: number) => base + n;

  it('during a scale-out cooldown a +3 after a +2 adds only the difference; a smaller step adds nothing', () => {
    const first = applyStep(0, 10, plus(2), COOLDOWN, undefined);
    expect(first.desired).toBe(12);
    const bigger = applyStep(60_000, 12, plus(3), COOLDOWN, first.cooldown);
    expect(bigger.desired).toBe(13);
    expect(applyStep(60_000, 12, plus(1), COOLDOWN, first.cooldown).desired).toBeUndefined();
    expect(applyStep(60_000, 12, plus(2), COOLDOWN, first.cooldown).desired).toBeUndefined();
    // After the cooldown a step counts from the capacity then.
    expect(applyStep(COOLDOWN, 13, plus(2), COOLDOWN, bigger.cooldown).desired).toBe(15);
  });

  it('a scale-in cooldown blocks scale-in; a scale-out runs at once and ends it', () => {
    const scaleIn = applyStep(0, 10, plus(-1), COOLDOWN, undefined);
    expect(scaleIn).toMatchObject({ desired: 9, cooldown: { direction: 'in', until: COOLDOWN } });
    expect(applyStep(60_000, 9, plus(-1), COOLDOWN, scaleIn.cooldown).desired).toBeUndefined();
    const out = applyStep(60_000, 9, plus(2), COOLDOWN, scaleIn.cooldown);
    expect(out).toMatchObject({ desired: 11, cooldown: { direction: 'out', until: 60_000 + COOLDOWN, base: 9 } });
    expect(applyStep(COOLDOWN, 9, plus(-1), COOLDOWN, scaleIn.cooldown).desired).toBe(8);
  });

  it('no scale-out inside a scale-out cooldown beyond what the largest step asks from the base', () => {
    const arbitrary = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 400_000 }), n: fc.integer({ min: -3, max: 5 }) }), { maxLength: 30 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), arbitrary, (start, calls) => {
      let now = 0;
      let capacity = start;
      let cooldown: StepCooldown | undefined;
      for (const { gap, n } of calls) {
        now += gap;
        const d = applyStep(now, capacity, plus(n), COOLDOWN, cooldown);
        if (cooldown && now < cooldown.until && cooldown.direction === 'out' && d.desired !== undefined) {
          expect(d.desired).toBe(cooldown.base + n);
        }
        if (cooldown && now < cooldown.until && d.desired !== undefined) expect(d.desired).toBeGreaterThan(capacity);
        capacity = d.desired ?? capacity;
        cooldown = d.cooldown;
      }
    }));
  });
});

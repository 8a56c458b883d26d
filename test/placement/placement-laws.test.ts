import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseInstance, chooseInstanceLinear } from '../../src/placement/choose-instance.js';
import { claim, release } from '../../src/placement/claim.js';
import { firstRejection } from '../../src/placement/filters/index.js';
import { isEligible } from '../../src/placement/placement-state.js';
import { compareRank } from '../../src/placement/strategies/index.js';
import { requestArbitrary, stateArbitrary } from './placement-arbitrary.js';

const salt = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('placement laws', () => {
  it('the indexed search chooses exactly what the linear scan (the law) chooses, placement after placement', () => {
    fc.assert(
      fc.property(stateArbitrary, fc.array(requestArbitrary, { minLength: 1, maxLength: 12 }), salt, (state, requests, s) => {
        for (const request of requests) {
          const fast = chooseInstance(request, state, s);
          const linear = chooseInstanceLinear(request, state, s);
          expect(fast?.id).toBe(linear?.id);
          if (fast) claim(state, fast, request.group, request.need, request.network);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the chosen instance passes every filter and satisfies every constraint', () => {
    fc.assert(
      fc.property(stateArbitrary, requestArbitrary, salt, (state, request, s) => {
        const chosen = chooseInstance(request, state, s);
        if (chosen) {
          expect(isEligible(chosen)).toBe(true);
          expect(firstRejection(request, chosen, state.query)).toBeUndefined();
        } else {
          for (const candidate of state.instances) expect(firstRejection(request, candidate, state.query) !== undefined || !isEligible(candidate)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no feasible instance ranks before the chosen one', () => {
    fc.assert(
      fc.property(stateArbitrary, requestArbitrary, salt, (state, request, s) => {
        const chosen = chooseInstance(request, state, s);
        if (!chosen) return;
        const rank = { group: request.group, stats: state.groups, instances: state.instances, salt: s };
        for (const other of state.instances) {
          if (other === chosen || !isEligible(other) || firstRejection(request, other, state.query)) continue;
          expect(compareRank(chosen, other, request.strategies, 0, rank)).toBeLessThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('binpack never picks an instance with more of its field remaining than another feasible one', () => {
    fc.assert(
      fc.property(stateArbitrary, requestArbitrary, fc.constantFrom('cpu' as const, 'memory' as const), salt, (state, base, field, s) => {
        const request = { ...base, strategies: [{ type: 'binpack' as const, field }, ...base.strategies] };
        const chosen = chooseInstance(request, state, s);
        if (!chosen) return;
        const left = (i: typeof chosen) => (field === 'cpu' ? i.remaining.cpuUnits : i.remaining.memoryMiB);
        for (const other of state.instances) {
          if (isEligible(other) && !firstRejection(request, other, state.query)) expect(left(chosen)).toBeLessThanOrEqual(left(other));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shuffling the candidates never changes the choice', () => {
    fc.assert(
      fc.property(stateArbitrary, requestArbitrary, salt, fc.nat(), (state, request, s, seed) => {
        const expected = chooseInstanceLinear(request, state, s)?.id;
        const shuffled = [...state.instances].sort((a, b) => ((a.index * 7919 + seed) % 101) - ((b.index * 7919 + seed) % 101));
        expect(chooseInstanceLinear(request, { ...state, instances: shuffled }, s)?.id).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('placing then stopping restores remaining resources, ports and ENIs exactly', () => {
    fc.assert(
      fc.property(stateArbitrary, fc.array(requestArbitrary, { minLength: 1, maxLength: 10 }), salt, (state, requests, s) => {
        const snapshot = () =>
          JSON.stringify(
            state.instances.map((i) => [i.remaining, [...i.ports.tcp.bound].sort(), [...i.ports.tcp.staticBound].sort(), i.enisInUse, [...i.groupCounts].sort()]),
          );
        const before = snapshot();
        const claims = [];
        for (const request of requests) {
          const chosen = chooseInstance(request, state, s);
          if (chosen) claims.push({ instance: chosen, held: claim(state, chosen, request.group, request.need, request.network) });
        }
        for (const { instance, held } of claims.reverse()) release(state, instance, held);
        expect(snapshot()).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { scenarioObject, spec } from '../builders.js';
import { scenarioArbitrary } from './scenario-arbitrary.js';

const RUNS = 60;

describe('simulation properties over generated scenarios', () => {
  it('every invariant holds after every event (simulate with check: true throws otherwise)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        simulate(spec(scenario), { check: true });
      }),
      { numRuns: RUNS },
    );
  });

  it('same scenario and seed give byte-identical Results', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const s = spec(scenario);
        expect(JSON.stringify(simulate(s))).toBe(JSON.stringify(simulate(spec(structuredClone(scenario)))));
      }),
      { numRuns: RUNS },
    );
  });

  it('every requested task is either placed or reported as a RunTask failure', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const { summary } = simulate(spec(scenario));
        expect(summary.tasksPlaced + summary.runTaskFailures).toBe(summary.tasksRequested);
      }),
      { numRuns: RUNS },
    );
  });

  it('tasks are stopped in lifecycle order: createdAt <= startedAt <= stoppingAt <= stoppedAt', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const t of simulate(spec(scenario)).tasks) {
          const times = [t.createdAt, t.startedAt, t.stoppingAt, t.stoppedAt].filter((x): x is number => x !== null);
          expect([...times].sort((a, b) => a - b)).toEqual(times);
          if (t.lastStatus === 'STOPPED') expect(t.stopCode).toBe('EssentialContainerExited');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a different seed gives different Results for a scenario with random arrivals', () => {
    const s = spec(scenarioObject());
    expect(JSON.stringify(simulate(s, { seed: 1 }))).not.toBe(JSON.stringify(simulate(s, { seed: 2 })));
  });
});

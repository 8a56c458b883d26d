import { describe, expect, it } from 'vitest';
import { samplePeriodMs } from '../../src/results/series-recorder.js';
import { simulate } from '../../src/simulate.js';
import { spec } from '../builders.js';

describe('how much of a long or large run the Results keep', () => {
  it('one sample a minute up to maxSamples minutes, then whole minutes that keep within it', () => {
    expect(samplePeriodMs(3 * 3_600_000, 2880)).toBe(60_000);
    expect(samplePeriodMs(2 * 86_400_000, 2880)).toBe(60_000);
    expect(samplePeriodMs(7 * 86_400_000, 2880)).toBe(4 * 60_000);
    expect(samplePeriodMs(7 * 86_400_000 + 1, 2880)).toBe(4 * 60_000);
    expect(samplePeriodMs(117 * 86_400_000, 2880)).toBe(59 * 60_000);
  });

  const scenario = (results: object, count = 5) => ({
    name: 'sampling',
    duration: '1d',
    cluster: { containerInstances: [{ instanceType: 'm5.large', count }] },
    simulation: { results },
  });

  it('a week-long run at most maxSamples samples, every sample on a whole period', () => {
    const r = simulate(spec({ ...scenario({ maxSamples: 100 }), duration: '7d' }));
    expect(r.series.periodMs).toBe(101 * 60_000);
    expect(r.series.t.length).toBeLessThanOrEqual(101);
    expect(r.series.t.every((t, i) => t === i * r.series.periodMs)).toBe(true);
    expect(Object.values(r.series.byInstance)[0].tasks).toHaveLength(r.series.t.length);
  });

  it('past instanceSeriesLimit instances, per-instance series are left out and a note says so', () => {
    const kept = simulate(spec(scenario({ instanceSeriesLimit: 5 })));
    expect(Object.keys(kept.series.byInstance)).toHaveLength(5);
    const dropped = simulate(spec(scenario({ instanceSeriesLimit: 4 })));
    expect(dropped.series.byInstance).toEqual({});
    expect(dropped.notes).toContainEqual({ path: 'series.byInstance', message: 'left out: the run registered more than 4 container instances (simulation.results.instanceSeriesLimit)' });
    expect(dropped.series.cpuReservation).toEqual(kept.series.cpuReservation);
  });
});

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

  it('a long run with service load keeps the minutes at its sample times, and only those', () => {
    const r = simulate(spec({
      name: 'sampled load',
      duration: '3d',
      cluster: { containerInstances: [{ instanceType: 'm5.large', count: 2 }] },
      taskDefinitions: [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'web', cpu: 256, memory: 512 }] }],
      services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }],
      workload: { serviceLoad: [{ service: 'web', rate: { shape: 'diurnal', mean: 50, amplitude: 20 }, cpuUnitsPerRps: 1 }] },
      simulation: { results: { maxSamples: 100 } },
    }));
    expect(r.series.periodMs).toBe(44 * 60_000);
    const rate = r.series.serviceMetrics.web.requestRate;
    // Every sample after time 0 shows the minute that ended then: the diurnal rate at that minute's middle.
    expect(rate[0]).toBeNull();
    for (let i = 1; i < rate.length; i++) {
      const mid = r.series.t[i] - 30_000;
      expect(rate[i]).toBeCloseTo(50 + 20 * Math.cos((2 * Math.PI * (mid - 14 * 3_600_000)) / 86_400_000), 1);
    }
  });
});

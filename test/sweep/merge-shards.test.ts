import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridCells, gridPoints } from '../../src/sweep/grid.js';
import { mergeShards } from '../../src/sweep/merge-shards.js';
import { FIGURES } from '../../src/sweep/run-figures.js';
import { shardCells } from '../../src/sweep/shard.js';
import { sweepCsv } from '../../src/sweep/sweep-csv.js';
import { shardDocument, sweepDocument, toJson, type RunSummary, type SweepDefinition } from '../../src/sweep/sweep-document.js';

/** A sweep definition and made-up run figures: merging is about bookkeeping, not about what the runs hold. */
function fakeSweep(valueCounts: number[], seedCount: number, salt: number) {
  const definition: SweepDefinition = {
    ecsimVersion: '0.0.0-test',
    scenario: { name: 'fake', sha256: 'ab'.repeat(32) },
    sets: valueCounts.map((count, i) => ({ path: `p${i}`, values: Array.from({ length: count }, (_, v) => v * 10 + i) })),
    seeds: Array.from({ length: seedCount }, (_, i) => i + 1),
  };
  const cells = gridCells(gridPoints(definition.sets).length, definition.seeds);
  const runs: RunSummary[] = cells.map((cell) => ({
    cell: cell.index,
    point: cell.point,
    seed: cell.seed,
    figures: Object.fromEntries(FIGURES.map((f, i) => [f.name, ((cell.index * 7919 + i * 104729 + salt) % 1000) / 8])),
  }));
  return { definition, cells, runs };
}

const shardFiles = (sweep: ReturnType<typeof fakeSweep>, count: number) =>
  Array.from({ length: count }, (_, index) => {
    const held = new Set(shardCells(sweep.cells, { index, count }).map((c) => c.index));
    return { file: `shard-${index}-of-${count}.json`, content: toJson(shardDocument(sweep.definition, { index, count }, sweep.runs.filter((r) => held.has(r.cell)))) };
  });

describe('merging shards', () => {
  it('any split into n shards, merged in any order, is the unsplit sweep byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 1000 }),
        (valueCounts, seedCount, count, salt, shuffle) => {
          const sweep = fakeSweep(valueCounts, seedCount, salt);
          const files = shardFiles(sweep, count);
          const rotated = [...files.slice(shuffle % count), ...files.slice(0, shuffle % count)].reverse();
          const merged = mergeShards(rotated);
          expect(merged.ok).toBe(true);
          if (!merged.ok) return;
          const unsplit = sweepDocument(sweep.definition, sweep.runs);
          expect(toJson(merged.sweep)).toBe(toJson(unsplit));
          expect(sweepCsv(merged.sweep)).toBe(sweepCsv(unsplit));
        },
      ),
    );
  });

  it('more shards than runs is fine: the empty shards still count', () => {
    const sweep = fakeSweep([], 2, 1);
    const merged = mergeShards(shardFiles(sweep, 5));
    expect(merged.ok && merged.sweep.runs).toHaveLength(2);
  });

  it('names every missing shard', () => {
    const files = shardFiles(fakeSweep([2], 3, 0), 4);
    expect(mergeShards([files[0], files[2]])).toEqual({ ok: false, message: 'merge: incomplete sweep: missing shards 1/4, 3/4' });
  });

  it('refuses shards split differently', () => {
    const sweep = fakeSweep([2], 3, 0);
    const [half] = shardFiles(sweep, 2);
    const thirds = shardFiles(sweep, 3);
    const merged = mergeShards([half, ...thirds]);
    expect(!merged.ok && merged.message).toBe('shard-0-of-3.json: shard 0/3, but shard-0-of-2.json is one of 2 shards');
  });

  it('refuses a shard whose figures were run by another ecsim version', () => {
    const sweep = fakeSweep([2], 3, 0);
    const files = shardFiles(sweep, 2);
    const other = { ...sweep, definition: { ...sweep.definition, ecsimVersion: '9.9.9' } };
    const merged = mergeShards([files[0], shardFiles(other, 2)[1]]);
    expect(!merged.ok && merged.message).toMatch(/not a shard of the same sweep as shard-0-of-2\.json \(ecsim 9\.9\.9 vs 0\.0\.0-test\)/);
  });
});

describe('sweep.csv', () => {
  it('quotes values holding commas or quotes (RFC 4180) and leaves the interval empty for one seed', () => {
    const sweep = fakeSweep([], 1, 0);
    const doc = sweepDocument({ ...sweep.definition, sets: [{ path: 'description', values: ['a, "b"'] }] }, sweep.runs);
    const [header, first] = sweepCsv(doc).split('\n');
    expect(header.startsWith('point,description,figure,unit,n,mean,ci95_low,ci95_high')).toBe(true);
    const value = sweep.runs[0].figures.peakInstances;
    expect(first).toBe(`0,"a, ""b""",peakInstances,instances,1,${value},,,,,${value},${value}`);
  });
});

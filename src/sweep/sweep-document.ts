import { gridCells, gridPoints } from './grid.js';
import { meanInterval, type MeanInterval } from './mean-interval.js';
import type { ScalarValue, SetOption } from './parse-set.js';
import { FIGURES } from './run-figures.js';
import type { Shard } from './shard.js';

/** What makes two sweeps (or two shards) the same sweep: every shard of one must agree on all of it. */
export interface SweepDefinition {
  ecsimVersion: string;
  /** The scenario's name and the sha256 of the scenario file's bytes (not its path: shards run on different machines). */
  scenario: { name: string; sha256: string };
  sets: { path: string; values: ScalarValue[] }[];
  seeds: number[];
}

/** One run's figures, at its place in the grid. */
export interface RunSummary {
  cell: number;
  point: number;
  seed: number;
  figures: Record<string, number>;
}

export interface PointSummary {
  index: number;
  /** The `--set` values of this point, keyed by path. */
  set: Record<string, ScalarValue>;
  figures: Record<string, MeanInterval>;
}

/** sweep.json. */
export interface SweepDocument extends SweepDefinition {
  format: 'ecsim-sweep';
  formatVersion: 1;
  order: string;
  interval: string;
  figures: { name: string; unit: string; description: string }[];
  points: PointSummary[];
  runs: RunSummary[];
}

/** A shard's output file, which `ecsim merge` combines. */
export interface ShardDocument extends SweepDefinition {
  format: 'ecsim-sweep-shard';
  formatVersion: 1;
  shard: Shard;
  runs: RunSummary[];
}

export const GRID_ORDER =
  'points are the cartesian product of the --set values, the first --set varying slowest; runs are points in order, each over the seeds in the order given; run (cell) index = point * seeds + seed position';
export const INTERVAL_FORMULA = '95% Student t interval over seeds: mean ± t(0.975, n-1) * s / sqrt(n), s the sample standard deviation; none for n = 1';

export function definitionOf(scenario: SweepDefinition['scenario'], sets: SetOption[], seeds: number[], ecsimVersion: string): SweepDefinition {
  return { ecsimVersion, scenario, sets: sets.map((s) => ({ path: s.path, values: s.values })), seeds };
}

/** The whole sweep from all of its runs, in any order: the same runs always give the same document. */
export function sweepDocument(definition: SweepDefinition, runs: RunSummary[]): SweepDocument {
  const ordered = [...runs].sort((a, b) => a.cell - b.cell);
  const points = gridPoints(definition.sets);
  const expected = gridCells(points.length, definition.seeds).length;
  if (ordered.length !== expected || ordered.some((run, i) => run.cell !== i)) {
    throw new Error(`sweepDocument: expected runs 0 to ${expected - 1} once each, got ${ordered.length} runs`);
  }
  return {
    format: 'ecsim-sweep',
    formatVersion: 1,
    ...definition,
    order: GRID_ORDER,
    interval: INTERVAL_FORMULA,
    figures: FIGURES.map(({ name, unit, description }) => ({ name, unit, description })),
    points: points.map((point) => {
      const pointRuns = ordered.filter((run) => run.point === point.index);
      return {
        index: point.index,
        set: Object.fromEntries(definition.sets.map((s, i) => [s.path, point.values[i]])),
        figures: Object.fromEntries(FIGURES.map((f) => [f.name, meanInterval(pointRuns.map((run) => run.figures[f.name]))])),
      };
    }),
    runs: ordered,
  };
}

export function shardDocument(definition: SweepDefinition, shard: Shard, runs: RunSummary[]): ShardDocument {
  return { format: 'ecsim-sweep-shard', formatVersion: 1, ...definition, shard, runs: [...runs].sort((a, b) => a.cell - b.cell) };
}

/** Files are JSON with one-space indent, like results.json, and end in a newline. */
export function toJson(document: SweepDocument | ShardDocument): string {
  return `${JSON.stringify(document, null, 1)}\n`;
}

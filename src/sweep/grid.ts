import type { ScalarValue } from './parse-set.js';

/** One combination of `--set` values: the same scenario run over every seed. */
export interface GridPoint {
  index: number;
  /** One value per `--set`, in the order the options were given. */
  values: ScalarValue[];
}

/** One run of the sweep: a grid point and a seed. */
export interface GridCell {
  index: number;
  point: number;
  seed: number;
}

/**
 * The cartesian product of the `--set` values, in a fixed order: the first `--set` varies slowest,
 * the last fastest (like nested loops written in option order). No `--set`: one point.
 */
export function gridPoints(sets: { values: ScalarValue[] }[]): GridPoint[] {
  let combinations: ScalarValue[][] = [[]];
  for (const set of sets) combinations = combinations.flatMap((prefix) => set.values.map((value) => [...prefix, value]));
  return combinations.map((values, index) => ({ index, values }));
}

/** Every run: points in order, and within a point the seeds in the order given. Cell index = point * seeds + seed position. */
export function gridCells(pointCount: number, seeds: number[]): GridCell[] {
  const cells: GridCell[] = [];
  for (let point = 0; point < pointCount; point++) {
    seeds.forEach((seed) => cells.push({ index: cells.length, point, seed }));
  }
  return cells;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseScenario } from '../scenario/load-scenario.js';
import { gridCells, gridPoints, type GridCell, type GridPoint } from '../sweep/grid.js';
import { parseSeeds } from '../sweep/parse-seeds.js';
import { parseSet, type SetOption } from '../sweep/parse-set.js';
import { setAtPath } from '../sweep/scenario-path.js';
import { chooseShard, shardCells, type Shard } from '../sweep/shard.js';
import { definitionOf, type SweepDefinition } from '../sweep/sweep-document.js';
import { VERSION } from '../version.js';
import { badInput } from './cli-error.js';
import { readScenario } from './read-scenario.js';
import type { WorkerSetup } from './sweep-pool.js';

export interface SweepFlags {
  seeds?: string;
  set?: string[];
  shard?: string;
  shards?: string;
}

/** A sweep ready to run: every grid point validated, the cells this process runs chosen. */
export interface SweepPlan {
  definition: SweepDefinition;
  points: GridPoint[];
  /** Every cell of the sweep, and the ones this process runs (all of them without a shard). */
  allCells: GridCell[];
  cells: GridCell[];
  shard: Shard | undefined;
  setup: WorkerSetup;
}

/**
 * Reads the scenario, applies each grid point's `--set` values to the raw file object and validates
 * the result, so a bad value fails with the usual path-named error (exit 2) before any run starts.
 */
export function planSweep(file: string, flags: SweepFlags, env: Record<string, string | undefined>): SweepPlan {
  const sets = (flags.set ?? []).map((text) => orBadInput(parseSet(text)));
  checkSets(sets);
  const shard = orBadInput(chooseShard(flags, env));
  const base = readScenario(file); // the usual errors for the file as written
  const seeds = flags.seeds === undefined ? [base.seed] : orBadInput(parseSeeds(flags.seeds));
  const text = readFileSync(file);
  const raw: unknown = parseYaml(text.toString('utf8'));
  const baseDir = dirname(resolve(file));
  const points = gridPoints(sets);
  const baseNotes = new Set(base.notes.map((n) => `${n.path}: ${n.message}`));
  const scenarios = points.map((point) => pointScenario(file, raw, sets, point, baseDir, baseNotes));
  const allCells = gridCells(points.length, seeds);
  const scenario = { name: base.name, sha256: createHash('sha256').update(text).digest('hex') };
  return {
    definition: definitionOf(scenario, sets, seeds, VERSION),
    points,
    allCells,
    cells: shardCells(allCells, shard),
    shard,
    setup: { scenarios, baseDir },
  };
}

function pointScenario(file: string, raw: unknown, sets: SetOption[], point: GridPoint, baseDir: string, baseNotes: Set<string>): unknown {
  let scenario = raw;
  sets.forEach((set, i) => {
    const applied = setAtPath(scenario, set.segments, point.values[i]);
    if (!applied.ok) throw badInput(`${file}: --set ${set.path}: ${applied.message}`);
    scenario = applied.value;
  });
  const loaded = parseScenario(scenario, { readFile: (path) => readFileSync(resolve(baseDir, path), 'utf8') });
  const where = sets.map((set, i) => `${set.path}=${JSON.stringify(point.values[i])}`).join(', ');
  if (!loaded.ok) {
    throw badInput(loaded.errors.map((e) => `${file}: ${e.path === '' ? '' : `${e.path}: `}${e.message} (with --set ${where})`).join('\n'));
  }
  // AWS-shaped objects accept fields ecsim does not simulate (as notes); sweeping one would change nothing.
  const added = loaded.spec.notes.filter((n) => !baseNotes.has(`${n.path}: ${n.message}`));
  if (added.length > 0) {
    throw badInput(`${file}: ${added[0].path}: ${added[0].message} (with --set ${where}): a field ecsim does not simulate, so sweeping it would change nothing`);
  }
  return scenario;
}

function checkSets(sets: SetOption[]): void {
  const paths = sets.map((s) => s.path);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice !== undefined) throw badInput(`--set ${twice}: given twice; list all its values in one --set`);
  if (paths.includes('seed')) throw badInput('--set seed: use --seeds to sweep over seeds');
}

function orBadInput<T>(parsed: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!parsed.ok) throw badInput(parsed.message);
  return parsed.value;
}

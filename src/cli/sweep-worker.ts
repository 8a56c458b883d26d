/**
 * A sweep worker thread: validates each grid point's scenario once, runs simulate() for every cell
 * the pool sends, and replies with the run's headline figures (never the whole Results, which would
 * be copied between threads for nothing).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseScenario } from '../scenario/load-scenario.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';
import { simulate } from '../simulate.js';
import type { GridCell } from '../sweep/grid.js';
import { runFigures } from '../sweep/run-figures.js';
import type { WorkerReply, WorkerSetup } from './sweep-pool.js';

const { scenarios, baseDir, maxEvents } = workerData as WorkerSetup;
const specs = new Map<number, ScenarioSpec>();

function specOf(point: number): ScenarioSpec {
  let spec = specs.get(point);
  if (!spec) {
    const loaded = parseScenario(scenarios[point], { readFile: (path) => readFileSync(resolve(baseDir, path), 'utf8') });
    // The main thread validated every point before starting workers, so this cannot fail.
    if (!loaded.ok) throw new Error(`grid point ${point} did not validate in the worker: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    spec = loaded.spec;
    specs.set(point, spec);
  }
  return spec;
}

parentPort!.on('message', (cell: GridCell) => {
  let reply: WorkerReply;
  try {
    // The figures need no per-task records: leave them out of the Results (less to build, less garbage).
    reply = { cell: cell.index, figures: runFigures(simulate(specOf(cell.point), { seed: cell.seed, maxEvents, taskRecords: 'summary' })) };
  } catch (error) {
    const e = error as Error;
    // SimulationStopped and InvariantViolation are findings about the scenario (exit 1); anything else is a bug, so keep its stack.
    const finding = e.name === 'SimulationStopped' || e.name === 'InvariantViolation';
    reply = { cell: cell.index, error: finding ? e.message : (e.stack ?? String(e)), finding };
  }
  parentPort!.postMessage(reply);
});

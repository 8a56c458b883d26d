/**
 * The sweep bench's timing, in a process of its own started with the node flags `ecsim sweep` runs
 * with (SWEEP_NODE_FLAGS): the same 20-run sweep on 1 worker thread and on 2, alternated, REPEATS
 * times each. Prints one JSON line: the seconds of every sweep, and whether both gave the same runs.
 * Used by sweep.ts, after it has built dist/ from the current source.
 *   node --single-threaded-gc --import tsx bench/sweep-run.ts FILE SEEDS SET REPEATS
 */
import { planSweep } from '../src/cli/sweep-plan.js';

const [file, seeds, set, repeats] = process.argv.slice(2);
// The compiled build's workers: what `ecsim sweep` (the package's bin) runs. From source each worker
// would first compile ecsim with tsx, on a loader thread of its own, which is not the sweep's work.
const pool: typeof import('../src/cli/sweep-pool.js') = await import(new URL('../dist/src/cli/sweep-pool.js', import.meta.url).href);
const plan = planSweep(file, { seeds, set: [set] }, {});
const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
const outputs: Record<1 | 2, string> = { 1: '', 2: '' };
for (let repeat = 0; repeat < Number(repeats); repeat++) {
  for (const workers of [1, 2] as const) {
    const started = performance.now();
    const runs = await pool.runCellsInWorkers(plan.cells, plan.setup, workers);
    seconds[workers].push((performance.now() - started) / 1000);
    outputs[workers] = JSON.stringify(runs);
  }
}
console.log(JSON.stringify({ runs: plan.cells.length, seconds, same: outputs[1] === outputs[2] }));

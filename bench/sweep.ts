import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planSweep } from '../src/cli/sweep-plan.js';

const QUICKSTART = fileURLToPath(new URL('../sims/quickstart.yaml', import.meta.url));
/**
 * Five simulated weeks of the quickstart: about 0.45 s a run on an idle core here. Each worker first
 * pays ~0.5 s of its own (loading ecsim, ~0.1 s, then a first run before V8 has optimized the code),
 * in parallel with the others; and one worker alone uses ~1.1 cores (V8 compiles and collects
 * garbage on background threads), which two workers on two cores cannot.
 */
const SWEEP = { seeds: '1..20', set: ['duration=840h'] };
const REPEATS = 5;
const TARGET = 1.7;

export interface SweepBenchReport {
  lines: string[];
  pass: boolean;
}

/**
 * The same 20-run sweep on 1 worker thread and on 2, alternated, the best of REPEATS each (the
 * machine is shared, so the best time is the one least disturbed). The reference is the 1-worker time
 * in the same command; the figure is the speedup. Both must give the same runs.
 *
 * The workers are those of the compiled build, built first from the current source: that is what
 * `ecsim sweep` runs (the package's bin). From source each worker would first compile ecsim with
 * tsx, on a loader thread of its own, which is not the sweep's work.
 */
export async function benchSweep(): Promise<SweepBenchReport> {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
  const pool: typeof import('../src/cli/sweep-pool.js') = await import(new URL('../dist/src/cli/sweep-pool.js', import.meta.url).href);
  const { runCellsInWorkers } = pool;
  const plan = planSweep(QUICKSTART, SWEEP, {});
  const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const outputs: Record<1 | 2, string> = { 1: '', 2: '' };
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const workers of [1, 2] as const) {
      const started = performance.now();
      const runs = await runCellsInWorkers(plan.cells, plan.setup, workers);
      seconds[workers].push((performance.now() - started) / 1000);
      outputs[workers] = JSON.stringify(runs);
    }
  }
  const [one, two] = [Math.min(...seconds[1]), Math.min(...seconds[2])];
  const speedup = one / two;
  const same = outputs[1] === outputs[2];
  const lines = [
    `sweep: ${plan.cells.length} runs of ${join('sims', 'quickstart.yaml')} (--set duration=840h, --seeds 1..20), best of ${REPEATS}, alternated:`,
    `  1 worker    ${one.toFixed(2)} s   (${seconds[1].map((s) => s.toFixed(2)).join(', ')})`,
    `  2 workers   ${two.toFixed(2)} s   (${seconds[2].map((s) => s.toFixed(2)).join(', ')})   speedup ${speedup.toFixed(2)}x (target >= ${TARGET}x)`,
    `  same runs on 1 and 2 workers: ${same ? 'yes' : 'NO'}`,
  ];
  return { lines, pass: speedup >= TARGET && same };
}

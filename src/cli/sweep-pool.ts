import { Worker } from 'node:worker_threads';
import type { GridCell } from '../sweep/grid.js';
import type { RunSummary } from '../sweep/sweep-document.js';

/** What every worker starts with: the raw scenario object of each grid point, and where the scenario's own files are. */
export interface WorkerSetup {
  scenarios: unknown[];
  baseDir: string;
  /** Stop a run with SimulationStopped after this many events (`--max-events`). */
  maxEvents?: number;
}

export type WorkerReply = { cell: number; figures: Record<string, number> } | { cell: number; error: string; finding: boolean };

/** A run that failed in a worker; `finding` when the scenario stopped a run (max events, invariant), not a bug. */
export class RunFailed extends Error {
  constructor(readonly cell: GridCell, message: string, readonly finding: boolean) {
    super(message);
    this.name = 'RunFailed';
  }
}

/**
 * Runs the cells on `workers` threads, handing the next cell to whichever worker is free, and returns
 * the runs in cell order, so the output does not depend on the number of workers or who finished first.
 */
export function runCellsInWorkers(cells: GridCell[], setup: WorkerSetup, workers: number, onRunDone?: (done: number) => void): Promise<RunSummary[]> {
  const byIndex = new Map(cells.map((cell) => [cell.index, cell]));
  const runs: RunSummary[] = [];
  const threads: Worker[] = [];
  let next = 0;
  return new Promise<RunSummary[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const thread of threads) void thread.terminate();
      if (error) reject(error);
      else resolve(runs.sort((a, b) => a.cell - b.cell));
    };
    const feed = (thread: Worker) => {
      if (next < cells.length) thread.postMessage(cells[next++]);
    };
    if (cells.length === 0) return finish();
    for (let i = 0; i < Math.min(workers, cells.length); i++) {
      const thread = startWorker(setup);
      threads.push(thread);
      thread.on('message', (reply: WorkerReply) => {
        const cell = byIndex.get(reply.cell)!;
        if ('error' in reply) return finish(new RunFailed(cell, reply.error, reply.finding));
        runs.push({ cell: cell.index, point: cell.point, seed: cell.seed, figures: reply.figures });
        onRunDone?.(runs.length);
        if (runs.length === cells.length) finish();
        else feed(thread);
      });
      thread.on('error', (error) => finish(error));
      thread.on('exit', (code) => {
        if (!settled) finish(new Error(`a sweep worker exited (code ${code}) before the sweep finished`));
      });
      feed(thread);
    }
  });
}

/**
 * From the compiled build the worker is plain JavaScript. From source (tsx, tests, the bench) it is
 * TypeScript, and on Node 20 a worker does not inherit tsx's loader hooks through execArgv, so a
 * one-line bootstrap registers tsx in the worker before importing it.
 */
function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./sweep-worker.js', here), { workerData: setup });
  const target = JSON.stringify(new URL('./sweep-worker.ts', here).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((api) => { api.register(); return import(${target}); });`, { eval: true, workerData: setup });
}

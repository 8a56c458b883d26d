import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { renderSweepReport } from '../../report/sweep-report.js';
import { shardDocument, sweepDocument, toJson, type SweepDocument } from '../sweep/sweep-document.js';
import { sweepCsv } from '../sweep/sweep-csv.js';
import { badInput, CliError } from './cli-error.js';
import { writeAll } from './output.js';
import { planSweep, type SweepFlags } from './sweep-plan.js';
import { RunFailed, runCellsInWorkers } from './sweep-pool.js';

export interface SweepCommandFlags extends SweepFlags {
  workers?: string;
  out?: string;
  'max-events'?: string;
}

/** `ecsim sweep FILE`: runs the grid (or one shard of it) on worker threads and writes the sweep files. */
export async function sweepCommand(file: string, flags: SweepCommandFlags): Promise<void> {
  const workers = flags.workers === undefined ? availableParallelism() : positiveWholeNumber('--workers', flags.workers);
  const maxEvents = flags['max-events'] === undefined ? undefined : positiveWholeNumber('--max-events', flags['max-events']);
  const plan = planSweep(file, flags, process.env);
  const outDir = flags.out ?? join('out', `${basename(file, extname(file))}-sweep`);
  const used = Math.min(workers, plan.cells.length);
  const progress = runCounter(plan.cells.length);
  let runs;
  try {
    runs = await runCellsInWorkers(plan.cells, { ...plan.setup, maxEvents }, used, progress.update);
  } catch (error) {
    progress.done();
    if (error instanceof RunFailed) {
      const { cell } = error;
      const values = plan.definition.sets.map((s, i) => `${s.path}=${JSON.stringify(plan.points[cell.point].values[i])}`);
      const where = `run ${cell.index} (seed ${cell.seed}${values.length > 0 ? `, ${values.join(', ')}` : ''})`;
      if (error.finding) throw new CliError(`${file}: ${where}: ${error.message}`, 1);
      throw new Error(`${file}: ${where} failed:\n${error.message}`);
    }
    throw error;
  }
  progress.done();

  const { name } = plan.definition.scenario;
  const shape = `${plan.points.length} grid point${plan.points.length === 1 ? '' : 's'} x ${plan.definition.seeds.length} seed${plan.definition.seeds.length === 1 ? '' : 's'}`;
  if (plan.shard) {
    const { index, count } = plan.shard;
    const shardPath = join(outDir, `shard-${index}-of-${count}.json`);
    writeAll([{ path: shardPath, content: toJson(shardDocument(plan.definition, plan.shard, runs)) }]);
    const where = used === 0 ? 'nothing to run: more shards than runs' : `on ${used} worker${used === 1 ? '' : 's'}`;
    say(`${name}: shard ${index}/${count}: ${runs.length} of ${plan.allCells.length} runs (${shape}); ${where}`);
    say(`shard: ${shardPath}`);
    say(`combine all ${count} shards with: ecsim merge OUT_DIR shard-*-of-${count}.json`);
    return;
  }
  const sweep = sweepDocument(plan.definition, runs);
  writeSweep(outDir, sweep);
  say(`${name}: ${runs.length} runs (${shape}) on ${used} worker${used === 1 ? '' : 's'}`);
  headlineLines(sweep).forEach(say);
  sweepFileLines(outDir).forEach(say);
}

/** sweep.json, sweep.csv and sweep.html, all or none; `ecsim merge` writes the same three. */
export function writeSweep(outDir: string, sweep: SweepDocument): void {
  writeAll([
    { path: join(outDir, 'sweep.json'), content: toJson(sweep) },
    { path: join(outDir, 'sweep.csv'), content: sweepCsv(sweep) },
    { path: join(outDir, 'sweep.html'), content: renderSweepReport(sweep) },
  ]);
}

export function sweepFileLines(outDir: string): string[] {
  return [`sweep:   ${join(outDir, 'sweep.json')}`, `csv:     ${join(outDir, 'sweep.csv')}`, `page:    ${join(outDir, 'sweep.html')}`];
}

/** A line per grid point with two figures most sweeps are about: what it cost and how long tasks waited. */
function headlineLines(sweep: SweepDocument): string[] {
  const show = (m: { mean: number; halfWidth: number | null }) => `${m.mean}${m.halfWidth === null ? '' : ` ± ${m.halfWidth}`}`;
  return sweep.points.map((point) => {
    const label = Object.entries(point.set).map(([path, value]) => `${path}=${JSON.stringify(value)}`).join(' ') || 'as written';
    return `  ${label}: cost $${show(point.figures.totalCostUsd)}, wait p95 ${show(point.figures.waitForCapacityP95Ms)} ms, RunTask failures ${show(point.figures.runTaskFailures)}`;
  });
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** "12/40 runs" on stderr, only when it is a terminal (no clock needed: runs are the unit). */
function runCounter(total: number): { update: (done: number) => void; done: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  return {
    update: (done) => void process.stderr.write(`\r${done}/${total} runs`),
    done: () => void process.stderr.write('\r\x1b[K'),
  };
}

function positiveWholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw badInput(`${flag}: expected a whole number of at least 1, got "${text}"`);
  return Number(text);
}

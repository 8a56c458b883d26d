import { basename, extname, join } from 'node:path';
import { renderReport } from '../../report/render-report.js';
import { InvariantViolation } from '../checks/invariants.js';
import { parseDuration } from '../engine/time.js';
import type { Results } from '../results/results.js';
import { simulate, SimulationStopped } from '../simulate.js';
import { badInput, CliError } from './cli-error.js';
import { writeAll } from './output.js';
import { progressBar } from './progress.js';
import { readScenario } from './read-scenario.js';

export interface RunFlags {
  seed?: string;
  until?: string;
  out?: string;
  json?: boolean;
  check?: boolean;
  'check-every'?: string;
  'max-events'?: string;
  events?: string;
  tasks?: string;
}

export function runCommand(file: string, flags: RunFlags): void {
  const seed = flags.seed === undefined ? undefined : wholeNumber('--seed', flags.seed);
  const maxEvents = flags['max-events'] === undefined ? undefined : wholeNumber('--max-events', flags['max-events']);
  const checkEvery = flags['check-every'] === undefined ? undefined : wholeNumber('--check-every', flags['check-every']);
  if (checkEvery === 0) throw badInput('--check-every: expected a whole number of events of at least 1, got "0"');
  const until = flags.until === undefined ? undefined : parseDuration(flags.until);
  if (flags.until !== undefined && !until) throw badInput(`--until: expected a positive duration such as "90m" or "6h", got "${flags.until}"`);
  if (flags.tasks !== undefined && flags.tasks !== 'full' && flags.tasks !== 'summary') throw badInput(`--tasks: expected full or summary, got "${flags.tasks}"`);
  const taskRecords = flags.tasks as 'full' | 'summary' | undefined;
  const spec = readScenario(file);

  const progress = progressBar(process.stderr);
  const logLines: string[] = [];
  const onLogRecord = flags.events === undefined ? undefined : (record: object) => void logLines.push(JSON.stringify(record));
  let results: Results;
  try {
    results = simulate(spec, { seed, until, check: flags.check, checkEvery, maxEvents, onProgress: progress.update, onLogRecord, taskRecords });
  } catch (error) {
    progress.done();
    if (error instanceof SimulationStopped || error instanceof InvariantViolation) throw new CliError(`${file}: ${error.message}`, 1);
    throw error;
  }
  progress.done();

  const resultsJson = `${JSON.stringify(results, null, 1)}\n`;
  const eventsFile = flags.events === undefined ? [] : [{ path: flags.events, content: logLines.length > 0 ? `${logLines.join('\n')}\n` : '' }];
  const outDir = flags.out ?? (flags.json ? undefined : join('out', basename(file, extname(file))));
  if (outDir !== undefined) {
    const resultsPath = join(outDir, 'results.json');
    const reportPath = join(outDir, 'report.html');
    writeAll([{ path: resultsPath, content: resultsJson }, { path: reportPath, content: renderReport(results) }, ...eventsFile]);
    const say = flags.json ? (line: string) => process.stderr.write(`${line}\n`) : (line: string) => process.stdout.write(`${line}\n`);
    summaryLines(results).forEach(say);
    say(`results: ${resultsPath}`);
    say(`report:  ${reportPath}`);
    if (flags.events !== undefined) say(`events:  ${flags.events} (${logLines.length} EventBridge-shaped records, JSON Lines)`);
  } else if (eventsFile.length > 0) {
    writeAll(eventsFile);
  }
  if (flags.json) process.stdout.write(resultsJson);
}

function summaryLines(results: Results): string[] {
  const s = results.summary;
  const failures = Object.entries(s.failuresByReason).map(([reason, n]) => `${n} ${reason}`).join(', ');
  const lines = [
    `${results.scenario.name}: simulated ${formatHours(results.scenario.durationMs)} (seed ${results.scenario.seed}, ${s.eventsFired} events)`,
    `  tasks: ${s.tasksRequested} requested, ${s.tasksPlaced} placed, peak ${s.peakRunningTasks} running`,
    `  RunTask failures: ${s.runTaskFailures}${failures ? ` (${failures})` : ''}`,
    `  cluster reservation: CPU mean ${s.cpuReservation.mean}% / max ${s.cpuReservation.max}%, memory mean ${s.memoryReservation.mean}% / max ${s.memoryReservation.max}%`,
    `  cost: $${s.totalCostUsd.toFixed(2)}${s.tasksLost > 0 ? `; ${s.tasksLost} tasks lost to interruptions and failures` : ''}${results.faults.length > 0 ? `; ${results.faults.length} faults` : ''}`,
  ];
  if (results.notes.length > 0) lines.push(`  notes: ${results.notes.length} scenario fields are not simulated (listed in results.json "notes")`);
  return lines;
}

function formatHours(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${(ms / 60_000).toFixed(1)}m`;
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw badInput(`${flag}: expected a whole number, got "${text}"`);
  return Number(text);
}

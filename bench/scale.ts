import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { run, SHARED_BENCH } from './peers.js';
import type { BenchReport } from './w2.js';
import { W3_FULL } from './w3-scenario.js';
import { W4_DAYS } from './w4-scenario.js';

interface ScaleRun {
  seconds: number;
  events: number;
  tasks: number;
  peakInstances: number;
  runTaskFailures: number;
  peakRssMiB: number;
}

const RUNNER = fileURLToPath(new URL('./scale-run.ts', import.meta.url));

/** One workload in a child process (its own peak RSS), through tsx as the rest of the bench. */
function scaleRun(args: string[]): ScaleRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`scale-run ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

const GiB = 1024;
const CHECK_EVERY = 100_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Scale (issue 8): W3 the full simulator, 10,000 instances at the daily peak in Auto Scaling group
 * providers with managed scaling, 200 services with target tracking under diurnal load and a RunTask
 * batch stream, 7 days; W4 the CloudSim Plus shape; and the growth of wall time per event with W3 at
 * 1,000 / 10,000 / 50,000 instances (6 simulated hours each). The reference for events/s is the
 * hand-tuned M/M/c limit measured in the same command. `--tasks summary` throughout.
 */
export function benchScale(): BenchReport {
  const limit = JSON.parse(run(process.execPath, [join(SHARED_BENCH, 'limit-mmc.mjs'), '1000000', '10', '0.9'])) as { eventsPerSec: number };
  const lines = [`Scale (each workload in its own process; reference: the hand-tuned M/M/c limit, ${(limit.eventsPerSec / 1e6).toFixed(2)} M events/s here):`];
  const describe = (name: string, r: ScaleRun) =>
    `  ${name}: ${r.seconds.toFixed(1)} s, ${fmt(r.events)} events (${fmt(r.events / r.seconds)}/s, ${((r.events / r.seconds / limit.eventsPerSec) * 100).toFixed(1)}% of the limit), ${fmt(r.tasks)} tasks, peak ${fmt(r.peakInstances)} instances, peak RSS ${fmt(r.peakRssMiB)} MiB`;

  const w3 = scaleRun(['w3', String(W3_FULL.instances), String(W3_FULL.services), String(W3_FULL.days * 24)]);
  const w3ok = w3.seconds < 60 && w3.peakRssMiB < 2 * GiB;
  lines.push(describe(`W3 ${fmt(W3_FULL.instances)} instances, ${W3_FULL.services} services, ${W3_FULL.days} days`, w3), `    target: under 60 s and 2 GiB: ${w3ok ? 'met' : 'MISSED'}`);

  // A check reads the whole world (about 0.1 s at this size), so W3 checks every CHECK_EVERY events and at the end.
  const checked = scaleRun(['w3', String(W3_FULL.instances), String(W3_FULL.services), String(W3_FULL.days * 24), String(CHECK_EVERY)]);
  const checks = Math.floor(checked.events / CHECK_EVERY) + 1;
  lines.push(`  W3 with --check-every ${fmt(CHECK_EVERY)} (${fmt(checks)} checks of every invariant): ${checked.seconds.toFixed(1)} s, peak RSS ${fmt(checked.peakRssMiB)} MiB: completes`);

  const w4 = scaleRun(['w4']);
  const w4ok = w4.seconds < 120;
  lines.push(describe(`W4 50,000 instances, 100,000 tasks, ${W4_DAYS} days`, w4), `    target: under 120 s (CloudSim Plus: 6.38 min for its run, published): ${w4ok ? 'met' : 'MISSED'}`);

  const growth = [1_000, 10_000, 50_000].map((instances) => ({ instances, run: scaleRun(['w3', String(instances), '200', '6']) }));
  const perEvent = growth.map((g) => (g.run.seconds / g.run.events) * 1e6);
  const growthRatio = perEvent[2] / perEvent[0];
  lines.push('  growth, W3 for 6 simulated hours:');
  growth.forEach((g, i) => lines.push(`    ${fmt(g.instances)} instances: ${g.run.seconds.toFixed(1)} s, ${fmt(g.run.events)} events, ${perEvent[i].toFixed(2)} µs/event, peak RSS ${fmt(g.run.peakRssMiB)} MiB`));
  lines.push(`    µs/event at 50,000 / at 1,000 = ${growthRatio.toFixed(2)} (target < 2)`);
  return { lines, pass: w3ok && w4ok && growthRatio < 2 };
}

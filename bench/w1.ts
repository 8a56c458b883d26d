import { join } from 'node:path';
import { hasSimpy, median, peakRssMiB, run, SHARED_BENCH, SYSTEM_PYTHON } from './peers.js';
import { runMmc } from './w1-mmc.js';

/** Erlang-C mean wait for M/M/10 with lambda 9, mu 1 (../shared/bench/README.md). */
const ERLANG_C_WQ = 0.6687;
const JOBS = 1_000_000;
const REPEATS = 3;

export interface W1Report {
  ecsimEventsPerSec: number;
  limitEventsPerSec: number;
  simpyEventsPerSec: number | undefined;
  meanWait: number;
  lines: string[];
  pass: boolean;
}

/** W1: M/M/c (c=10, lambda=9, mu=1, 1e6 jobs) on ecsim's kernel, the hand-tuned limit and SimPy. */
export function benchW1(): W1Report {
  const ecsimRuns = Array.from({ length: REPEATS }, () => runMmc(JOBS));
  const ecsimEventsPerSec = median(ecsimRuns.map((r) => r.modelEventsPerSec));
  const meanWait = ecsimRuns[0].meanWaitSeconds;

  const limitArgs = [join(SHARED_BENCH, 'limit-mmc.mjs'), String(JOBS), '10', '0.9'];
  const limitRuns = Array.from({ length: REPEATS }, () => JSON.parse(run(process.execPath, limitArgs)));
  const limitEventsPerSec = median(limitRuns.map((r: { eventsPerSec: number }) => r.eventsPerSec));

  let simpyEventsPerSec: number | undefined;
  if (hasSimpy()) {
    const out = run(SYSTEM_PYTHON, [join(SHARED_BENCH, 'mmc_simpy.py'), String(JOBS)]);
    simpyEventsPerSec = Number(/model_ev\/s=([\d,]+)/.exec(out)![1].replace(/,/g, ''));
  }

  const vsLimit = ecsimEventsPerSec / limitEventsPerSec;
  const vsSimpy = simpyEventsPerSec ? ecsimEventsPerSec / simpyEventsPerSec : undefined;
  const waitError = Math.abs(meanWait - ERLANG_C_WQ) / ERLANG_C_WQ;
  const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  const lines = [
    `W1 M/M/10 rho 0.9, ${JOBS.toLocaleString('en-US')} jobs (${(2 * JOBS).toLocaleString('en-US')} model events), median of ${REPEATS}:`,
    `  ecsim kernel           ${m(ecsimEventsPerSec)} model events/s (${median(ecsimRuns.map((r) => r.seconds)).toFixed(2)} s; bench process peak RSS so far ${peakRssMiB()} MiB)`,
    `  hand-tuned JS limit    ${m(limitEventsPerSec)} model events/s   ecsim/limit = ${vsLimit.toFixed(2)}  (target >= 0.5, issue 8)`,
    simpyEventsPerSec
      ? `  SimPy 3 (Debian)       ${m(simpyEventsPerSec)} model events/s   ecsim/SimPy = ${vsSimpy!.toFixed(1)}x (target >= 10x)`
      : '  SimPy                  not run: /usr/bin/python3 has no simpy (apt-get install python3-simpy3)',
    `  mean wait ${meanWait.toFixed(4)} s vs Erlang-C ${ERLANG_C_WQ} s: ${(waitError * 100).toFixed(2)}% off (target <= 3%)`,
  ];
  const pass = vsLimit >= 0.5 && (vsSimpy === undefined || vsSimpy >= 10) && waitError <= 0.03;
  return { ecsimEventsPerSec, limitEventsPerSec, simpyEventsPerSec, meanWait, lines, pass };
}

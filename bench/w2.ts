import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSimpy, median, peakRssMiB, run, SHARED_BENCH, SYSTEM_PYTHON } from './peers.js';
import { parseTrace, runW2 } from './w2-binpack.js';

/** The oracle's hashes for the trace from `gen_trace.py 100000` (../shared/bench/README.md). */
const EXPECTED: Record<number, string> = { 1000: '9cef6bbbb3d581fe', 600: 'efa657673e505c6d' };

export interface BenchReport {
  lines: string[];
  pass: boolean;
}

/** W2: binpack(memory) of 100k trace tasks on 1,000 and 600 hosts, ecsim vs binpack_simpy.py, same command. */
export function benchW2(): BenchReport {
  const dir = join('out', 'bench');
  mkdirSync(dir, { recursive: true });
  const tracePath = join(dir, 'w2-trace.csv');
  if (!existsSync(tracePath)) run(SYSTEM_PYTHON, [join(SHARED_BENCH, 'gen_trace.py'), '100000', tracePath]);
  const trace = parseTrace(readFileSync(tracePath, 'utf8'));
  const lines = [`W2 binpack(memory), ${trace.length.toLocaleString('en-US')} trace tasks, FIFO pending queue (median of 3 ecsim runs):`];
  let pass = true;
  for (const hosts of [1000, 600]) {
    const runs = Array.from({ length: 3 }, () => runW2(trace, hosts));
    const seconds = median(runs.map((r) => r.seconds));
    const { hash } = runs[0];
    const hashOk = hash === EXPECTED[hosts];
    let simpy = '';
    let ratio: number | undefined;
    if (hasSimpy()) {
      const out = run(SYSTEM_PYTHON, [join(SHARED_BENCH, 'binpack_simpy.py'), tracePath], { H: String(hosts) });
      const simpySeconds = Number(/wall=([\d.]+)s/.exec(out)![1]);
      const simpyHash = /sha=([0-9a-f]+)/.exec(out)![1];
      ratio = simpySeconds / seconds;
      simpy = `SimPy ${simpySeconds.toFixed(2)} s (sha ${simpyHash}); ecsim is ${ratio.toFixed(1)}x faster (target >= 5x)`;
      pass &&= simpyHash === hash && ratio >= 5;
    } else {
      simpy = 'SimPy not run: /usr/bin/python3 has no simpy (apt-get install python3-simpy3)';
    }
    pass &&= hashOk;
    // Each task arrives and departs: two events.
    const perSecond = Math.round((2 * trace.length) / seconds).toLocaleString('en-US');
    lines.push(`  ${hosts} hosts: ecsim ${seconds.toFixed(3)} s (${perSecond} arrivals and departures/s, bench process peak RSS so far ${peakRssMiB()} MiB), sha ${hash} ${hashOk ? '= oracle' : `!= oracle ${EXPECTED[hosts]}`}; ${simpy}`);
  }
  return { lines, pass };
}

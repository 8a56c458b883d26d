/**
 * `npm run bench`: ecsim's benchmarks, each measured against its references in the same command
 * (../shared/bench/README.md). Prints figures and ratios; exits 1 if a target is missed.
 */
import { benchPlacement10k } from './placement-10k.js';
import { benchScale } from './scale.js';
import { benchSweep } from './sweep.js';
import { benchW1 } from './w1.js';
import { benchW2 } from './w2.js';

const only = process.argv[2];
const benches = { w1: benchW1, w2: benchW2, placement: benchPlacement10k, sweep: benchSweep, scale: benchScale };
let pass = true;
for (const [name, bench] of Object.entries(benches)) {
  if (only && only !== name) continue;
  const report = await bench();
  for (const line of report.lines) console.log(line);
  console.log(`${name}: ${report.pass ? 'all targets met' : 'a target was missed'}\n`);
  pass &&= report.pass;
}
process.exitCode = pass ? 0 : 1;

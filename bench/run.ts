/**
 * `npm run bench`: ecsim's benchmarks, each measured against its references in the same command
 * (../shared/bench/README.md). Prints figures and ratios; exits 1 if a target is missed.
 */
import { benchW1 } from './w1.js';

const w1 = benchW1();
for (const line of w1.lines) console.log(line);
console.log(w1.pass ? 'W1: all targets met' : 'W1: a target was missed');
process.exitCode = w1.pass ? 0 : 1;

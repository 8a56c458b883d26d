/**
 * One scale workload in a process of its own, so its peak RSS is its own: prints one JSON line with
 * the wall time of simulate(), the events, the tasks and the peak RSS. Used by scale.ts.
 *   tsx bench/scale-run.ts w3 INSTANCES SERVICES HOURS [CHECK_EVERY]
 *   tsx bench/scale-run.ts w4
 */
import { parseScenario } from '../src/scenario/load-scenario.js';
import { simulate } from '../src/simulate.js';
import { w3Scenario } from './w3-scenario.js';
import { w4Scenario } from './w4-scenario.js';

const [workload, ...args] = process.argv.slice(2);
const scenario = workload === 'w3' ? w3Scenario({ instances: Number(args[0]), services: Number(args[1]), days: Number(args[2]) / 24 }) : w4Scenario();
const loaded = parseScenario(scenario);
if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
// Every invariant checked after every Nth event and at the end (`ecsim run --check-every N`).
const checkEvery = args[3] === undefined ? undefined : Number(args[3]);
const started = performance.now();
const results = simulate(loaded.spec, { taskRecords: 'summary', checkEvery });
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    seconds,
    events: results.summary.eventsFired,
    tasks: results.summary.tasksPlaced,
    peakInstances: results.summary.peakInstances,
    runTaskFailures: results.summary.runTaskFailures,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

import { readFileSync } from 'node:fs';
import { parse } from '/work/main/node_modules/yaml/dist/index.js';
const { parseScenario } = await import('/work/main/dist/src/scenario/load-scenario.js');
const { simulate } = await import('/work/main/dist/src/simulate.js');
const raw = parse(readFileSync('/work/main/sims/quickstart.yaml','utf8'));
raw.duration = '840h';
const loaded = parseScenario(raw, { readFile: (p) => readFileSync('/work/main/sims/'+p,'utf8') });
const n = Number(process.argv[2] ?? 5);
const mainTicks = () => { const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
let m0 = mainTicks(), c0 = process.cpuUsage();
for (let i = 1; i <= n; i++) {
  const t = performance.now();
  simulate(loaded.spec, { seed: i, taskRecords: 'summary' });
  const m1 = mainTicks(), c1 = process.cpuUsage(c0); c0 = process.cpuUsage();
  console.log(i, 'wall', ((performance.now()-t)/1000).toFixed(3), 'main', (m1-m0).toFixed(2), 'other', ((c1.user+c1.system)/1e6 - (m1-m0)).toFixed(2));
  m0 = m1;
}
